package dev.framebridge.audio

import dev.framebridge.host.audio.AudioCapture
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.LevelMeter
import dev.framebridge.host.audio.PlanarSamples
import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.host.audio.WavWriter
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioSampleFormat
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

class AudioCaptureSpec extends Specification {

  @TempDir
  Path dir

  def "capture writes f32-planar 48 kHz 10 ms AudioData with continuous timestamps, and stops when the writable closes"() {
    given:
    long openBefore = MediaFrames.openFrameCount
    def tone = SyntheticToneSource.builder().paced(false).build()
    def meter = new LevelMeter(1000)
    def file = dir.resolve("cap.wav")
    def wav = WavWriter.create(file, tone.format, WavSampleEncoding.PCM_16)
    def chunks = new CopyOnWriteArrayList<Map>()
    def done = new CountDownLatch(1)
    def writer = { AudioData c ->
      if (chunks.size() == 100) {
        done.countDown()
        return CompletableFuture.failedFuture(new IllegalStateException("writable closed"))
      }
      try {
        chunks << [ts: c.timestamp, format: c.format, rate: c.sampleRate, frames: c.numberOfFrames,
                   channels: c.numberOfChannels]
        meter.write(c)
        wav.write(c)
      } finally {
        c.close()
      }
      CompletableFuture.completedFuture(null)
    }
    def capture = new AudioCapture(tone, MediaFrames.heapAllocator(), writer)

    when:
    capture.start()
    def finished = done.await(10, TimeUnit.SECONDS)
    new PollingConditions(timeout: 5).eventually { assert !capture.running }
    wav.close()
    def rec = WavAudio.read(file)
    def est = new FrequencyEstimator(48000)
    est.accept(rec.getChannel(0), rec.numberOfFrames)

    then:
    finished
    capture.chunksWritten == 100
    capture.failure == null
    chunks.every { it.format == AudioSampleFormat.F32_PLANAR && it.rate == 48000f && it.frames == 480 && it.channels == 1 }
    (1..<100).every { chunks[it].ts - chunks[it - 1].ts == 10_000 }
    rec.numberOfFrames == 48000
    Math.abs(est.frequencyHz - 1000) < 1
    Math.abs(meter.reading.getTotalRms(0) - 0.25 / Math.sqrt(2)) < 0.001
    MediaFrames.openFrameCount == openBefore

    cleanup:
    capture?.close()
    wav?.close()
  }

  def "PlanarSamples reads interleaved s16 AudioData as planar floats"() {
    given:
    short[] inter = [16384, -16384, 8192, -8192] as short[]
    def data = MediaFrames.createAudioData(dev.framebridge.sdk.media.AudioDataInit.builder()
        .format(AudioSampleFormat.S16).sampleRate(48000f).numberOfFrames(2).numberOfChannels(2).timestamp(0L)
        .data(inter).build())
    def ps = new PlanarSamples()

    when:
    int n = ps.readFrom(data)

    then:
    n == 2
    ps.planes[0][0] == 0.5f && ps.planes[0][1] == 0.25f
    ps.planes[1][0] == -0.5f && ps.planes[1][1] == -0.25f

    cleanup:
    data?.close()
  }
}
