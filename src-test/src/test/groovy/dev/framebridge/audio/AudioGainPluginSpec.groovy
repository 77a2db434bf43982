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
import java.nio.file.Paths
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * Acceptance 1 without the runtime's supervision (its workers carry video only so far): the synthetic tone through
 * the example gain plugin's JAR in a worker JVM for 10 s, over the shared-memory transport.
 */
class AudioGainPluginSpec extends Specification {

  @TempDir
  Path dir

  static Path gainJar() {
    for (Path p = Paths.get('').toAbsolutePath(); p != null; p = p.parent) {
      Path jar = p.resolve('plugins-example/target/plugins/framebridge-plugin-audio-gain.jar')
      if (Files.isRegularFile(jar)) return jar
    }
    throw new IllegalStateException('framebridge-plugin-audio-gain.jar not found; run mvn package first')
  }

  def "10 s of tone through the gain plugin in a worker JVM: RMS scaled by the gain within 1%, pitch kept, no sample lost or repeated"() {
    given:
    def transport = SharedMemoryTransport.create(TransportOptions.builder().slotCount(64).build())
    ChildJvm worker = null
    def chain = { MediaStreamTrack input ->
      def published = transport.publish(input)
      def outHandle = transport.createChannel(TrackKind.AUDIO, "audio-gain-plugin-out")
      def processed = transport.open(outHandle)
      worker = ChildJvm.start(AudioPluginWorkerMain,
          [published.handle.format(), outHandle.format(), gainJar().toString(), "gainDb=$gainDb"])
      worker.awaitKey("ready", 60)
      processed
    } as AudioTrackChain
    def clock = CaptureClock.startNow()
    def tone = SyntheticToneSource.builder().clock(clock).frequencyHz(1000).amplitude(0.25f).build()
    def file = dir.resolve("gain.wav")
    def pipeline = AudioPipeline.builder().clock(clock).source(tone).chain(chain).audioOut(file)
        .wavEncoding(WavSampleEncoding.FLOAT_32).start()

    when: "10 s flow"
    new PollingConditions(timeout: 60, delay: 0.5).eventually { assert pipeline.output.chunks >= 1000 }
    pipeline.close()
    long done = worker.awaitKey("done", 30) as long
    def wav = WavAudio.read(file)
    def est = new FrequencyEstimator(48000)
    est.accept(wav.getChannel(0), wav.numberOfFrames)
    double rms = Math.sqrt(wav.getChannel(0).collect { (double) it * it }.sum() / wav.numberOfFrames)
    double inRms = pipeline.inputMeter.reading.getTotalRms(0)
    double expected = Math.pow(10, gainDb / 20)
    println worker.output()

    then: "the level is scaled by the configured gain, within 1%"
    Math.abs(rms / inRms - expected) / expected < 0.01

    and: "the frequency is unchanged"
    Math.abs(est.frequencyHz - 1000) / 1000 < 0.001

    and: "sample count continuous: every captured chunk came out once, in order; gaps only where capture overran"
    done == pipeline.capturedChunks
    pipeline.output.chunks == pipeline.capturedChunks
    pipeline.output.overlaps == 0
    pipeline.output.gaps == pipeline.captureGaps
    wav.numberOfFrames == pipeline.capturedChunks * 480
    pipeline.output.meter.reading.lastTimestampUs == pipeline.inputMeter.reading.lastTimestampUs

    cleanup:
    pipeline?.close()
    worker?.close()
    transport?.close()

    where:
    gainDb << [-6.0]
  }
}
