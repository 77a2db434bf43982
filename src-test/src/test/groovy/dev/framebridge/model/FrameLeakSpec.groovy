package dev.framebridge.model

import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.sdk.stream.FrameTransformStream
import dev.framebridge.sdk.stream.TransformStream
import dev.framebridge.sdk.stream.UnderlyingSink
import dev.framebridge.sdk.stream.WritableStream
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.transform.FrameTransform
import dev.framebridge.spi.transform.TransformController
import java.nio.ByteBuffer
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import java.util.concurrent.locks.LockSupport
import spock.util.concurrent.PollingConditions

/** Every frame that enters the chain is closed exactly once, whether it is passed on, replaced, dropped or discarded. */
class FrameLeakSpec extends ModelFixture {

  static final int FRAMES = 10_000

  static VideoFrame small(long ts) {
    MediaFrames.createVideoFrame(ByteBuffer.allocate(16 * 16 * 4),
        VideoFrameInit.builder().format(VideoPixelFormat.RGBA).codedWidth(16).codedHeight(16).timestamp(ts).build())
  }

  def "10,000 frames through processor, transform and generator leave no frame or buffer open, and drops are counted"() {
    given:
    long framesBefore = MediaFrames.openFrameCount
    long buffersBefore = MediaFrames.liveBufferCount
    def input = new VideoTrackGenerator()
    def output = new VideoTrackGenerator()
    track(input.track)
    track(output.track)
    def processor = new MediaStreamTrackProcessor<VideoFrame>(input.track, 2)
    def outProcessor = new MediaStreamTrackProcessor<VideoFrame>(output.track, 4)
    FrameTransformStream<VideoFrame> transform = TransformStream.fromFrameTransform(
        { VideoFrame f, TransformController<VideoFrame> c ->
          long ts = f.timestamp
          if (ts % 500 == 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)) // a slow frame: the writer overruns the queue
          }
          if (ts % 3 == 0) {
            c.enqueue(c.allocator.copyOf(f)) // a new frame; the runtime closes the input
          } else if (ts % 3 == 1) {
            c.enqueue(f) // passed on unchanged
          } // else dropped by the plugin: the runtime closes it
        } as FrameTransform<VideoFrame>, MediaFrames.heapAllocator())
    def consumed = new AtomicLong()
    def consumer = new WritableStream<VideoFrame>({ VideoFrame f, c ->
      consumed.incrementAndGet()
      f.close()
      UnderlyingSink.DONE
    } as UnderlyingSink<VideoFrame>)
    def chain = processor.readable.pipeThrough(transform).pipeTo(output.writable)
    def sink = outProcessor.readable.pipeTo(consumer)
    def writer = input.writable.writer

    when:
    for (long ts = 1; ts <= FRAMES; ts++) {
      writer.write(small(ts))
    }
    await(writer.close())
    await(chain)
    await(sink)

    then: "drops happened and were counted"
    processor.droppedFrames > 0
    processor.deliveredFrames + processor.droppedFrames <= FRAMES
    transform.transformedFrameCount == processor.deliveredFrames
    consumed.get() > 0

    and: "every frame and buffer was released"
    new PollingConditions(timeout: TIMEOUT_S).eventually {
      assert MediaFrames.openFrameCount == framesBefore
      assert MediaFrames.liveBufferCount == buffersBefore
    }
  }
}
