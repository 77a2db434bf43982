package dev.framebridge.media

import dev.framebridge.sdk.media.FrameBuffer
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.spi.media.PlaneLayout
import dev.framebridge.spi.media.Rect
import dev.framebridge.spi.media.VideoColorSpace
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoFrameCopyToOptions
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

  static VideoFrameInit.Builder init(VideoPixelFormat format = I420, Integer w = 4, Integer h = 4) {
    VideoFrameInit.builder().format(format).codedWidth(w).codedHeight(h).timestamp(0L)
  }

  def "C-42 bad construction fails with IllegalArgumentException: #problem"() {
    when:
    MediaFrames.createVideoFrame(ByteBuffer.allocate(size), builder().build())

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(word)

    and: "nothing leaked"
    MediaFrames.openFrameCount == old(MediaFrames.openFrameCount)
    MediaFrames.liveBufferCount == old(MediaFrames.liveBufferCount)

    where:
    problem                          | size | builder                                                          | word
    'missing format'                 | 64   | { init().format(null) } | 'format'
    'missing codedWidth'             | 64   | { init().codedWidth(null) } | 'codedWidth'
    'missing codedHeight'            | 64   | { init().codedHeight(null) } | 'codedHeight'
    'zero width'                     | 64   | { init().codedWidth(0) } | 'codedWidth'
    'zero height'                    | 64   | { init().codedHeight(0) } | 'codedHeight'
    'missing timestamp'              | 64   | { init().timestamp(null) } | 'timestamp'
    'visibleRect outside coded size' | 64   | { init().visibleRect(Rect.of(2, 0, 4, 4)) } | 'outside'
    'visibleRect below coded size'   | 64   | { init().visibleRect(Rect.of(0, 2, 2, 4)) } | 'outside'
    'visibleRect negative origin'    | 64   | { init().visibleRect(Rect.of(-2, 0, 2, 2)) } | 'negative'
    'visibleRect zero width'         | 64   | { init().visibleRect(Rect.of(0, 0, 0, 2)) } | 'empty'
    'visibleRect negative height'    | 64   | { init().visibleRect(Rect.of(0, 0, 2, -2)) } | 'empty'
    'displayWidth alone'             | 64   | { init().displayWidth(4) } | 'together'
    'displayHeight alone'            | 64   | { init().displayHeight(4) } | 'together'
    'zero display width'             | 64   | { init().displayWidth(0).displayHeight(4) } | 'display'
    'zero display height'            | 64   | { init().displayWidth(4).displayHeight(0) } | 'display'
    'odd visibleRect x on I420'      | 64   | { init().visibleRect(Rect.of(1, 0, 2, 2)) } | 'subsampled'
    'odd visibleRect y on NV12'      | 64   | { init(NV12).visibleRect(Rect.of(0, 1, 2, 2)) } | 'subsampled'
    'buffer too small for I420'      | 23   | { init() } | 'too small'
    'buffer too small for RGBA'      | 31   | { init(RGBA, 4, 2) } | 'too small'
    'stride below row width'         | 64   | { init(RGBA, 4, 2).layout([PlaneLayout.of(0, 12)]) } | 'stride'
    'stride leaves buffer too small' | 32   | { init(RGBA, 4, 2).layout([PlaneLayout.of(0, 20)]) } | 'too small'
    'layout with wrong plane count'  | 64   | { init().layout([PlaneLayout.of(0, 4)]) } | 'planes'
    'unknown format name'            | 64   | { init().format(VideoPixelFormat.fromWebName('YUY2')) }         | 'YUY2'
    'layout with overlapping planes' | 64   | { init().layout([PlaneLayout.of(0, 4), PlaneLayout.of(8, 2), PlaneLayout.of(0, 2)]) } | 'overlap'
  }

  def "C-44 a frame built from another copies format, timestamp, sizes and duration, and takes overrides"() {
    given:
    def src = track(MediaFrames.createVideoFrame(bytes(I420.frameBytes(8, 4)), init(I420, 8, 4).timestamp(100L)
        .duration(33L).displayWidth(16).displayHeight(4).build()))

    when: "nothing is overridden"
    def same = track(MediaFrames.createVideoFrame(src, VideoFrameInit.builder().build()))

    then:
    same.format == I420
    same.timestamp == 100
    same.duration == 33
    same.codedWidth == 8
    same.codedHeight == 4
    same.visibleRect == Rect.of(0, 0, 8, 4)
    same.displayWidth == 16
    same.displayHeight == 4
    same.colorSpace == src.colorSpace
    same.getPlane(0) == src.getPlane(0)

    when: "timestamp and duration are overridden"
    def later = track(MediaFrames.createVideoFrame(src, VideoFrameInit.builder().timestamp(200L).duration(5L).build()))

    then:
    later.timestamp == 200
    later.duration == 5
    later.codedWidth == 8
    src.timestamp == 100

    when: "the visible rect is cropped: display size scales with it"
    def crop = track(MediaFrames.createVideoFrame(src, VideoFrameInit.builder().visibleRect(Rect.of(4, 0, 4, 4)).build()))

    then:
    crop.visibleRect == Rect.of(4, 0, 4, 4)
    crop.displayWidth == 8
    crop.displayHeight == 4
    crop.timestamp == 100

    when: "the source closes, the derived frames keep the memory"
    src.close()

    then:
    later.getPlane(0).get(0) == 1 as byte

    when: "a closed source cannot be used"
    MediaFrames.createVideoFrame(src, VideoFrameInit.builder().build())

    then:
    thrown(IllegalStateException)

    when: "the format cannot change"
    MediaFrames.createVideoFrame(later, VideoFrameInit.builder().format(RGBA).build())

    then:
    thrown(IllegalArgumentException)
  }

  def "C-45 allocationSize and copyTo of #format #w x #h: #size bytes in layout #layout"() {
    given:
    def f = track(frame(format, w, h))
    def dest = ByteBuffer.allocate(size + 3)

    when:
    def planes = f.copyTo(dest)

    then:
    f.allocationSize() == size
    planes == layout.collect { PlaneLayout.of(it[0], it[1]) }
    (0..<size).every { dest.get(it) == (it + 1) as byte }
    dest.get(size) == 0 as byte
    dest.position() == 0

    when:
    f.close()
    f.allocationSize()

    then:
    thrown(IllegalStateException)

    when:
    f.copyTo(dest)

    then:
    thrown(IllegalStateException)

    where:
    format | w | h | size | layout
    I420   | 4 | 2 | 12   | [[0, 4], [8, 2], [10, 2]]
    RGBA   | 2 | 2 | 16   | [[0, 8]]
    NV12   | 4 | 2 | 12   | [[0, 4], [8, 4]]
  }

  def "C-46 copyTo fails with IllegalArgumentException for #problem; custom layouts, padding and crops are honoured"() {
    given:
    def f = track(frame(I420, 4, 4))
    def options = VideoFrameCopyToOptions.builder().rect(rect).layout(layout).build()

    when:
    f.copyTo(ByteBuffer.allocate(destSize), options)

    then:
    thrown(IllegalArgumentException)

    when: "a 4x2 I420 frame: Y rows [1 2 3 4][5 6 7 8], U [9 10], V [11 12]"
    def g = track(frame(I420, 4, 2))
    def dest = ByteBuffer.allocate(32)
    32.times { dest.put(it, 0x7F as byte) }
    def custom = [PlaneLayout.of(8, 6), PlaneLayout.of(0, 3), PlaneLayout.of(4, 2)]

    and: "planes reordered (U, V, then Y) and Y and U rows padded"
    def planes = g.copyTo(dest, VideoFrameCopyToOptions.builder().layout(custom).build())

    then:
    planes == custom
    g.allocationSize(VideoFrameCopyToOptions.builder().layout(custom).build()) == 20
    (0..<20).collect { dest.get(it) as int } == [9, 10, 0, 0, 11, 12, 0, 0, 1, 2, 3, 4, 0, 0, 5, 6, 7, 8, 0, 0]
    dest.get(20) == 0x7F as byte

    when: "a left crop of 2x2 of the rows"
    def crop = ByteBuffer.allocate(6)
    def cropPlanes = g.copyTo(crop, VideoFrameCopyToOptions.builder().rect(Rect.of(0, 0, 2, 2)).build())

    then:
    cropPlanes == [PlaneLayout.of(0, 2), PlaneLayout.of(4, 1), PlaneLayout.of(5, 1)]
    (0..<6).collect { crop.get(it) as int } == [1, 2, 5, 6, 9, 11]

    when: "a right crop copies the other columns"
    def right = ByteBuffer.allocate(6)
    g.copyTo(right, VideoFrameCopyToOptions.builder().rect(Rect.of(2, 0, 2, 2)).build())

    then:
    (0..<6).collect { right.get(it) as int } == [3, 4, 7, 8, 10, 12]

    where:
    problem                   | destSize | rect                  | layout
    'a destination too small' | 23       | null                  | null
    'the wrong plane count'   | 64       | null                  | [PlaneLayout.of(0, 4)]
    'a stride below the row'  | 64       | null                  | [PlaneLayout.of(0, 3), PlaneLayout.of(16, 2), PlaneLayout.of(20, 2)]
    'an overflowing offset'   | 64       | null                  | [PlaneLayout.of(Integer.MAX_VALUE - 4, 4), PlaneLayout.of(16, 2), PlaneLayout.of(20, 2)]
    'an empty rect'           | 64       | Rect.of(0, 0, 0, 2)   | null
    'an unaligned rect'       | 64       | Rect.of(1, 0, 2, 2)   | null
    'a rect beyond the coded' | 64       | Rect.of(0, 0, 6, 4)   | null
  }

  def "C-47 odd sizes: I420 3x3 is valid with 2x2 chroma planes and allocationSize 17"() {
    when:
    def f = track(frame(I420, 3, 3))
    def dest = ByteBuffer.allocate(17)
    def planes = f.copyTo(dest)

    then:
    f.codedWidth == 3
    f.codedHeight == 3
    f.getPlane(0).remaining() == 9
    f.getPlane(1).remaining() == 4
    f.getPlaneStride(1) == 2
    f.getPlane(2).remaining() == 4
    f.allocationSize() == 17
    planes == [PlaneLayout.of(0, 3), PlaneLayout.of(9, 2), PlaneLayout.of(13, 2)]
    (0..<17).every { dest.get(it) == (it + 1) as byte }
  }

  def "a frame built over data with a padded layout stores its pixels and reads them back"() {
    given: "RGBA 2x2 with a stride of 12 (4 bytes padding per row) after 4 leading bytes"
    def data = ByteBuffer.allocate(28)
    (0..<8).each { data.put(4 + it, (it + 1) as byte); data.put(16 + it, (it + 11) as byte) }

    when:
    def f = track(MediaFrames.createVideoFrame(data, init(RGBA, 2, 2).layout([PlaneLayout.of(4, 12)]).build()))
    def out = ByteBuffer.allocate(16)
    f.copyTo(out)

    then:
    (0..<16).collect { out.get(it) as int } == (1..8) + (11..18)
    f.getPlaneStride(0) == 8
    MediaFrames.getPlaneOffset(f, 0) == 0
  }

  def "wrapVideoFrame views a FrameBuffer in place and releases its reference on close or on failure"() {
    given:
    def released = new java.util.concurrent.atomic.AtomicInteger()
    def fb = FrameBuffer.wrap(ByteBuffer.allocateDirect(16), { released.incrementAndGet() } as Runnable)

    when:
    def f = MediaFrames.wrapVideoFrame(fb, init(RGBA, 2, 2).build())
    f.getPlane(0).put(0, 42 as byte)

    then:
    f.writable
    fb.memory.get(0) == 42 as byte
    fb.refCount == 1
    MediaFrames.getBuffer(f).is(fb)
    MediaFrames.getPlaneOffset(f, 0) == 0

    when:
    def c = f.clone()
    f.close()
    c.close()

    then:
    released.get() == 1
    MediaFrames.getBuffer(f) == null

    when: "a buffer too small is released at once"
    def small = FrameBuffer.wrap(ByteBuffer.allocate(15), { released.incrementAndGet() } as Runnable)
    MediaFrames.wrapVideoFrame(small, init(RGBA, 2, 2).build())

    then:
    thrown(IllegalArgumentException)
    released.get() == 2
  }

  def "a frame over read-only memory hands out read-only planes"() {
    given:
    def fb = FrameBuffer.wrap(ByteBuffer.allocate(16).asReadOnlyBuffer(), null)

    when:
    def f = track(MediaFrames.wrapVideoFrame(fb, init(RGBA, 2, 2).build()))

    then:
    !f.writable
    f.getPlane(0).readOnly
  }
}
