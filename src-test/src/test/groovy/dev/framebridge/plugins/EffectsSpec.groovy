package dev.framebridge.plugins

import static dev.framebridge.sdk.effects.Argb.rgb

import dev.framebridge.sdk.effects.Argb
import dev.framebridge.sdk.effects.Canvas
import dev.framebridge.sdk.effects.ColorMatrix
import dev.framebridge.sdk.effects.ColumnRemap
import dev.framebridge.sdk.effects.FormatGate
import dev.framebridge.sdk.effects.LevelMeter
import dev.framebridge.sdk.effects.RgbaImage
import dev.framebridge.sdk.effects.SeparableBlur
import dev.framebridge.sdk.effects.TextStamp
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.PlaneLayout
import dev.framebridge.spi.media.Rect
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.ByteBuffer
import org.joml.Matrix3f
import org.joml.Matrix3x2f
import spock.lang.Specification

class EffectsSpec extends Specification {
  def "RgbaImage sees only the visible rect of a padded-stride frame, in ARGB whatever the byte order"() {
    given: 'a 6x4 BGRA frame with stride 32 (8 px), visible rect (2,1) 3x2; pixel (x,y) holds blue=x, green=y'
    def bytes = ByteBuffer.allocate(32 * 4)
    for (int y = 0; y < 4; y++) for (int x = 0; x < 6; x++) {
      int at = y * 32 + x * 4
      bytes.put(at, x as byte).put(at + 1, y as byte).put(at + 2, 9 as byte).put(at + 3, 0x7F as byte)
    }
    def frame = MediaFrames.createVideoFrame(bytes, VideoFrameInit.builder().format(VideoPixelFormat.BGRA)
        .codedWidth(6).codedHeight(4).timestamp(0L).layout([PlaneLayout.of(0, 32)]).visibleRect(Rect.of(2, 1, 3, 2)).build())
    def image = RgbaImage.of(frame)
    int[] row = new int[3]

    when:
    image.readRow(1, row)

    then:
    image.width == 3
    image.height == 2
    image.getArgb(0, 0) == 0x7F090102
    row == [0x7F090202, 0x7F090203, 0x7F090204] as int[]
    !image.writable

    when:
    image.setArgb(0, 0, 0)

    then: 'camera frames are read-only'
    thrown(java.nio.ReadOnlyBufferException)

    when:
    image.getArgb(3, 0)

    then:
    thrown(IndexOutOfBoundsException)

    cleanup:
    frame.close()
  }

  def "RGBX reads alpha as opaque; I420 is not an RgbaImage"() {
    given:
    def x = TestFrames.solid(VideoPixelFormat.RGBX, 2, 2, 0x00123456, 0)

    expect:
    RgbaImage.of(x).getArgb(1, 1) == rgb(0x123456)
    !RgbaImage.of(x).hasAlpha()
    !RgbaImage.supports(VideoPixelFormat.I420)

    when:
    RgbaImage.of(MediaFrames.heapAllocator().allocateVideoFrame(VideoPixelFormat.I420, 4, 4, 0))

    then:
    thrown(IllegalArgumentException)

    cleanup:
    x.close()
  }

  def "ColorMatrix: rows as on paper, mix, composition, clamping"() {
    given:
    def swapRG = ColorMatrix.ofRows(0, 1, 0, 1, 0, 0, 0, 0, 1)
    def brighten = ColorMatrix.of(new Matrix3f(), new org.joml.Vector3f(100, 100, 100))

    expect:
    swapRG.apply(rgb(0x102030)) == rgb(0x201030)
    ColorMatrix.identity().apply(0x80ABCDEF as int) == 0x80ABCDEF as int
    brighten.apply(rgb(0xC86400)) == rgb(0xFFC864)
    ColorMatrix.sepia().mix(0).apply(rgb(0x6496C8)) == rgb(0x6496C8)
    brighten.after(swapRG).apply(rgb(0x102030)) == rgb(0x847494)
  }

  def "SeparableBlur keeps flat areas exact and refuses radii it cannot do exactly"() {
    given:
    def frame = MediaFrames.heapAllocator().copyOf(TestFrames.solid(VideoPixelFormat.RGBA, 50, 20, rgb(0x7B2D11), 0))

    when:
    SeparableBlur.gaussian(SeparableBlur.MAX_RADIUS).apply(RgbaImage.of(frame))

    then:
    TestFrames.toArgb(frame).every { it == rgb(0x7B2D11) }

    when:
    SeparableBlur.box(SeparableBlur.MAX_RADIUS + 1)

    then:
    thrown(IllegalArgumentException)
  }

  def "ColumnRemap.mirror maps column x to width-1-x for odd and even widths; a JOML half-scale stretches the left half"() {
    expect:
    (0..<w).every { x -> ColumnRemap.mirror().sourceColumn(x, w) == w - 1 - x }
    ColumnRemap.of(new Matrix3x2f().scale(0.5f, 1)).sourceColumn(9, 10) == 4

    where:
    w << [1, 7, 640, 1281]
  }

  def "Canvas draws clipped lines, outlines and text"() {
    given:
    def frame = MediaFrames.heapAllocator().copyOf(TestFrames.solid(VideoPixelFormat.RGBA, 40, 30, rgb(0), 0))
    def canvas = new Canvas(RgbaImage.of(frame))

    when:
    canvas.drawLine(-10, 5, 100, 5, 1, rgb(0xFF0000))
    canvas.strokeRect(10, 10, 10, 10, 2, rgb(0x00FF00))
    canvas.fillRect(30, 20, 4, 4, 0x80FFFFFF as int)

    then:
    TestFrames.argbAt(frame, 0, 5) == rgb(0xFF0000)
    TestFrames.argbAt(frame, 39, 5) == rgb(0xFF0000)
    TestFrames.argbAt(frame, 0, 6) == rgb(0)
    TestFrames.argbAt(frame, 11, 15) == rgb(0x00FF00)
    TestFrames.argbAt(frame, 15, 15) == rgb(0)
    TestFrames.argbAt(frame, 31, 21) == rgb(0x808080)

    when:
    def text = TextStamp.render('Hi', 20, true)
    canvas.drawText(text, 2, 2, rgb(0xFFFFFF))

    then:
    text.width > 10
    text.height >= 20
    (0..<text.width).any { x -> (0..<text.height).any { y -> text.coverageAt(x, y) == 255 } }

    cleanup:
    frame.close()
  }

  def "FormatGate admits the RGB formats, turns others away once with a log line each"() {
    given:
    def gate = FormatGate.rgb('test')
    def rgba = TestFrames.solid(VideoPixelFormat.RGBA, 2, 2, 0, 0)
    def nv12 = MediaFrames.heapAllocator().allocateVideoFrame(VideoPixelFormat.NV12, 2, 2, 0)

    expect:
    gate.admits(rgba)
    !gate.admits(nv12)
    !gate.admits(nv12)
    gate.accepted.size() == 4

    cleanup:
    rgba.close()
    nv12.close()
  }

  def "LevelMeter: full-scale sine peaks at 0 dB, RMS -3 dB, held peak falls"() {
    given:
    def meter = new LevelMeter(20)

    when:
    (0..<480).each { meter.add((float) Math.sin(2 * Math.PI * it / 48)) }
    meter.endChunk(10_000)

    then:
    Math.abs(meter.peakDb) < 0.01
    Math.abs(meter.rmsDb + 3.01) < 0.05

    when: 'one second of silence'
    meter.add(0f)
    meter.endChunk(1_000_000)

    then:
    meter.peakDb == LevelMeter.SILENCE_DB
    Math.abs(meter.heldPeakDb + 20) < 0.01
  }

  def "Argb helpers"() {
    expect:
    Argb.of(300, -5, 128, 255) == 0xFF0080FF as int
    Argb.withAlpha(rgb(0x123456), 0x40) == 0x40123456
    Argb.luma(rgb(0xFFFFFF)) == 255
    Argb.mix(rgb(0), rgb(0xFFFFFF), 128) == rgb(0x808080)
    Argb.format(rgb(0xABCDEF)) == '#FFABCDEF'
  }
}
