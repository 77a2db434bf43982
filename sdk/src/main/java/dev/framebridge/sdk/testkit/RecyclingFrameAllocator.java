package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FrameAllocator} that reuses the direct memory of closed video frames, as a worker's shared-memory ring
 * reuses its slots: after warm-up, allocating costs no zeroing or page faults, so benchmarks and long tests measure
 * the effect rather than the allocator. Audio comes from {@link MediaFrames#heapAllocator()}. Thread-safe.
 */
public final class RecyclingFrameAllocator implements FrameAllocator {
  private final Map<Integer, Queue<ByteBuffer>> free = new ConcurrentHashMap<>();
  private final AtomicLong fresh = new AtomicLong();

  @Override
  public VideoFrame allocateVideoFrame(VideoPixelFormat format, int width, int height, long timestampUs) {
    ByteBuffer memory = take(format.frameBytes(width, height));
    return MediaFrames.wrapVideoFrame(FrameBuffer.wrap(memory, () -> give(memory)),
        VideoFrameInit.of(format, width, height, timestampUs));
  }

  @Override
  public AudioData allocateAudioData(
      AudioSampleFormat format, int numberOfChannels, int numberOfFrames, float sampleRate, long timestampUs) {
    return MediaFrames.heapAllocator()
        .allocateAudioData(format, numberOfChannels, numberOfFrames, sampleRate, timestampUs);
  }

  @Override
  public VideoFrame copyOf(VideoFrame source) {
    VideoPixelFormat format = source.getFormat();
    Rect visible = source.getVisibleRect();
    if (format == null || visible == null) {
      throw new IllegalStateException("cannot copy a closed frame");
    }
    ByteBuffer memory = take(source.allocationSize());
    source.copyTo(memory);
    return MediaFrames.wrapVideoFrame(FrameBuffer.wrap(memory, () -> give(memory)),
        VideoFrameInit.builder().format(format).codedWidth(visible.getWidth()).codedHeight(visible.getHeight())
            .timestamp(source.getTimestamp()).duration(source.getDuration()).colorSpace(source.getColorSpace())
            .build());
  }

  /** Buffers allocated fresh so far (the rest were reused). */
  public long getFreshAllocations() {
    return fresh.get();
  }

  private ByteBuffer take(int size) {
    ByteBuffer b = free.computeIfAbsent(size, k -> new ConcurrentLinkedQueue<>()).poll();
    if (b == null) {
      fresh.incrementAndGet();
      b = ByteBuffer.allocateDirect(size);
    }
    b.clear();
    return b;
  }

  private void give(ByteBuffer memory) {
    free.get(memory.capacity()).offer(memory);
  }

  @Override
  public String toString() {
    return "RecyclingFrameAllocator(fresh " + fresh.get() + ")";
  }
}
