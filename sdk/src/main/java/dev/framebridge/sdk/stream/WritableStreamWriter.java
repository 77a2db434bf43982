package dev.framebridge.sdk.stream;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The exclusive writer of a {@link WritableStream} (WritableStreamDefaultWriter). */
public final class WritableStreamWriter<T> {
  private final WritableStream<T> stream;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  WritableStreamWriter(WritableStream<T> stream) {
    this.stream = stream;
  }

  /**
   * Queues a chunk; completes when the sink has consumed it. If the stream is closed, closing or errored the write
   * fails at once (IllegalArgumentException, or the stream's error) and the chunk stays the caller's. A frame that
   * was accepted belongs to the stream: if it is never written, or its write fails, the stream closes it.
   */
  public CompletableFuture<Void> write(T chunk) {
    return stream.write(this, chunk);
  }

  /** Closes the stream after the queued writes; completes when the sink has closed. */
  public CompletableFuture<Void> close() {
    return stream.closeFrom(this);
  }

  /** Aborts the stream: queued writes fail with {@code reason}, the sink is told, {@link #closed()} fails. */
  public CompletableFuture<Void> abort(@Nullable Throwable reason) {
    return stream.abortFrom(this, reason);
  }

  /** Completes normally when the stream has closed, exceptionally when it errors or this writer is released. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /** Completes when {@link #getDesiredSize()} is positive again (back-pressure has eased). */
  public CompletableFuture<Void> ready() {
    return stream.ready(this);
  }

  /** The high-water mark minus the queued writes (the one in progress included); 0 once closed, null if errored. */
  public @Nullable Integer getDesiredSize() {
    return stream.desiredSize(this);
  }

  /** Unlocks the stream; {@link #closed()} fails with IllegalStateException. */
  public void releaseLock() {
    stream.release(this);
  }

  CompletableFuture<Void> closedFuture() {
    return closed;
  }
}
