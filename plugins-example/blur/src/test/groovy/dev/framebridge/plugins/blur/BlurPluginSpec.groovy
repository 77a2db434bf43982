package dev.framebridge.plugins.blur

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.*

import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import spock.lang.AutoCleanup
import spock.lang.Specification

class BlurPluginSpec extends Specification {
  @AutoCleanup PluginHarness plugin = PluginHarness.of(BlurPlugin)

  def "a flat colour stays exactly flat with #kind radius #radius"() {
    when:
    def out = plugin.video([radius: radius, kind: kind]).process(TestFrames.solid(VideoPixelFormat.BGRA, 40, 30, rgb(0x6496C8), 0))

    then:
    assertPixel(out, 0, 0, rgb(0x6496C8))
    assertPixel(out, 20, 15, rgb(0x6496C8))
    assertPixel(out, 39, 29, rgb(0x6496C8))

    where:
    kind << ['box', 'box', 'gaussian']
    radius << [1, 32, 5]
  }

  def "a single white dot on black spreads into a (2r+1)^2 box of 255/(2r+1)^2"() {
    given: 'radius 1: the dot at (10,10) feeds each pixel of the 3x3 box around it with 255/9 = 28'
    int[] px = new int[21 * 21]
    Arrays.fill(px, rgb(0))
    px[10 * 21 + 10] = rgb(0xFFFFFF)

    when:
    def out = plugin.video([radius: 1]).process(TestFrames.fromArgb(VideoPixelFormat.RGBA, 21, 21, px, 0))

    then:
    assertPixel(out, 10, 10, rgb(0x1C1C1C), 1)
    assertPixel(out, 9, 11, rgb(0x1C1C1C), 1)
    assertPixel(out, 11, 9, rgb(0x1C1C1C), 1)
    assertPixel(out, 12, 10, rgb(0))
    assertPixel(out, 10, 8, rgb(0))
  }

  def "a vertical edge becomes a ramp: the pixel on the edge is the average of its window"() {
    given: 'left half black, right half white; radius 2 -> at the first white column 3 of 5 are white'
    int[] px = new int[20 * 4]
    for (int y = 0; y < 4; y++) for (int x = 10; x < 20; x++) px[y * 20 + x] = rgb(0xFFFFFF)
    for (int y = 0; y < 4; y++) for (int x = 0; x < 10; x++) px[y * 20 + x] = rgb(0)

    when:
    def out = plugin.video([radius: 2]).process(TestFrames.fromArgb(VideoPixelFormat.RGBA, 20, 4, px, 0))

    then: '255*3/5 = 153, 255*2/5 = 102'
    assertPixel(out, 10, 2, rgb(0x999999), 1)
    assertPixel(out, 9, 2, rgb(0x666666), 1)
    assertPixel(out, 5, 2, rgb(0))
  }

  def "radius 0 passes the input through untouched"() {
    given:
    def input = TestFrames.pattern(VideoPixelFormat.RGBA, 8, 8, 3)

    expect:
    plugin.video([radius: 0]).process(input).is(input)
  }
}
