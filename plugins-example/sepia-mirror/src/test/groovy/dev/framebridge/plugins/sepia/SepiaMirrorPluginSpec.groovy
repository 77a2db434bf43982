package dev.framebridge.plugins.sepia

import static dev.framebridge.sdk.testkit.FrameAssertions.*

import static dev.framebridge.sdk.effects.Argb.rgb

import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import spock.lang.AutoCleanup
import spock.lang.Specification

class SepiaMirrorPluginSpec extends Specification {
  @AutoCleanup PluginHarness plugin = PluginHarness.of(SepiaMirrorPlugin)

  def "a known colour is toned sepia: rgb(100,150,200) becomes rgb(192,171,134) in #format"() {
    given:
    def harness = plugin.video([mirror: false])

    when:
    def out = harness.process(TestFrames.solid(format, 8, 4, rgb(0x6496C8), 40_000))

    then:
    assertPixel(out, 3, 2, rgb(0xC0AB86), 1)
    assertSize(out, 8, 4)
    assertFormat(out, format)
    assertTimestamp(out, 40_000)

    where:
    format << [VideoPixelFormat.RGBA, VideoPixelFormat.BGRA, VideoPixelFormat.RGBX, VideoPixelFormat.BGRX]
  }

  def "a marker at column 2 lands at column width-3 when mirrored, colour unchanged at amount 0"() {
    given:
    int[] px = new int[16 * 8]
    Arrays.fill(px, rgb(0x000000))
    px[3 * 16 + 2] = rgb(0xFF0000)
    def harness = plugin.video([amount: 0, mirror: true])

    when:
    def out = harness.process(TestFrames.fromArgb(VideoPixelFormat.RGBA, 16, 8, px, 0))

    then:
    assertPixel(out, 13, 3, rgb(0xFF0000))
    assertPixel(out, 2, 3, rgb(0x000000))
  }

  def "sepia and mirror together: the left-right gradient of the pattern is reversed and toned"() {
    given:
    def harness = plugin.video()
    def expectedLeft = dev.framebridge.sdk.effects.ColorMatrix.sepia().apply(TestFrames.patternArgb(63, 5, 64, 32))

    when:
    def out = harness.process(TestFrames.pattern(VideoPixelFormat.RGBA, 64, 32, 7))

    then:
    assertPixel(out, 0, 5, expectedLeft)
  }

  def "settings changed between frames take effect on the next frame"() {
    given:
    def harness = plugin.video([mirror: false])
    harness.process(TestFrames.solid(VideoPixelFormat.RGBA, 4, 4, rgb(0x6496C8), 0))

    when:
    harness.updateSettings(plugin.settings([amount: 0, mirror: false]))
    def out = harness.process(TestFrames.solid(VideoPixelFormat.RGBA, 4, 4, rgb(0x6496C8), 1))

    then: 'nothing to do: the input itself passes through'
    assertPixel(out, 1, 1, rgb(0x6496C8))
  }

  def "a non-RGB frame passes through unchanged and the input is not leaked"() {
    given:
    def baseline = openFrameCount()
    def harness = plugin.video()
    def i420 = dev.framebridge.sdk.media.MediaFrames.createVideoFrame(
        java.nio.ByteBuffer.allocate(VideoPixelFormat.I420.frameBytes(4, 4)),
        dev.framebridge.sdk.media.VideoFrameInit.of(VideoPixelFormat.I420, 4, 4, 9))

    when:
    def out = harness.process(i420)

    then:
    out.is(i420)
    !out.closed

    when:
    harness.close()

    then:
    assertClosed(i420)
    assertNoFramesLeaked(baseline)
  }
}
