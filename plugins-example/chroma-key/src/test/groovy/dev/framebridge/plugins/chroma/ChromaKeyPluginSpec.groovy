package dev.framebridge.plugins.chroma

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.*

import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import spock.lang.AutoCleanup
import spock.lang.Specification

class ChromaKeyPluginSpec extends Specification {
  @AutoCleanup PluginHarness plugin = PluginHarness.of(ChromaKeyPlugin)

  static int[] greenScreenWithRedSquare() {
    int[] px = new int[32 * 16]
    Arrays.fill(px, rgb(0x00FF00))
    for (int y = 4; y < 8; y++) for (int x = 4; x < 8; x++) px[y * 32 + x] = rgb(0xC03020)
    // A darker green (a shadow on the screen) still keys.
    px[15 * 32 + 31] = rgb(0x00B000)
    px
  }

  def "green becomes the background colour, the red subject stays, in #format"() {
    when:
    def out = plugin.video([backgroundColor: '#0000FF'])
        .process(TestFrames.fromArgb(format, 32, 16, greenScreenWithRedSquare(), 0))

    then:
    assertPixel(out, 0, 0, rgb(0x0000FF))
    assertPixel(out, 20, 10, rgb(0x0000FF))
    assertPixel(out, 5, 5, rgb(0xC03020))

    where:
    format << [VideoPixelFormat.RGBA, VideoPixelFormat.BGRX]
  }

  def "transparent background clears alpha on RGBA"() {
    when:
    def out = plugin.video([background: 'transparent'])
        .process(TestFrames.fromArgb(VideoPixelFormat.RGBA, 32, 16, greenScreenWithRedSquare(), 0))

    then:
    TestFrames.argbAt(out, 0, 0) >>> 24 == 0
    TestFrames.argbAt(out, 31, 15) >>> 24 == 0
    assertPixel(out, 6, 6, rgb(0xC03020))
  }

  def "a blue key leaves green alone"() {
    when:
    def out = plugin.video([key: '#0000FF', backgroundColor: '#FFFFFF'])
        .process(TestFrames.fromArgb(VideoPixelFormat.RGBA, 32, 16, greenScreenWithRedSquare(), 0))

    then:
    assertPixel(out, 0, 0, rgb(0x00FF00))
  }

  def "a bad colour setting is refused naming the key"() {
    when:
    plugin.video([key: 'green'])

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains("'key'")
  }
}
