package dev.framebridge.media

import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.spi.media.PlaneLayout
import dev.framebridge.spi.media.Rect
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.transform.FrameAllocator
import java.nio.ByteBuffer
import spock.lang.Specification

import static dev.framebridge.spi.media.VideoPixelFormat.*

class HeapAllocatorSpec extends Specification {

  FrameAllocator allocator = MediaFrames.heapAllocator()
  long frames0 = MediaFrames.openFrameCount
  long buffers0 = MediaFrames.liveBufferCount

  def "allocated #format frames are writable, tightly packed, and written pixels read back through copyTo"() {
    given:
    def f = allocator.allocateVideoFrame(format, 4, 2, 99)

    when:
    (0..<f.planeCount).each { p ->
      def plane = f.getPlane(p)
      plane.remaining().times { plane.put(it, (p * 50 + it) as byte) }
    }
    def out = ByteBuffer.allocate(f.allocationSize())
    def layout = f.copyTo(out)

    then:
    f.writable
    !f.getPlane(0).readOnly
    f.timestamp == 99
    f.duration == null
    f.codedWidth == 4
    f.displayHeight == 2
    (0..<f.planeCount).every { f.getPlaneStride(it) == format.rowBytes(it, 4) }
    (0..<f.planeCount).every { p ->
      def size = format.rowBytes(p, 4) * format.rows(p, 2)
      (0..<size).every { out.get(layout[p].offset + it) == (p * 50 + it) as byte }
    }

    cleanup:
    f?.close()

    where:
    format << VideoPixelFormat.values()
  }

  def "allocateVideoFrame rejects #w x #h #format with IllegalArgumentException"() {
    when:
    allocator.allocateVideoFrame(format, w, h, 0)

    then:
    thrown(IllegalArgumentException)
    MediaFrames.liveBufferCount == buffers0

    where:
    format | w  | h
    RGBA   | 0  | 2
    RGBA   | 2  | -1
    I420   | 3  | 2
    NV12   | 4  | 3
  }

  def "copyOf copies the visible pixels into a writable frame with the source's timing"() {
    given: "an RGBA 4x2 frame whose pixel (x, y) starts with byte 10 * y + x, visible rect its right half"
    def data = ByteBuffer.allocate(32)
    2.times { y -> 4.times { x -> data.put(y * 16 + x * 4, (10 * y + x) as byte) } }
    def src = MediaFrames.createVideoFrame(data, VideoFrameInit.builder().format(RGBA).codedWidth(4).codedHeight(2)
        .timestamp(5L).duration(7L).visibleRect(Rect.of(2, 0, 2, 2)).build())

    when:
    def copy = allocator.copyOf(src)
    src.close()

    then:
    copy.writable
    copy.format == RGBA
    copy.codedWidth == 2
    copy.codedHeight == 2
    copy.visibleRect == Rect.of(0, 0, 2, 2)
    copy.timestamp == 5
    copy.duration == 7
    [0, 4, 8, 12].collect { copy.getPlane(0).get(it) as int } == [2, 3, 12, 13]

    when: "writing the copy leaves nothing shared"
    copy.getPlane(0).put(0, 0 as byte)

    then:
    copy.getPlane(0).get(0) == 0 as byte

    when:
    allocator.copyOf(src)

    then:
    thrown(IllegalStateException)

    cleanup:
    copy?.close()
  }

  def "allocated audio is writable and its planes have the chunk's shape"() {
    when:
    def a = allocator.allocateAudioData(AudioSampleFormat.S16_PLANAR, 2, 480, 48000f, 1000)
    a.getPlane(1).putShort(0, 7 as short)

    then:
    a.writable
    a.planeCount == 2
    a.getPlane(0).remaining() == 960
    a.getPlane(1).getShort(0) == 7 as short
    a.duration == 10000
    a.timestamp == 1000

    cleanup:
    a?.close()
  }

  def "every frame and buffer is released once all frames close"() {
    when:
    def v = allocator.allocateVideoFrame(I420, 8, 8, 0)
    def a = allocator.allocateAudioData(AudioSampleFormat.F32, 1, 10, 8000f, 0)
    def c = v.clone()

    then:
    MediaFrames.openFrameCount == frames0 + 3
    MediaFrames.liveBufferCount == buffers0 + 2

    when:
    [v, a, c]*.close()

    then:
    MediaFrames.openFrameCount == frames0
    MediaFrames.liveBufferCount == buffers0
  }
}
