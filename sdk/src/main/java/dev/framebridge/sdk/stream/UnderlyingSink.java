package dev.framebridge.sdk.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link WritableStream}'s chunks go (the Streams "underlying sink"). Only {@link #write} is abstract, so a
 * lambda is a sink. Writes arrive in order, one at a time: the next starts when the previous stage completes.
 *
 * <p>A chunk handed to {@code write} is the sink's. A write that fails (a thrown exception or a failed stage) errors
 * the stream.
 */
@FunctionalInterface
public interface UnderlyingSink<T> {
  /** An already completed stage: return it from a synchronous write to allocate nothing. */
  CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

  /** Called once, from the stream's constructor. */
  default void start(WritableStreamController controller) throws Exception {}

  /** Consumes one chunk; return {@link #DONE} when finished synchronously. */
  CompletionStage<Void> write(T chunk, WritableStreamController controller) throws Exception;

  /** Called after the last write once the writer closed the stream. */
  default CompletionStage<Void> close() throws Exception {
    return DONE;
  }

  /** Called when the writer aborts the stream; queued writes have been dropped. */
  default CompletionStage<Void> abort(@Nullable Throwable reason) throws Exception {
    return DONE;
  }
}
