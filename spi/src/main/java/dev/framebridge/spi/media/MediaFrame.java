package dev.framebridge.spi.media;

import java.nio.ByteBuffer;

/**
 * A frame of media whose memory is owned by the frame until {@link #close()}. Closing releases the memory (or the
 * frame's share of it, when clones share it) exactly once; closing again does nothing.
 *
 * <p>Use it like any {@link AutoCloseable}: {@code try (frame) { ... }} in Java, {@code frame.use { ... }} in Kotlin.
 */
public interface MediaFrame extends AutoCloseable {

  /** Presentation timestamp in microseconds; kept after close. May be negative. */
  long getTimestamp();

  /** The number of planes of this frame's format, 0 once closed. */
  int getPlaneCount();

  /**
   * The bytes of one plane, in place: no copy is made. The buffer is little-endian with position 0 and limit the
   * plane's size, and is read-only unless {@link #isWritable()}. It is valid only until the frame is closed; do not
   * keep it beyond that.
   *
   * @throws IllegalStateException if the frame is closed
   * @throws IndexOutOfBoundsException if {@code index} is not a plane of this frame
   */
  ByteBuffer getPlane(int index);

  /** Whether {@link #getPlane} hands out writable buffers (frames a plugin allocated itself). */
  boolean isWritable();

  /** Whether {@link #close()} has been called on this object. */
  boolean isClosed();

  /** A new frame sharing this one's memory, with its own lifetime; cheap. */
  MediaFrame clone();

  /** Releases this frame's memory, once; later calls do nothing. Never throws. */
  @Override
  void close();
}
