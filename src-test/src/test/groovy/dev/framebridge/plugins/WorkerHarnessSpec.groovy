package dev.framebridge.plugins

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.*

import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.testkit.FrameHarness
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.sdk.testkit.WorkerHarness
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.testing.PluginJarBuilder
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** The test kit's worker mode: the plugin in a separate worker JVM over shared memory, exactly as the host runs it. */
class WorkerHarnessSpec extends Specification {
  @Shared Path examples = ExamplePluginJarsSpec.locatePluginsDir()
  @TempDir Path dir

  def "the same golden check passes in this thread and in a worker JVM (inWorkerJvm=#inWorker)"() {
    given:
    def plugin = PluginHarness.load(examples.resolve('framebridge-plugin-sepia-mirror.jar'))
    FrameHarness<VideoFrame> harness = plugin.video([mirror: true], inWorker)

    when: 'a frame whose left half is a known colour and right half black goes through'
    int[] px = new int[8 * 4]
    Arrays.fill(px, rgb(0x000000))
    for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) px[y * 8 + x] = rgb(0x6496C8)
    def out = harness.process(TestFrames.fromArgb(VideoPixelFormat.RGBA, 8, 4, px, 1234))

    then: 'sepia-toned and mirrored: the colour is now on the right'
    assertPixel(out, 6, 2, rgb(0xC0AB86), 1)
    assertPixel(out, 1, 2, rgb(0x000000), 1)
    assertSize(out, 8, 4)
    assertTimestamp(out, 1234)
    (harness instanceof WorkerHarness) == inWorker
    !inWorker || ((WorkerHarness) harness).pid != ProcessHandle.current().pid()

    cleanup:
    plugin?.close()

    where:
    inWorker << [false, true]
  }

  def "frames go through a worker in step with their inputs, settings reach it live, and close leaves nothing"() {
    given:
    Path jar = PluginJarBuilder.build(dir, 'stamp.jar', [id: 'stamp', stamp: 7, level: 10])
    def plugin = PluginHarness.load(jar)
    def harness = plugin.videoInWorker([:])
    long pid = harness.pid
    Path shm = harness.sharedMemoryDirectory
    long openBefore = MediaFrames.openFrameCount

    when: '30 frames, one at a time, then new settings, then one more'
    def outs = (0..<30).collect { i -> harness.process(TestFrames.solid(VideoPixelFormat.RGBA, 64, 48, rgb(0x102030), i * 33_333L)) }
    harness.updateSettings(plugin.settings([level: 20]))
    def after = harness.process(TestFrames.solid(VideoPixelFormat.RGBA, 64, 48, rgb(0x102030), 30 * 33_333L))

    then: 'each output answers its own input, stamped by the plugin'
    outs*.timestamp == (0..<30).collect { it * 33_333L }
    outs.every { it.getPlane(0).get(0) == 7 && it.getPlane(0).get(1) == 10 }
    after.getPlane(0).get(1) == 20
    harness.outputs.size() == 31
    Files.isDirectory(shm)
    ProcessHandle.of(pid).map { it.alive }.orElse(false)

    when:
    plugin.close()

    then: 'the worker JVM is gone, its shared memory deleted and every output frame closed'
    !ProcessHandle.of(pid).map { it.alive }.orElse(false)
    !Files.exists(shm)
    outs.every { it.closed }
    MediaFrames.openFrameCount <= openBefore

    cleanup:
    plugin?.close()
  }

  def "a plugin that throws in its worker fails the harness with the worker's reason"() {
    given:
    Path jar = PluginJarBuilder.build(dir, 'faulty.jar', [id: 'faulty', stamp: 3])
    def plugin = PluginHarness.load(jar)
    def harness = plugin.videoInWorker([fault: 'throw'])

    when:
    harness.push(TestFrames.solid(VideoPixelFormat.RGBA, 16, 16, rgb(0), 0))

    then:
    def e = thrown(IllegalStateException)
    e.message.contains('boom from faulty')

    when: 'the harness stays failed'
    harness.push(TestFrames.solid(VideoPixelFormat.RGBA, 16, 16, rgb(0), 1))

    then:
    thrown(IllegalStateException)

    cleanup:
    plugin?.close()
  }

  def "audio in a worker: the gain plugin halves samples in order, and flush ends the worker cleanly"() {
    given:
    def plugin = PluginHarness.load(examples.resolve('framebridge-plugin-audio-gain.jar'))
    def harness = plugin.audioInWorker([gainDb: -6.0206])

    when:
    def outs = (0..<5).collect { i -> harness.process(TestFrames.audio([0.8f, -0.4f, 0.2f] as float[], 1, 48000f, i * 10_000L)) }
    def flushed = harness.flush()

    then:
    outs*.timestamp == [0L, 10_000L, 20_000L, 30_000L, 40_000L]
    outs.every { TestFrames.samples(it) == [0.4f, -0.2f, 0.1f] as float[] }
    flushed.isEmpty()
    !harness.alive
    harness.failure == null

    cleanup:
    plugin?.close()
  }

  def "a plugin without the kind asked for is refused before any JVM starts"() {
    given:
    def plugin = PluginHarness.load(examples.resolve('framebridge-plugin-audio-gain.jar'))

    when:
    plugin.videoInWorker([:])

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains('does not declare video')

    cleanup:
    plugin?.close()
  }
}
