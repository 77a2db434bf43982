package dev.framebridge.audio

import dev.framebridge.host.audio.AudioLevelHandler
import dev.framebridge.host.audio.AudioStreamFormat
import dev.framebridge.host.audio.LevelMeter
import dev.framebridge.host.audio.MicrophoneSource
import dev.framebridge.host.audio.SystemAudioSink
import dev.framebridge.host.clock.CaptureClock
import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.spi.media.AudioSampleFormat
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import spock.lang.Specification

class AudioDevicesSpec extends Specification {

  def "the microphone opens when present and is absent without an exception otherwise"() {
    when:
    def mic = MicrophoneSource.open(AudioStreamFormat.defaults(), CaptureClock.startNow())

    then:
    noExceptionThrown()
    // On a machine with a microphone a chunk is captured; on one without, empty is the whole contract.
    !mic.present || {
      float[][] p = new float[1][480]
      long ts = mic.get().read(p)
      ts >= 0
    }()

    cleanup:
    mic?.ifPresent { it.close() }
  }

  def "the system output opens when present and is absent without an exception otherwise"() {
    when:
    def out = SystemAudioSink.open(AudioStreamFormat.defaults())

    then:
    noExceptionThrown()
    !out.present || {
      def chunk = MediaFrames.createAudioData(AudioDataInit.builder().format(AudioSampleFormat.F32_PLANAR)
          .sampleRate(48000f).numberOfFrames(480).numberOfChannels(1).timestamp(0L).data(new float[480]).build())
      try { out.get().write(chunk) } finally { chunk.close() }
      true
    }()

    cleanup:
    out?.ifPresent { it.close() }
  }

  def "GET /api/audio serves the output and input levels as JSON; other methods get 405"() {
    given:
    def input = new LevelMeter()
    def output = new LevelMeter()
    float[][] loud = [(0..<480).collect { (float) (0.5 * Math.sin(it * 0.1)) } as float[]] as float[][]
    float[][] quiet = [(0..<480).collect { (float) (0.25 * Math.sin(it * 0.1)) } as float[]] as float[][]
    input.accept(quiet, 1, 480, 0, 48000f)
    output.accept(loud, 1, 480, 0, 48000f)
    def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
    server.createContext("/api/audio", new AudioLevelHandler({ "synthetic tone \"A\"" }, output, input))
    server.start()
    def client = HttpClient.newHttpClient()
    def uri = URI.create("http://127.0.0.1:${server.address.port}/api/audio")

    when:
    def get = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
    def post = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString())
    def json = new JsonSlurper().parseText(get.body())

    then:
    get.statusCode() == 200
    get.headers().firstValue("Content-Type").get().startsWith("application/json")
    json.source == 'synthetic tone "A"'
    Math.abs(json.peakDbfs - (-6.02)) < 0.05
    Math.abs(json.input.peakDbfs - (-12.04)) < 0.05
    json.chunks == 1
    post.statusCode() == 405

    cleanup:
    server?.stop(0)
  }
}
