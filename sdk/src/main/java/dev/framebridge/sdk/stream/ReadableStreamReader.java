package dev.framebridge.sdk.stream;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The exclusive reader of a {@link ReadableStream} (ReadableStreamDefaultReader). */
public final class ReadableStreamReader<T> {
  private final ReadableStream<T> stream;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  ReadableStreamReader(ReadableStream<T> stream) {
    this.stream = stream;
  }

  /**
   * The next chunk, or "done" once the stream has closed; fails with the stream's error if it errored. Frames read
   * belong to the caller, who must close them.
   */
  public CompletableFuture<ReadResult<T>> read() {
    return stream.read(this);
  }

  /** Cancels the stream (see {@link ReadableStream#cancel}); pending reads get "done". */
  public CompletableFuture<Void> cancel(@Nullable Throwable reason) {
    return stream.cancelFrom(this, reason);
  }

  /** Unlocks the stream; pending reads and {@link #closed()} fail with IllegalStateException. */
  public void releaseLock() {
    stream.release(this);
  }

  /** Completes when the stream closes, exceptionally when it errors or this reader is released. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  CompletableFuture<Void> closedFuture() {
    return closed;
  }
}
