package dev.framebridge.plugins

import static dev.framebridge.sdk.testkit.FrameAssertions.*

import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.sdk.testkit.TransformHarness
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.transform.FrameTransform
import dev.framebridge.spi.transform.TransformController
import spock.lang.Specification

class TransformHarnessSpec extends Specification {
  static VideoFrame frame(long ts) { TestFrames.solid(VideoPixelFormat.RGBA, 4, 4, 0xFF102030 as int, ts) }

  def "an input the transform does not enqueue is closed when the call returns; outputs are closed by close()"() {
    given:
    def baseline = openFrameCount()
    def calls = []
    def harness = TransformHarness.of(new FrameTransform<VideoFrame>() {
      void start(TransformController<VideoFrame> c) { calls << 'start' }
      void transform(VideoFrame f, TransformController<VideoFrame> c) {
        calls << 'transform'
        c.enqueue(c.allocator.copyOf(f))
      }
      void flush(TransformController<VideoFrame> c) { calls << 'flush' }
    })
    def input = frame(7)

    when:
    def out = harness.process(input)

    then:
    assertClosed(input)
    assertOpen(out)
    assertTimestamp(out, 7)
    !out.is(input)

    when:
    harness.flush()
    harness.close()

    then:
    calls == ['start', 'transform', 'flush']
    assertClosed(out)
    assertNoFramesLeaked(baseline)
  }

  def "a transform that throws fails the harness with the cause, and the input is still closed"() {
    given:
    def harness = TransformHarness.of({ f, c -> throw new IOException('disk on fire') } as FrameTransform<VideoFrame>)
    def input = frame(1)

    when:
    harness.push(input)

    then:
    def e = thrown(IllegalStateException)
    e.cause instanceof IOException
    harness.error.message == 'disk on fire'
    assertClosed(input)

    when: 'later frames are refused as the host would bypass the plugin'
    harness.push(frame(2))

    then:
    thrown(IllegalStateException)
  }

  def "controller.error fails the harness; enqueuing a closed frame fails it too"() {
    given:
    def errs = TransformHarness.of({ f, c -> c.error(new IllegalArgumentException('bad')) } as FrameTransform<VideoFrame>)
    def closes = TransformHarness.of({ f, c -> f.close(); c.enqueue(f) } as FrameTransform<VideoFrame>)

    when:
    errs.push(frame(1))

    then:
    def e1 = thrown(IllegalStateException)
    e1.cause.message == 'bad'

    when:
    closes.push(frame(1))

    then:
    def e2 = thrown(IllegalStateException)
    e2.cause.message.contains('closed frame')
  }

  def "process() insists on exactly one output"() {
    given:
    def drops = TransformHarness.of({ f, c -> } as FrameTransform<VideoFrame>)

    when:
    drops.process(frame(1))

    then:
    def e = thrown(AssertionError)
    e.message.contains('enqueued 0')
  }

  def "assertions say what differed"() {
    given:
    def f = frame(3)

    when:
    assertPixel(f, 1, 1, 0xFF102031 as int)

    then:
    def e = thrown(AssertionError)
    e.message == 'pixel (1, 1): expected #FF102031 (+-0 per channel) but was #FF102030'

    when:
    assertPixel(f, 1, 1, 0xFF102031 as int, 1)
    assertSize(f, 4, 4)
    assertTimestamp(f, 3)
    assertFormat(f, VideoPixelFormat.RGBA)

    then:
    noExceptionThrown()

    when:
    assertSize(f, 5, 4)

    then:
    thrown(AssertionError)

    cleanup:
    f.close()
  }

  def "frames round-trip through images files"() {
    given:
    def file = File.createTempFile('frame', '.png')
    def f = TestFrames.pattern(VideoPixelFormat.BGRA, 32, 16, 0)
    javax.imageio.ImageIO.write(TestFrames.toImage(f), 'png', file)

    when:
    def back = TestFrames.read(file.toPath(), VideoPixelFormat.RGBA, 9)

    then:
    TestFrames.toArgb(back) == TestFrames.toArgb(f)
    assertTimestamp(back, 9)

    cleanup:
    f?.close()
    back?.close()
    file.delete()
  }

  def "an unreadable image names the file"() {
    when:
    TestFrames.read(java.nio.file.Paths.get('/nonexistent/x.png'), VideoPixelFormat.RGBA, 0)

    then:
    def e = thrown(UncheckedIOException)
    e.message.contains('/nonexistent/x.png')
  }

  def "the recycling allocator reuses memory of closed frames and copies visible pixels with metadata"() {
    given:
    def allocator = new dev.framebridge.sdk.testkit.RecyclingFrameAllocator()
    def source = TestFrames.pattern(VideoPixelFormat.BGRA, 16, 8, 42)

    when:
    def a = allocator.copyOf(source)
    a.close()
    def b = allocator.copyOf(source)

    then:
    allocator.freshAllocations == 1
    b.writable
    TestFrames.toArgb(b) == TestFrames.toArgb(source)
    assertTimestamp(b, 42)
    assertFormat(b, VideoPixelFormat.BGRA)

    cleanup:
    source?.close()
    b?.close()
  }
}
