package dev.framebridge.host.audio;

/**
 * Where the host's audio comes from: the microphone or a synthetic tone. A source hands out chunks of
 * {@link AudioStreamFormat#getFramesPerChunk()} frames as planar floats in [-1, 1], each stamped in microseconds on
 * the host's {@link dev.framebridge.host.clock.CaptureClock}; consecutive chunks are sample-continuous (the timestamp
 * follows from the frame count).
 */
public interface AudioSource extends AutoCloseable {

  AudioStreamFormat getFormat();

  /** A short human description for logs and the status API, e.g. {@code "synthetic tone 1000 Hz"}. */
  String getDescription();

  /**
   * Fills {@code planes[channel][0 .. framesPerChunk)} with the next chunk, blocking until it has been captured.
   *
   * @return the chunk's timestamp in microseconds since capture start
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalArgumentException if {@code planes} is smaller than the format
   * @throws IllegalStateException if the source is closed
   */
  long read(float[][] planes) throws InterruptedException;

  /** Releases the device; a blocked {@link #read} returns or fails soon after. Never throws. */
  @Override
  void close();
}
