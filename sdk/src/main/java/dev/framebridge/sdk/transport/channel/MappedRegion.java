package dev.framebridge.sdk.transport.channel;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole file mapped read-write, with acquire/release and atomic access to aligned words. The JDK mapping is used
 * (not Chronicle's MappedBytes) because frames must be handed out as {@link ByteBuffer} slices, which the SPI's
 * {@code getPlane} returns; the mapping is released explicitly once the region is closed and no slice is leased.
 */
final class MappedRegion implements AutoCloseable {
  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final Path file;
  private final MappedByteBuffer buffer;
  private final long length;
  // 1 for the owner plus one per leased slice; the mapping is unmapped when this reaches 0.
  private final AtomicInteger references = new AtomicInteger(1);
  private volatile boolean closed;

  private MappedRegion(Path file, MappedByteBuffer buffer) {
    this.file = file;
    this.buffer = buffer;
    this.length = buffer.capacity();
    buffer.order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Maps an existing file of {@code length} bytes (grown to it if shorter). */
  static MappedRegion map(Path file, long length) throws IOException {
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a mapped region is at most 2 GiB, asked " + length + " for " + file);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (channel.size() < length) {
        channel.truncate(length); // no-op when smaller; extend by writing the last byte
        channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
      }
      return new MappedRegion(file, channel.map(FileChannel.MapMode.READ_WRITE, 0, length));
    }
  }

  /**
   * Grows {@code file} to {@code length} bytes by writing zeros through the file channel, then maps it. On tmpfs this
   * allocates every page now, so a full {@code /dev/shm} is an {@link IOException} here ("No space left on device")
   * rather than a SIGBUS on the first touch of a page of a sparse mapping (which the JVM turns into an
   * {@link InternalError} in whatever thread writes the frame). A file that cannot be allocated is deleted.
   *
   * @throws IOException naming the file and the size when the space is not there
   */
  static MappedRegion allocate(Path file, long length) throws IOException {
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a mapped region is at most 2 GiB, asked " + length + " for " + file);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(length, 1 << 20));
      long at = channel.size();
      while (at < length) {
        zeros.clear().limit((int) Math.min(zeros.capacity(), length - at));
        at += channel.write(zeros, at);
      }
      return new MappedRegion(file, channel.map(FileChannel.MapMode.READ_WRITE, 0, length));
    } catch (IOException e) {
      java.nio.file.Files.deleteIfExists(file);
      throw new IOException("cannot allocate " + length + " bytes of shared memory for " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** Maps the whole existing file. */
  static MappedRegion mapExisting(Path file) throws IOException {
    long size;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      size = channel.size();
    }
    if (size == 0) {
      throw new SharedDataException(file, "the file is empty");
    }
    return map(file, size);
  }

  Path getFile() {
    return file;
  }

  long getLength() {
    return length;
  }

  /** Writes one byte per page so tmpfs allocates every page now rather than on the first frame. */
  void pretouchForWrite() {
    for (int i = 0; i < length; i += 4096) {
      buffer.put(i, buffer.get(i));
    }
  }

  /** Faults every page into this process's page table without writing. */
  void pretouchForRead() {
    buffer.load();
  }

  /** An independent little-endian view of {@code [offset, offset + size)} with position 0. */
  ByteBuffer slice(long offset, int size) {
    return buffer.slice((int) offset, size).order(ByteOrder.LITTLE_ENDIAN);
  }

  ByteBuffer buffer() {
    return buffer;
  }

  long getLong(long offset) {
    return (long) LONGS.get(buffer, (int) offset);
  }

  void putLong(long offset, long value) {
    LONGS.set(buffer, (int) offset, value);
  }

  long getLongAcquire(long offset) {
    return (long) LONGS.getAcquire(buffer, (int) offset);
  }

  long getLongVolatile(long offset) {
    return (long) LONGS.getVolatile(buffer, (int) offset);
  }

  void putLongRelease(long offset, long value) {
    LONGS.setRelease(buffer, (int) offset, value);
  }

  void putLongVolatile(long offset, long value) {
    LONGS.setVolatile(buffer, (int) offset, value);
  }

  boolean compareAndSetLong(long offset, long expected, long value) {
    return LONGS.compareAndSet(buffer, (int) offset, expected, value);
  }

  int getInt(long offset) {
    return (int) INTS.get(buffer, (int) offset);
  }

  void putInt(long offset, int value) {
    INTS.set(buffer, (int) offset, value);
  }

  int getIntAcquire(long offset) {
    return (int) INTS.getAcquire(buffer, (int) offset);
  }

  int getIntVolatile(long offset) {
    return (int) INTS.getVolatile(buffer, (int) offset);
  }

  void putIntRelease(long offset, int value) {
    INTS.setRelease(buffer, (int) offset, value);
  }

  boolean compareAndSetInt(long offset, int expected, int value) {
    return INTS.compareAndSet(buffer, (int) offset, expected, value);
  }

  int getAndAddInt(long offset, int delta) {
    return (int) INTS.getAndAdd(buffer, (int) offset, delta);
  }

  /** Takes a reference for a slice handed out; false if the region is already released. */
  boolean retain() {
    while (true) {
      int n = references.get();
      if (n == 0) {
        return false;
      }
      if (references.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (references.decrementAndGet() == 0) {
      Unmapper.unmap(buffer);
    }
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  /** Unmaps through sun.misc.Unsafe#invokeCleaner (jdk.unsupported); without it the GC unmaps later. */
  private static final class Unmapper {
    private static final Object UNSAFE;
    private static final java.lang.reflect.Method INVOKE_CLEANER;

    static {
      Object unsafe = null;
      java.lang.reflect.Method method = null;
      try {
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        unsafe = field.get(null);
        method = type.getMethod("invokeCleaner", ByteBuffer.class);
      } catch (ReflectiveOperationException | RuntimeException e) {
        unsafe = null;
        method = null;
      }
      UNSAFE = unsafe;
      INVOKE_CLEANER = method;
    }

    static void unmap(ByteBuffer buffer) {
      if (INVOKE_CLEANER != null) {
        try {
          INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // leave it to the GC
        }
      }
    }
  }
}
