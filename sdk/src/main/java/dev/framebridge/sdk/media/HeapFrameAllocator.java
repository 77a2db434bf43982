package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;

/** Writable frames over fresh direct memory, for code outside a worker JVM and for tests. */
final class HeapFrameAllocator implements FrameAllocator {
  static final HeapFrameAllocator INSTANCE = new HeapFrameAllocator();

  private HeapFrameAllocator() {}

  @Override
  public VideoFrame allocateVideoFrame(VideoPixelFormat format, int width, int height, long timestampUs) {
    return VideoFrameConstruction.allocate(format, width, height, timestampUs);
  }

  @Override
  public AudioData allocateAudioData(
      AudioSampleFormat format, int numberOfChannels, int numberOfFrames, float sampleRate, long timestampUs) {
    return AudioDataConstruction.allocate(format, numberOfChannels, numberOfFrames, sampleRate, timestampUs);
  }

  @Override
  public VideoFrame copyOf(VideoFrame source) {
    return VideoFrameConstruction.writableCopy(source);
  }

  @Override
  public String toString() {
    return "heapAllocator";
  }
}
