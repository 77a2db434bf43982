package dev.framebridge.audio

import dev.framebridge.host.chain.ChainOptions
import dev.framebridge.host.chain.PluginChain
import dev.framebridge.host.chain.PluginState
import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.testing.AudioPluginJarBuilder
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * An audio plugin whose output skips chunks (here on purpose: every fifth) must not leave holes in the audio track:
 * the slot fills each gap with the unprocessed input chunk it kept, so the output has every timestamp exactly once,
 * in order. Real worker JVM, real shared memory, the runtime's audio chain.
 */
class AudioGapFillSpec extends Specification {
  static final long CHUNK_US = 10_000
  static final int FRAMES = 480

  @TempDir Path dir

  /** Chunk i: mono f32, every sample (i % 200 + 1) / 1000. */
  static AudioData chunk(long i) {
    float[] samples = new float[FRAMES]
    Arrays.fill(samples, (float) ((i % 200 + 1) / 1000d))
    MediaFrames.createAudioData(AudioDataInit.builder().format(AudioSampleFormat.F32_PLANAR).sampleRate(48000f)
        .numberOfFrames(FRAMES).numberOfChannels(1).timestamp(i * CHUNK_US).data(samples).build())
  }

  def "gaps in a worker's audio output are filled with the dry input: every chunk once, in order"() {
    given: 'a plugin that doubles samples and drops every chunk whose index is 2 mod 5'
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    AudioPluginJarBuilder.build(plugins, 'dropper.jar', 'dropper', 2f, 5, 2)
    def options = ChainOptions.builder(plugins).trackKind(TrackKind.AUDIO).workerHeapMb(64)
        .frameDeadline(Duration.ofSeconds(3)).heartbeatTimeout(Duration.ofSeconds(6)).build()
    def generator = new MediaStreamTrackGenerator('audio')
    def writer = generator.writable.writer
    def chain = PluginChain.start(generator, options)
    MediaStreamTrackProcessor<AudioData> processor = MediaStreamTrackProcessor.builder().track(chain.output)
        .maxBufferSize(1000).build()
    def reader = processor.readable.reader
    def received = Collections.synchronizedList([])  // [timestamp, first sample]
    def readLoop
    readLoop = {
      reader.read().whenComplete { r, e ->
        if (e != null || r.done) { return }
        AudioData a = r.value
        received << [a.timestamp, a.getPlane(0).asFloatBuffer().get(0)]
        a.close()
        readLoop()
      }
    }
    readLoop()
    def camera = Executors.newSingleThreadScheduledExecutor()
    def next = new java.util.concurrent.atomic.AtomicLong()
    def feeding = camera.scheduleAtFixedRate({ writer.write(chunk(next.getAndIncrement())) }, 0, CHUNK_US,
        TimeUnit.MICROSECONDS)

    when: 'the plugin serves, then 300 more chunks (3 s) flow'
    new PollingConditions(timeout: 30, delay: 0.1).eventually {
      assert chain.status.plugins.find { it.id == 'dropper' }?.state == PluginState.RUNNING
    }
    long servingFrom = next.get() + 20 // a margin past the takeover
    new PollingConditions(timeout: 30, delay: 0.1).eventually { assert next.get() > servingFrom + 301 }
    feeding.cancel(false)
    camera.shutdown()
    assert camera.awaitTermination(5, TimeUnit.SECONDS)
    long fed = next.get()
    new PollingConditions(timeout: 30, delay: 0.05).eventually {
      assert received.any { (long) it[0] >= (servingFrom + 300) * CHUNK_US }
    }
    def byIndex = new ArrayList(received).collect { [((long) it[0]).intdiv(CHUNK_US), it[1]] }
    def window = byIndex.findAll { it[0] >= servingFrom && it[0] < servingFrom + 300 }

    then: 'every chunk of the window arrived exactly once and in order'
    window*.getAt(0) == (servingFrom..<(servingFrom + 300)).toList()

    and: 'the chunks the plugin dropped are there unprocessed; all others are doubled'
    window.every { long i, float v ->
      float dry = (float) ((i % 200 + 1) / 1000d)
      i % 5 == 2 ? Math.abs(v - dry) < 1e-6 : Math.abs(v - 2 * dry) < 1e-6
    }

    and: 'the whole output never repeats or reorders a chunk'
    byIndex*.getAt(0) == byIndex*.getAt(0).toSorted().unique()
    byIndex.size() <= fed

    cleanup:
    camera?.shutdownNow()
    chain?.close()
    generator?.stop()
  }
}
