package dev.framebridge.plugins.gray

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.*

import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import spock.lang.AutoCleanup
import spock.lang.Specification

class GrayscalePluginSpec extends Specification {
  @AutoCleanup PluginHarness plugin = PluginHarness.of(GrayscalePlugin)

  def "rgb(100,150,200) becomes its Rec.709 luma 142 on all channels in #format"() {
    when: 'luma = 0.2126*100 + 0.7152*150 + 0.0722*200 = 142.0'
    def out = plugin.video().process(TestFrames.solid(format, 6, 6, rgb(0x6496C8), 5))

    then:
    assertPixel(out, 5, 5, rgb(0x8E8E8E), 1)
    assertTimestamp(out, 5)

    where:
    format << [VideoPixelFormat.RGBA, VideoPixelFormat.BGRA, VideoPixelFormat.RGBX, VideoPixelFormat.BGRX]
  }

  def "alpha is kept"() {
    when:
    def out = plugin.video().process(TestFrames.solid(VideoPixelFormat.RGBA, 2, 2, 0x80FF0000 as int, 0))

    then: 'red alone: luma 0.2126*255 = 54'
    assertPixel(out, 0, 0, 0x80363636 as int, 1)
  }

  def "half strength goes half way"() {
    when:
    def out = plugin.video([strength: 0.5]).process(TestFrames.solid(VideoPixelFormat.RGBA, 2, 2, rgb(0xFF0000), 0))

    then: '(255+54)/2 = 154.5, (0+54)/2 = 27'
    assertPixel(out, 1, 1, rgb(0x9B1B1B), 1)
  }

  def "the default schema has strength 1"() {
    expect:
    plugin.plugin.settingsSchema.defaults.getDouble('strength') == 1.0d
  }
}
