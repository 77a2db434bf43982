package dev.framebridge.host

import dev.framebridge.host.camera.CameraOptions
import dev.framebridge.host.camera.TestPatternRenderer
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import javax.imageio.ImageIO
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/** The host assembled in this JVM (no plugins): camera track, chain, sinks, web preview routes, device loss. */
class HostAssemblySpec extends Specification {

  @TempDir
  Path dir

  HttpClient http = HttpClient.newHttpClient()
  def conditions = new PollingConditions(timeout: 15, initialDelay: 0.1, delay: 0.1)

  FramebridgeHost start(PreviewMode preview, Path snapshots = null) {
    FramebridgeHost.start(HostOptions.builder(Files.createDirectories(dir.resolve('plugins')))
        .camera(CameraOptions.builder().camera('synthetic').size(160, 120).fps(30).build())
        .preview(preview).port(0).snapshotDir(snapshots).build())
  }

  HttpResponse<byte[]> get(FramebridgeHost host, String path) {
    http.send(HttpRequest.newBuilder(URI.create(host.webUrl + path)).build(), HttpResponse.BodyHandlers.ofByteArray())
  }

  HttpResponse<String> post(FramebridgeHost host, String path) {
    http.send(HttpRequest.newBuilder(URI.create(host.webUrl + path)).POST(HttpRequest.BodyPublishers.ofString('{}'))
        .build(), HttpResponse.BodyHandlers.ofString())
  }

  def "losing the camera mutes its track and stops output; frames resume when it returns; the host keeps running"() {
    given:
    def host = start(PreviewMode.NONE)

    expect:
    conditions.eventually { assert host.metrics.outputFrames > 10 }
    !host.cameraTrack.muted

    when: "the device goes away"
    host.camera.syntheticDevice.unplugged = true

    then: "the camera and its track are muted and no output frames arrive"
    conditions.eventually {
      assert host.camera.muted
      assert host.cameraTrack.muted
    }
    long frozen = host.metrics.outputFrames
    conditions.eventually { assert host.metrics.outputFps == 0 }
    host.metrics.outputFrames <= frozen + 1

    when: "it comes back"
    host.camera.syntheticDevice.unplugged = false

    then:
    conditions.eventually {
      assert !host.cameraTrack.muted
      assert host.metrics.outputFrames > frozen + 10
    }

    cleanup:
    host?.close()
  }

  def "the web preview serves the page, live MJPEG, exact PNG frames, host metrics and snapshots"() {
    given:
    Path snaps = dir.resolve('snaps')
    def host = start(PreviewMode.WEB, snaps)

    expect: "the page and its script are served from the JAR"
    new String(get(host, '').body(), 'UTF-8').contains('<img id="output" src="stream/output.mjpg"')
    get(host, 'app.js').headers().firstValue('Content-Type').get().startsWith('text/javascript')
    get(host, '../etc/passwd').statusCode() == 404

    and: "frames flow; the PNG frame is the exact pattern"
    conditions.eventually { assert get(host, 'frame/output.png').statusCode() == 200 }
    def png = ImageIO.read(new ByteArrayInputStream(get(host, 'frame/output.png').body()))
    png.width == 160 && png.height == 120
    (png.getRGB(5, 5) & 0xFFFFFF) == TestPatternRenderer.BAR_COLORS[0]

    and: "the MJPEG stream starts with a multipart JPEG part"
    def stream = http.send(HttpRequest.newBuilder(URI.create(host.webUrl + 'stream/output.mjpg')).build(),
        HttpResponse.BodyHandlers.ofInputStream())
    stream.headers().firstValue('Content-Type').get().startsWith('multipart/x-mixed-replace')
    def head = new byte[200]
    int n = stream.body().readNBytes(head, 0, head.length)
    stream.body().close()
    new String(head, 0, n, 'ISO-8859-1').contains('Content-Type: image/jpeg')

    and: "host metrics and the runtime's status are JSON"
    conditions.eventually {
      def h = new JsonSlurper().parse(get(host, 'api/host').body())
      assert h.camera.synthetic && h.output.frames > 0 && h.pluginsRunning == 0
    }
    new JsonSlurper().parse(get(host, 'api/status').body()).plugins == []

    when: "a snapshot is requested"
    def r = post(host, 'api/snapshot')
    def files = new JsonSlurper().parseText(r.body())

    then: "both PNGs are written"
    r.statusCode() == 200
    Files.size(Path.of(files.output as String)) > 0
    Files.size(Path.of(files.input as String)) > 0
    Files.exists(snaps.resolve('output-latest.png'))

    and: "GET is refused"
    get(host, 'api/snapshot').statusCode() == 405

    cleanup:
    host?.close()
  }

  def "without a snapshot directory a snapshot request is a clear 409"() {
    given:
    def host = start(PreviewMode.WEB)

    when:
    def r = post(host, 'api/snapshot')

    then:
    r.statusCode() == 409
    r.body().contains('--snapshot-dir')

    cleanup:
    host?.close()
  }
}
