package dev.framebridge.sdk.worker;

import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import org.jspecify.annotations.Nullable;

/**
 * A worker's two ends: the opened input track and its published output. Kept behind this seam so the frame loop
 * ({@link WorkerFrameLoop}) is the same whatever carries the frames.
 */
interface WorkerIo extends AutoCloseable {

  /** The handle the host opens to read this worker's output. */
  String getOutputHandle();

  /**
   * The next input frame or chunk (the caller owns it), or null when none arrived within {@code timeoutMs}.
   *
   * @throws java.io.EOFException when the input track has ended
   */
  @Nullable MediaFrame read(long timeoutMs) throws Exception;

  /** Writes one output frame; ownership moves to the output. */
  void write(MediaFrame frame) throws Exception;

  /** Frames written straight into the output's shared memory. */
  FrameAllocator getAllocator();

  /** Frames the output dropped (back-pressure) so far. */
  long getDropped();

  @Override
  void close();
}
