package dev.framebridge.audio

import dev.framebridge.host.audio.AudioOutput
import dev.framebridge.host.audio.AudioSink
import dev.framebridge.host.audio.AudioStreamFormat
import dev.framebridge.host.audio.ChunkContinuity
import dev.framebridge.host.audio.LevelMeter
import dev.framebridge.host.audio.SystemAudioSink
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioSampleFormat
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class AudioOutputSpec extends Specification {

  @TempDir
  Path dir

  static AudioData chunk(long ts, float value = 0.5f, int frames = 480) {
    float[] s = new float[frames]
    Arrays.fill(s, value)
    MediaFrames.createAudioData(AudioDataInit.builder().format(AudioSampleFormat.F32_PLANAR).sampleRate(48000f)
        .numberOfFrames(frames).numberOfChannels(1).timestamp(ts).data(s).build())
  }

  def "a requested WAV file records every chunk, and each chunk is closed after delivery"() {
    given:
    def file = dir.resolve("out.wav")
    def out = AudioOutput.open(AudioStreamFormat.defaults(), file, null, WavSampleEncoding.PCM_16)
    def chunks = (0..<50).collect { chunk(it * 10_000L) }

    when:
    chunks.each { out.deliver(it) }
    out.close()
    def wav = WavAudio.read(file)

    then:
    out.sinkNames == ["wav " + file]
    chunks.every { it.closed }
    out.chunks == 50 && out.frames == 24_000 && out.gaps == 0 && out.overlaps == 0
    wav.numberOfFrames == 24_000
    Math.abs(wav.getChannel(0)[100] - 0.5f) < 1e-4
    Math.abs(out.meter.reading.getPeakDbfs() - (-6.02)) < 0.01
  }

  def "without a requested file it plays on the system output, or records to the fallback when there is none"() {
    given:
    def fallback = dir.resolve("fallback.wav")
    boolean hasOutput = SystemAudioSink.open(AudioStreamFormat.defaults()).map { it.close(); true }.orElse(false)

    when:
    def out = AudioOutput.open(AudioStreamFormat.defaults(), null, fallback, WavSampleEncoding.FLOAT_32)
    out.deliver(chunk(0))
    out.close()

    then:
    out.sinkNames == (hasOutput ? ["system output"] : ["wav " + fallback])
    hasOutput || WavAudio.read(fallback).numberOfFrames == 480
  }

  def "a failing sink is dropped and the others keep receiving"() {
    given:
    def good = []
    def failing = [write: { AudioData c -> throw new UncheckedIOException(new IOException("disk full")) },
                   close: {}] as AudioSink
    def recording = [write: { AudioData c -> good << c.timestamp }, close: {}] as AudioSink
    def out = new AudioOutput(new LevelMeter(), [failing, recording], ["bad", "good"])

    when:
    out.deliver(chunk(0))
    out.deliver(chunk(10_000))

    then:
    good == [0L, 10_000L]
    out.sinkNames == ["good"]
  }

  def "continuity counts gaps and overlaps to within a sample"() {
    given:
    def c = new ChunkContinuity()

    expect:
    c.accept(0, 480, 48000f)
    c.accept(10_000, 480, 48000f)
    c.accept(20_010, 480, 48000f)          // 10 us late: under one sample (20.8 us), still continuous
    !c.accept(40_010, 480, 48000f)         // a lost chunk
    !c.accept(45_000, 480, 48000f)         // starts before the previous ended
    c.gaps == 1
    c.overlaps == 1
    c.frames == 5 * 480
  }
}
