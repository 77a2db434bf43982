package dev.framebridge.media

import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.spi.media.Rect
import dev.framebridge.spi.media.VideoColorSpace
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.ByteBuffer
import spock.lang.Specification

import static dev.framebridge.spi.media.VideoPixelFormat.*

class VideoFrameSpec extends Specification {

  static ByteBuffer bytes(int n) {
    def b = ByteBuffer.allocate(n)
    n.times { b.put(it, (it + 1) as byte) }
    b
  }

  static VideoFrame frame(VideoPixelFormat format, int w, int h, long ts = 10, Long duration = null) {
    MediaFrames.createVideoFrame(bytes(format.frameBytes(w, h)),
        VideoFrameInit.builder().format(format).codedWidth(w).codedHeight(h).timestamp(ts).duration(duration).build())
  }

  def frames = []

  VideoFrame track(VideoFrame f) {
    frames << f
    f
  }

  def cleanup() {
    frames*.close()
  }

  def "C-40 a frame built with timestamp 10 has no duration and full visible and display size"() {
    when:
    def f = track(frame(RGBA, 4, 2, 10))

    then:
    f.timestamp == 10
    f.duration == null
    f.format == RGBA
    f.codedWidth == 4
    f.codedHeight == 2
    f.codedRect == Rect.of(0, 0, 4, 2)
    f.visibleRect == Rect.of(0, 0, 4, 2)
    f.displayWidth == 4
    f.displayHeight == 2
    !f.closed
  }

  def "C-41 a closed frame reads null format, zero sizes, null rects, keeps timestamp and duration; clone throws"() {
    given:
    def f = frame(I420, 4, 2, 77, 33)

    when:
    f.close()

    then:
    f.closed
    f.format == null
    f.codedWidth == 0
    f.codedHeight == 0
    f.displayWidth == 0
    f.displayHeight == 0
    f.visibleRect == null
    f.codedRect == null
    f.planeCount == 0
    f.timestamp == 77
    f.duration == 33

    when:
    f.clone()

    then:
    thrown(IllegalStateException)

    when:
    f.getPlane(0)

    then:
    thrown(IllegalStateException)

    when: "closing again does nothing"
    f.close()

    then:
    noExceptionThrown()
  }

  def "C-43 #format constructs from a correctly sized buffer and reports colour space #expected"() {
    when:
    def f = track(frame(format, 4, 2))

    then:
    f.format == format
    f.planeCount == format.planeCount
    f.colorSpace == expected
    f.colorSpace.primaries == 'bt709'
    (0..<f.planeCount).every { f.getPlane(it).remaining() == format.rowBytes(it, 4) * format.rows(it, 2) }

    where:
    format | expected
    I420   | VideoColorSpace.BT709
    I420A  | VideoColorSpace.BT709
    I422   | VideoColorSpace.BT709
    I444   | VideoColorSpace.BT709
    NV12   | VideoColorSpace.BT709
    RGBA   | VideoColorSpace.of('bt709', 'iec61966-2-1', 'rgb', true)
    RGBX   | VideoColorSpace.of('bt709', 'iec61966-2-1', 'rgb', true)
    BGRA   | VideoColorSpace.of('bt709', 'iec61966-2-1', 'rgb', true)
    BGRX   | VideoColorSpace.of('bt709', 'iec61966-2-1', 'rgb', true)
  }

  def "C-48 clone keeps timestamp, duration and visibleRect; each closes on its own"() {
    given:
    def f = MediaFrames.createVideoFrame(bytes(I420.frameBytes(4, 4)), VideoFrameInit.builder().format(I420)
        .codedWidth(4).codedHeight(4).timestamp(5).duration(40).visibleRect(Rect.of(2, 2, 2, 2)).build())

    when:
    def c = f.clone()

    then:
    c.timestamp == 5
    c.duration == 40
    c.visibleRect == Rect.of(2, 2, 2, 2)
    c.getPlane(0) == f.getPlane(0)

    when: "the original closes"
    f.close()

    then: "the clone stays open and readable"
    !c.closed
    c.format == I420
    c.getPlane(0).get(0) == 1 as byte

    when:
    def c2 = c.clone()
    c.close()

    then:
    !c2.closed
    c2.format == I420

    when: "a closed frame cannot be cloned"
    c.clone()

    then:
    thrown(IllegalStateException)

    cleanup:
    c2?.close()
  }

  def "getPlane returns the same cached view, reset to position 0, read-only for copied frames"() {
    given:
    def f = track(frame(I420, 4, 2))

    when:
    def a = f.getPlane(1)
    a.position(1)
    def b = f.getPlane(1)

    then:
    a.is(b)
    b.position() == 0
    b.limit() == 2
    b.readOnly
    !f.writable
    b.get(0) == 9 as byte

    when:
    f.getPlane(3)

    then:
    thrown(IndexOutOfBoundsException)
  }

  def "open frame and live buffer counts return to their start once every frame and clone is closed"() {
    given:
    def frames0 = MediaFrames.openFrameCount
    def buffers0 = MediaFrames.liveBufferCount

    when:
    def f = frame(RGBA, 2, 2)
    def clones = (1..3).collect { f.clone() }

    then:
    MediaFrames.openFrameCount == frames0 + 4
    MediaFrames.liveBufferCount == buffers0 + 1

    when:
    f.close()
    clones*.close()

    then:
    MediaFrames.openFrameCount == frames0
    MediaFrames.liveBufferCount == buffers0
  }
}
