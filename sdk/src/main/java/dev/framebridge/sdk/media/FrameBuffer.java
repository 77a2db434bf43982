package dev.framebridge.sdk.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A reference-counted region of memory that one or more frames view. It starts with one reference; every frame that
 * shares it (clones, frames built from frames) holds one more. When the count reaches 0 the {@code onRelease} action
 * runs, exactly once, e.g. to hand a shared-memory slot back to its ring.
 */
public final class FrameBuffer {
  private final ByteBuffer memory;
  private final @Nullable Runnable onRelease;
  private final AtomicInteger refCount = new AtomicInteger(1);
  private volatile @Nullable Object tag;

  private FrameBuffer(ByteBuffer memory, @Nullable Runnable onRelease) {
    this.memory = memory.order(ByteOrder.LITTLE_ENDIAN);
    this.onRelease = onRelease;
    MediaFrames.LIVE_BUFFERS.increment();
  }

  /**
   * New direct, writable, zeroed memory.
   *
   * @throws IllegalArgumentException for a negative capacity
   */
  public static FrameBuffer allocate(int capacityBytes) {
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("negative buffer capacity " + capacityBytes);
    }
    return new FrameBuffer(ByteBuffer.allocateDirect(capacityBytes), null);
  }

  /**
   * Views existing memory without copying: the bytes from {@code memory}'s position to its limit. The buffer is
   * writable unless {@code memory} is read-only. {@code onRelease} runs exactly once, when the last reference goes.
   */
  public static FrameBuffer wrap(ByteBuffer memory, @Nullable Runnable onRelease) {
    return new FrameBuffer(memory.slice(), onRelease);
  }

  /**
   * A little-endian duplicate of the memory with position 0 and limit the capacity; read-only if the wrapped memory
   * was. Allocates a small view object per call: frames cache theirs.
   *
   * @throws IllegalStateException once fully released
   */
  public ByteBuffer getMemory() {
    if (refCount.get() <= 0) {
      throw new IllegalStateException("frame buffer already released");
    }
    return memory.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  public int getCapacity() {
    return memory.capacity();
  }

  /** Whether the memory may be written. */
  public boolean isWritable() {
    return !memory.isReadOnly();
  }

  /**
   * Adds a reference.
   *
   * @throws IllegalStateException if the buffer was already fully released
   */
  public FrameBuffer retain() {
    while (true) {
      int n = refCount.get();
      if (n <= 0) {
        throw new IllegalStateException("retain of a released frame buffer");
      }
      if (refCount.compareAndSet(n, n + 1)) {
        return this;
      }
    }
  }

  /**
   * Drops a reference; the last one runs {@code onRelease}.
   *
   * @throws IllegalStateException if the buffer was already fully released
   */
  public void release() {
    while (true) {
      int n = refCount.get();
      if (n <= 0) {
        throw new IllegalStateException("release of a released frame buffer");
      }
      if (refCount.compareAndSet(n, n - 1)) {
        if (n == 1) {
          MediaFrames.LIVE_BUFFERS.decrement();
          if (onRelease != null) {
            onRelease.run();
          }
        }
        return;
      }
    }
  }

  public int getRefCount() {
    return refCount.get();
  }

  /** The owner's opaque tag, or null. */
  public @Nullable Object getTag() {
    return tag;
  }

  /**
   * Marks this buffer with an owner tag (the transport marks slot-backed buffers so they are not copied again).
   *
   * @throws IllegalStateException if a tag was already set
   */
  public synchronized FrameBuffer withTag(Object tag) {
    if (this.tag != null) {
      throw new IllegalStateException("frame buffer tag already set");
    }
    this.tag = tag;
    return this;
  }

  @Override
  public String toString() {
    return "FrameBuffer(" + memory.capacity() + " bytes, refs=" + refCount.get() + ")";
  }
}
