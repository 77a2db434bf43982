package dev.framebridge.sdk.transport.bench;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * In-process frames from a pool of warm direct buffers, as an in-process host would use: a fresh direct buffer per
 * frame would measure the allocator and the GC, not the pipeline.
 */
final class PooledAllocator implements FrameAllocator {
  private final ConcurrentLinkedQueue<ByteBuffer> pool = new ConcurrentLinkedQueue<>();

  @Override
  public VideoFrame allocateVideoFrame(VideoPixelFormat format, int width, int height, long timestampUs) {
    int size = format.frameBytes(width, height);
    ByteBuffer b = pool.poll();
    if (b == null || b.capacity() != size) {
      b = ByteBuffer.allocateDirect(size);
    }
    ByteBuffer memory = b;
    FrameBuffer buffer = FrameBuffer.wrap(memory, () -> pool.offer(memory));
    return MediaFrames.wrapVideoFrame(buffer, VideoFrameInit.of(format, width, height, timestampUs));
  }

  @Override
  public AudioData allocateAudioData(AudioSampleFormat format, int numberOfChannels, int numberOfFrames,
      float sampleRate, long timestampUs) {
    return MediaFrames.heapAllocator().allocateAudioData(format, numberOfChannels, numberOfFrames, sampleRate,
        timestampUs);
  }

  @Override
  public VideoFrame copyOf(VideoFrame source) {
    return MediaFrames.heapAllocator().copyOf(source);
  }
}
