package dev.framebridge.audio

import dev.framebridge.host.audio.AudioPipeline
import dev.framebridge.host.audio.AudioTrackChain
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.host.clock.CaptureClock
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TransportOptions
import dev.framebridge.spi.TrackKind
import dev.framebridge.testing.ChildJvm
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

class AudioTransportSpec extends Specification {

  @TempDir
  Path dir

  def "AudioData crosses into a child JVM and back through shared memory with order, timestamps and samples kept"() {
    given:
    def transport = SharedMemoryTransport.create(TransportOptions.builder().slotCount(64).build())
    ChildJvm child = null
    def subscription = null
    def publication = null
    def chain = { MediaStreamTrack input ->
      def published = transport.publish(input)
      def outHandle = transport.createChannel(TrackKind.AUDIO, "audio-gain-out")
      subscription = transport.subscribe(outHandle)
      publication = published
      def processed = subscription.track
      child = ChildJvm.start(AudioGainWorkerMain, [published.handle.format(), outHandle.format(), "0.5"])
      child.awaitKey("ready", 60)
      processed
    } as AudioTrackChain
    def clock = CaptureClock.startNow()
    def tone = SyntheticToneSource.builder().clock(clock).frequencyHz(997).amplitude(0.5f).build()
    def file = dir.resolve("xjvm.wav")
    def pipeline = AudioPipeline.builder().clock(clock).source(tone).chain(chain).audioOut(file)
        .wavEncoding(WavSampleEncoding.FLOAT_32).start()

    when: "3 s of audio flows host -> worker JVM -> host"
    new PollingConditions(timeout: 30).eventually { assert pipeline.output.chunks >= 300 }
    pipeline.close()
    def done = child.awaitKey("done", 30) as long
    def wav = WavAudio.read(file)
    def est = new FrequencyEstimator(48000)
    est.accept(wav.getChannel(0), wav.numberOfFrames)
    double rms = Math.sqrt(wav.getChannel(0).collect { (double) it * it }.sum() / wav.numberOfFrames)
    double inRms = pipeline.inputMeter.reading.getTotalRms(0)

    println "host: published ${publication.framesPublished} dropped ${publication.droppedFrames}; received ${subscription.framesReceived} dropped ${subscription.droppedFrames} rejected ${subscription.rejectedFrames}"
    println child.output

    then: "every chunk, in order, no gaps or repeats, the last timestamp the same on both sides"
    pipeline.output.chunks == pipeline.capturedChunks
    done == pipeline.capturedChunks
    pipeline.output.gaps == pipeline.captureGaps && pipeline.output.overlaps == 0
    pipeline.output.meter.reading.lastTimestampUs == pipeline.inputMeter.reading.lastTimestampUs
    wav.numberOfFrames == pipeline.capturedChunks * 480

    and: "the worker's gain applied, the pitch kept"
    Math.abs(rms / inRms - 0.5) / 0.5 < 0.01
    Math.abs(est.frequencyHz - 997) / 997 < 0.001

    cleanup:
    pipeline?.close()
    child?.close()
    transport?.close()
  }

  def "killing the plugin's worker JVM keeps audio flowing: the captured audio plays through unprocessed"() {
    given:
    def transport = SharedMemoryTransport.create(TransportOptions.builder().slotCount(64).build())
    ChildJvm child = null
    def chain = { MediaStreamTrack input ->
      def published = transport.publish(input)
      def outHandle = transport.createChannel(TrackKind.AUDIO, "audio-gain-out")
      def processed = transport.open(outHandle)
      child = ChildJvm.start(AudioGainWorkerMain, [published.handle.format(), outHandle.format(), "0.5"])
      child.awaitKey("ready", 60)
      processed
    } as AudioTrackChain
    def tone = SyntheticToneSource.builder().amplitude(0.5f).build()
    def pipeline = AudioPipeline.builder().source(tone).chain(chain).audioOut(dir.resolve("kill.wav")).start()
    def conditions = new PollingConditions(timeout: 30, delay: 0.1)

    when: "the processed audio flows, then the worker is killed (SIGKILL)"
    conditions.eventually { assert pipeline.output.chunks >= 100 }
    double processedPeak = pipeline.output.meter.reading.getPeak(0)
    child.process.destroyForcibly()
    child.process.waitFor()

    then: "the pipeline notices and plays the captured audio through, at the input level"
    conditions.eventually { assert pipeline.bypassed }
    long atBypass = pipeline.output.chunks
    conditions.eventually {
      assert pipeline.output.chunks >= atBypass + 100
      assert Math.abs(pipeline.output.meter.reading.getPeak(0) - 0.5) < 0.01
    }
    Math.abs(processedPeak - 0.25) < 0.01
    pipeline.output.overlaps == 0

    cleanup:
    pipeline?.close()
    child?.close()
    transport?.close()
  }
}
