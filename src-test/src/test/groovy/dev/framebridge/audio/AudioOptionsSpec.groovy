package dev.framebridge.audio

import dev.framebridge.host.audio.AudioOptions
import dev.framebridge.host.audio.AudioTrackChain
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.clock.CaptureClock
import java.nio.file.Path
import picocli.CommandLine
import picocli.CommandLine.Command
import picocli.CommandLine.Mixin
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

class AudioOptionsSpec extends Specification {

  @Command(name = "test-host")
  static class TestCommand {
    @Mixin
    AudioOptions audio
  }

  @TempDir
  Path dir

  static AudioOptions parse(String... args) {
    def cmd = new TestCommand()
    new CommandLine(cmd).parseArgs(args)
    cmd.audio
  }

  def "--audio-out with the tone records a valid WAV of the processed audio"() {
    given:
    def file = dir.resolve("out.wav")
    def options = parse("--audio-out", file.toString(), "--audio-source", "tone", "--tone-hz", "440", "--audio-float")

    when:
    def pipeline = options.start(CaptureClock.startNow(), AudioTrackChain.PASS_THROUGH)
    new PollingConditions(timeout: 10).eventually { assert pipeline.output.chunks >= 50 }
    pipeline.close()
    def wav = WavAudio.read(file)

    then:
    options.audioOut == file
    pipeline.source.description.startsWith("synthetic tone 440 Hz")
    wav.sampleRate == 48000
    wav.formatTag == 3
    wav.numberOfFrames == pipeline.output.chunks * 480

    cleanup:
    pipeline?.close()
  }

  def "the defaults: auto source, 1000 Hz, PCM, no file"() {
    when:
    def o = parse()

    then:
    o.source == AudioOptions.SourceChoice.AUTO
    o.toneHz == 1000
    !o.floatWav
    o.audioOut == null
  }

  def "--audio-source none starts nothing"() {
    expect:
    parse("--audio-source", "NONE").start(CaptureClock.startNow(), AudioTrackChain.PASS_THROUGH) == null
  }

  def "an unknown source is a usage error naming the value"() {
    when:
    parse("--audio-source", "guitar")

    then:
    def e = thrown(CommandLine.ParameterException)
    e.message.contains("guitar")
  }

  def "a WAV file in a missing directory fails naming the file"() {
    given:
    def file = dir.resolve("nope/out.wav")

    when:
    parse("--audio-out", file.toString(), "--audio-source", "tone").start(CaptureClock.startNow(),
        AudioTrackChain.PASS_THROUGH)

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(file.toString())
  }
}
