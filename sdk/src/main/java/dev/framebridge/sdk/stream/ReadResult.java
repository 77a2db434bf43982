package dev.framebridge.sdk.stream;

import org.jspecify.annotations.Nullable;

/** The outcome of one {@link ReadableStreamReader#read()}: a chunk, or "done" once the stream has closed. */
public final class ReadResult<T> {
  private static final ReadResult<Object> DONE = new ReadResult<>(null, true);

  private final @Nullable T value;
  private final boolean done;

  private ReadResult(@Nullable T value, boolean done) {
    this.value = value;
    this.done = done;
  }

  /** A result carrying {@code value}. */
  public static <T> ReadResult<T> of(T value) {
    return new ReadResult<>(value, false);
  }

  /** The shared "done" result. */
  @SuppressWarnings("unchecked")
  public static <T> ReadResult<T> done() {
    return (ReadResult<T>) DONE;
  }

  /** Whether the stream has closed; then {@link #getValue()} is null. */
  public boolean isDone() {
    return done;
  }

  /** The chunk read, or null when {@link #isDone()}. The reader owns a frame read this way and must close it. */
  public @Nullable T getValue() {
    return value;
  }

  @Override
  public String toString() {
    return done ? "ReadResult(done)" : "ReadResult(" + value + ")";
  }
}
