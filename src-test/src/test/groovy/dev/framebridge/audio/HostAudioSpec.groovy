package dev.framebridge.audio

import dev.framebridge.host.HostProcess
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.WavAudio
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/** Audio in the host as a user runs it: bin/framebridge in a child process, headless, no microphone. */
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
class HostAudioSpec extends Specification {

  @TempDir
  Path dir

  def "bin/framebridge --preview none --duration 5 --audio-out out.wav writes a valid WAV of about 5 s of the tone"() {
    given:
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    def host = new HostProcess(['--preview', 'none', '--duration', '5', '--audio-out', 'out.wav', '--audio-source',
        'tone', '--camera', 'synthetic', '--size', '320x240', '--plugins', plugins.toString()], dir)

    when:
    Integer code = host.waitFor(60)
    def wav = WavAudio.read(dir.resolve('out.wav'))   // checks the RIFF and data sizes against the file
    def est = new FrequencyEstimator(wav.sampleRate)
    est.accept(wav.getChannel(0), wav.numberOfFrames)
    double rms = Math.sqrt(wav.getChannel(0).collect { (double) it * it }.sum() / wav.numberOfFrames)

    then:
    code == 0
    wav.sampleRate == 48000 && wav.numberOfChannels == 1 && wav.bitsPerSample == 16 && wav.formatTag == 1
    wav.durationSeconds >= 4.5 && wav.durationSeconds <= 5.6
    wav.numberOfFrames % 480 == 0
    Math.abs(est.frequencyHz - 1000) < 1
    Math.abs(20 * Math.log10(rms) - (-15.05)) < 0.1     // the default tone: -12 dBFS peak, -15.05 dBFS RMS
    host.output.toString().contains('audio stopped')

    cleanup:
    host?.close()
    println "---- host output ----\n${host?.output}"
  }

  def "the web preview serves GET /api/audio with the level, on the same clock as the video"() {
    given:
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    def host = new HostProcess(['--preview', 'web', '--port', '0', '--duration', '20', '--audio-source', 'tone',
        '--tone-hz', '440', '--audio-out', 'web.wav', '--camera', 'synthetic', '--size', '320x240',
        '--plugins', plugins.toString()], dir)

    expect:
    new PollingConditions(timeout: 30, initialDelay: 0.2, delay: 0.2).eventually {
      def audio = host.json('api/audio')
      def video = host.json('api/host')
      assert audio.source.startsWith('synthetic tone 440 Hz')
      assert audio.chunks >= 50
      assert Math.abs(audio.rmsDbfs - (-15.05)) < 0.1
      assert Math.abs(audio.peakDbfs - (-12.04)) < 0.1
      assert Math.abs(audio.input.rmsDbfs - (-15.05)) < 0.1
      // one capture clock: the newest audio chunk and the host's clock reading are within a second of each other
      assert Math.abs((audio.timestampUs as long) - (video.timestampUs as long)) < 1_000_000
    }

    cleanup:
    host?.close()
  }

  def "an audio plugin dropped into the plugins folder runs in the host's audio chain, supervised, listed in /api/status as kind audio"() {
    given: "the gain plugin's JAR in the folder, its gain persisted in the audio chain's file"
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    Files.copy(AudioGainPluginSpec.gainJar(), plugins.resolve('framebridge-plugin-audio-gain.jar'))
    Files.writeString(dir.resolve('plugins-audio-chain.properties'), "setting.audio-gain/gainDb=-6.0\n")
    def host = new HostProcess(['--preview', 'web', '--port', '0', '--duration', '60', '--audio-source', 'tone',
        '--audio-out', 'gain.wav', '--camera', 'synthetic', '--size', '320x240', '--plugins', plugins.toString()], dir)

    expect: "the plugin runs in a worker JVM of its own, in the audio chain only, and the output level is 6 dB down"
    new PollingConditions(timeout: 60, initialDelay: 0.5, delay: 0.3).eventually {
      def status = host.json('api/status')
      def gain = status.plugins.find { it.id == 'audio-gain' }
      assert gain != null
      assert gain.kind == 'audio'
      assert gain.state == 'running'
      assert gain.pid > 0 && gain.pid != host.process.pid()
      assert status.plugins.count { it.id == 'audio-gain' } == 1   // not in the video chain, not rejected
      assert status.order == []
      assert status.audioOrder == ['audio-gain']
      def audio = host.json('api/audio')
      assert Math.abs(audio.rmsDbfs - (-15.05 - 6.0)) < 0.1
      assert Math.abs(audio.input.rmsDbfs - (-15.05)) < 0.1
    }

    and: "its settings go through the same API"
    host.post('api/plugins/audio-gain/settings', '{"gainDb": -12}').statusCode() == 200
    new PollingConditions(timeout: 30, delay: 0.3).eventually {
      assert Math.abs(host.json('api/audio').rmsDbfs - (-15.05 - 12.0)) < 0.1
    }

    cleanup:
    host?.close()
  }
}
