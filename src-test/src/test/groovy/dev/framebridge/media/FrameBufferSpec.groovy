package dev.framebridge.media

import dev.framebridge.sdk.media.FrameBuffer
import dev.framebridge.sdk.media.MediaFrames
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import spock.lang.Specification

class FrameBufferSpec extends Specification {

  def "allocate gives zeroed, writable, little-endian memory of the capacity"() {
    given:
    def b = FrameBuffer.allocate(16)

    when:
    def m = b.memory

    then:
    b.capacity == 16
    b.refCount == 1
    m.position() == 0
    m.limit() == 16
    m.order() == ByteOrder.LITTLE_ENDIAN
    !m.readOnly
    m.direct
    (0..<16).every { m.get(it) == 0 as byte }

    cleanup:
    b.release()
  }

  def "onRelease runs exactly once, when the last reference goes"() {
    given:
    def runs = new AtomicInteger()
    def b = FrameBuffer.wrap(ByteBuffer.allocate(8), { runs.incrementAndGet() } as Runnable)

    when:
    b.retain()
    b.release()

    then:
    runs.get() == 0
    b.refCount == 1

    when:
    b.release()

    then:
    runs.get() == 1
    b.refCount == 0

    when:
    b.release()

    then:
    thrown(IllegalStateException)
    runs.get() == 1
  }

  def "retain and getMemory after the last release throw IllegalStateException"() {
    given:
    def b = FrameBuffer.allocate(4)
    b.release()

    when:
    b.retain()

    then:
    thrown(IllegalStateException)

    when:
    b.memory

    then:
    thrown(IllegalStateException)
  }

  def "wrap views the remaining bytes in place and keeps read-only memory read-only"() {
    given:
    def raw = ByteBuffer.allocate(10)
    raw.put(2, 7 as byte)
    raw.position(2)

    when:
    def writable = FrameBuffer.wrap(raw, null)
    def readOnly = FrameBuffer.wrap(raw.asReadOnlyBuffer(), null)

    then:
    writable.capacity == 8
    writable.memory.get(0) == 7 as byte
    writable.writable
    !readOnly.writable
    readOnly.memory.readOnly

    when: "a write through the view reaches the wrapped memory"
    writable.memory.put(1, 9 as byte)

    then:
    raw.get(3) == 9 as byte

    cleanup:
    writable?.release()
    readOnly?.release()
  }

  def "the tag may be set once"() {
    given:
    def owner = new Object()
    def b = FrameBuffer.allocate(1).withTag(owner)

    expect:
    b.tag.is(owner)

    when:
    b.withTag(new Object())

    then:
    thrown(IllegalStateException)
    b.tag.is(owner)

    cleanup:
    b.release()
  }

  def "the live buffer count returns to its start when every buffer is released"() {
    given:
    def before = MediaFrames.liveBufferCount
    def buffers = (1..5).collect { FrameBuffer.allocate(it) }

    expect:
    MediaFrames.liveBufferCount == before + 5

    when:
    buffers*.retain()
    buffers*.release()

    then:
    MediaFrames.liveBufferCount == before + 5

    when:
    buffers*.release()

    then:
    MediaFrames.liveBufferCount == before
  }

  def "closing one frame from many threads at once releases its buffer exactly once"() {
    given:
    def runs = new AtomicInteger()
    def fb = FrameBuffer.wrap(ByteBuffer.allocateDirect(16), { runs.incrementAndGet() } as Runnable)
    def frame = MediaFrames.wrapVideoFrame(fb, dev.framebridge.sdk.media.VideoFrameInit.of(
        dev.framebridge.spi.media.VideoPixelFormat.RGBA, 2, 2, 0))
    def clone = frame.clone()
    def start = new CountDownLatch(1)
    def pool = Executors.newFixedThreadPool(8)

    when:
    def futures = (1..8).collect { i -> pool.submit({ start.await(); (i % 2 ? frame : clone).close() } as Callable) }
    start.countDown()
    futures*.get(10, TimeUnit.SECONDS)

    then:
    runs.get() == 1
    fb.refCount == 0
    frame.closed
    clone.closed

    cleanup:
    pool.shutdownNow()
  }
}
