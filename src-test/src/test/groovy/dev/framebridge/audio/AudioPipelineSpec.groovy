package dev.framebridge.audio

import dev.framebridge.host.audio.AudioPipeline
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.InProcessAudioTransform
import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.host.clock.CaptureClock
import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.transform.FrameTransform
import dev.framebridge.spi.transform.TransformController
import groovy.json.JsonSlurper
import groovy.transform.CompileStatic
import java.nio.FloatBuffer
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/** A gain in this JVM, written as a plugin would: a new chunk from the allocator, samples scaled. */
@CompileStatic
class GainTransform implements FrameTransform<AudioData> {
  final float g

  GainTransform(float g) {
    this.g = g
  }

  @Override
  void transform(AudioData input, TransformController<AudioData> c) {
    int n = input.numberOfFrames
    AudioData out = c.allocator.allocateAudioData(input.format, input.numberOfChannels, n, input.sampleRate,
        input.timestamp)
    for (int ch = 0; ch < input.numberOfChannels; ch++) {
      FloatBuffer src = input.getPlane(ch).asFloatBuffer()
      FloatBuffer dst = out.getPlane(ch).asFloatBuffer()
      for (int i = 0; i < n; i++) {
        dst.put(i, (float) (src.get(i) * g))
      }
    }
    c.enqueue(out)
  }
}

class AudioPipelineSpec extends Specification {

  @TempDir
  Path dir

  static FrameTransform<AudioData> gain(float g) {
    new GainTransform(g)
  }

  def "a processor on an audio track buffers 10 chunks by default"() {
    given:
    def gen = new MediaStreamTrackGenerator("audio")

    expect:
    new MediaStreamTrackProcessor(gen).maxBufferSize == 10

    cleanup:
    gen?.stop()
  }

  def "tone -> generator -> in-JVM gain -> processor -> WAV keeps pitch, scales level and loses no sample"() {
    given:
    def clock = CaptureClock.startNow()
    def tone = SyntheticToneSource.builder().clock(clock).frequencyHz(1000).amplitude(0.4f).build()
    def file = dir.resolve("gain.wav")
    def transform = new InProcessAudioTransform(gain(0.5f), 50)
    def pipeline = AudioPipeline.builder().clock(clock).source(tone).chain(transform).audioOut(file)
        .wavEncoding(WavSampleEncoding.FLOAT_32).start()

    when: "about 1.5 s flows"
    new PollingConditions(timeout: 10).eventually { assert pipeline.output.chunks >= 150 }
    pipeline.close()
    def wav = WavAudio.read(file)
    def est = new FrequencyEstimator(48000)
    est.accept(wav.getChannel(0), wav.numberOfFrames)
    double rms = Math.sqrt(wav.getChannel(0).collect { (double) it * it }.sum() / wav.numberOfFrames)
    double inRms = pipeline.inputMeter.reading.getTotalRms(0)

    then: "level: output RMS is half the input's, within 1%"
    Math.abs(inRms - 0.4 / Math.sqrt(2)) / inRms < 0.01
    Math.abs(rms / inRms - 0.5) / 0.5 < 0.01

    and: "pitch unchanged"
    Math.abs(est.frequencyHz - 1000) / 1000 < 0.001

    and: "every chunk captured came out once, in order, without gaps"
    pipeline.output.chunks == pipeline.capturedChunks
    pipeline.output.gaps == pipeline.captureGaps && pipeline.output.overlaps == 0
    pipeline.droppedChunks == 0
    wav.numberOfFrames == pipeline.output.chunks * 480

    and: "the output track ended with the input"
    transform.completion.isDone()
    !transform.completion.isCompletedExceptionally()

    cleanup:
    pipeline?.close()
  }

  def "the level handler reports the source, the output and the input levels"() {
    given:
    def tone = SyntheticToneSource.builder().amplitude(0.5f).build()
    def pipeline = AudioPipeline.builder().source(tone).chain(new InProcessAudioTransform(gain(0.5f)))
        .audioOut(dir.resolve("l.wav")).start()

    when:
    new PollingConditions(timeout: 10).eventually { assert pipeline.output.chunks >= 30 }
    def json = new JsonSlurper().parseText(pipeline.levelHandler.toJson())

    then:
    json.source.startsWith("synthetic tone 1000 Hz")
    Math.abs(json.peakDbfs - (-12.04)) < 0.1
    Math.abs(json.input.peakDbfs - (-6.02)) < 0.1
    json.sampleRate == 48000

    cleanup:
    pipeline?.close()
  }

  def "a pipeline with the default source and no device falls back to the tone, and closes cleanly"() {
    given:
    def pipeline = AudioPipeline.builder().audioOut(dir.resolve("d.wav")).start()

    when:
    new PollingConditions(timeout: 10).eventually { assert pipeline.output.chunks >= 5 }
    pipeline.close()

    then:
    pipeline.source.description.startsWith("synthetic") || pipeline.source.description.startsWith("microphone")
    WavAudio.read(dir.resolve("d.wav")).numberOfFrames == pipeline.output.chunks * 480
    pipeline.inputTrack.readyState.toString().toLowerCase().contains("ended")
  }
}
