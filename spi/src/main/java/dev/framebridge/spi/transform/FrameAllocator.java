package dev.framebridge.spi.transform;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;

/**
 * Hands out writable frames for a transform's output. Inside a worker JVM they are backed by the output track's
 * shared memory, so pixels written into {@link VideoFrame#getPlane} are never copied again on their way to the host.
 */
public interface FrameAllocator {

  /**
   * A writable, tightly packed video frame (plane strides are the row widths) with undefined contents.
   *
   * @throws IllegalArgumentException for a non-positive size, or an odd size for a subsampled format
   */
  VideoFrame allocateVideoFrame(VideoPixelFormat format, int width, int height, long timestampUs);

  /** A writable audio chunk with undefined contents. */
  AudioData allocateAudioData(
      AudioSampleFormat format, int numberOfChannels, int numberOfFrames, float sampleRate, long timestampUs);

  /**
   * A writable copy of {@code source}'s visible pixels: same format, visible size, timestamp and duration.
   *
   * @throws IllegalStateException if {@code source} is closed
   */
  VideoFrame copyOf(VideoFrame source);
}
