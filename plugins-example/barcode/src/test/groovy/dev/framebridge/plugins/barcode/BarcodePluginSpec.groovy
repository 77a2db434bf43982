package dev.framebridge.plugins.barcode

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.*

import com.google.zxing.BarcodeFormat
import com.google.zxing.EncodeHintType
import com.google.zxing.qrcode.QRCodeWriter
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import spock.lang.AutoCleanup
import spock.lang.Specification

class BarcodePluginSpec extends Specification {
  @AutoCleanup PluginHarness plugin = PluginHarness.of(BarcodePlugin)

  /** A grey frame with a QR code of {@code text} rendered by ZXing, {@code size} px wide, top-left at (left, top). */
  static int[] frameWithQr(int w, int h, String text, int left, int top, int size) {
    int[] px = new int[w * h]
    Arrays.fill(px, rgb(0xB0B0B0))
    def matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, [(EncodeHintType.MARGIN): 2])
    for (int y = 0; y < matrix.height; y++) {
      for (int x = 0; x < matrix.width; x++) {
        px[(top + y) * w + left + x] = matrix.get(x, y) ? rgb(0) : rgb(0xFFFFFF)
      }
    }
    px
  }

  def "a QR code rendered into a #w x #h #format frame is found at its place and its text reported"() {
    given:
    def transform = plugin.video()
    def input = TestFrames.fromArgb(format, w, h, frameWithQr(w, h, 'https://framebridge.dev/hello', left, top, 240), 0)

    when:
    def out = transform.process(input)
    def found = (transform.transform as BarcodeTransform).lastDetections

    then:
    found.size() == 1
    found[0].text == 'https://framebridge.dev/hello'
    found[0].format == 'QR_CODE'
    Math.abs(found[0].centerX - (left + 120)) <= 6
    Math.abs(found[0].centerY - (top + 120)) <= 6

    and: 'the outline is drawn in magenta around the code, the frame elsewhere untouched'
    outlineDrawn(out, found[0])
    assertPixel(out, 2, h - 3, rgb(0xB0B0B0))

    where:
    format               | w    | h   | left | top
    VideoPixelFormat.RGBA | 640  | 360 | 300  | 80
    VideoPixelFormat.BGRA | 1280 | 720 | 700  | 300
  }

  static boolean outlineDrawn(out, Detection d) {
    int magenta = rgb(0xFF00FF)
    (0..<4).every { i -> distance(TestFrames.argbAt(out, d.xs[i], d.ys[i]), magenta) == 0 }
  }

  static int distance(int a, int b) { channelDistance(a, b) }

  def "a frame without a code passes with no detection and no drawing"() {
    given:
    def transform = plugin.video()

    when:
    def out = transform.process(TestFrames.pattern(VideoPixelFormat.RGBA, 320, 240, 0))

    then:
    (transform.transform as BarcodeTransform).lastDetections.isEmpty()
    assertPixel(out, 100, 100, TestFrames.patternArgb(100, 100, 320, 240))
  }
}
