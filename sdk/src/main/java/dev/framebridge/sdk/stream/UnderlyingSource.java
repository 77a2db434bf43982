package dev.framebridge.sdk.stream;

import org.jspecify.annotations.Nullable;

/**
 * Where a {@link ReadableStream}'s chunks come from (the Streams "underlying source"). All methods are optional; a
 * push source enqueues from {@link #start}, a pull source from {@link #pull}.
 */
public interface UnderlyingSource<T> {

  /** Called once, from the stream's constructor. */
  default void start(ReadableStreamController<T> controller) throws Exception {}

  /**
   * Called when the stream wants a chunk: a read is pending with an empty queue, or the queue is below its high-water
   * mark. Not called again while a call is running. May enqueue now or later, from any thread.
   */
  default void pull(ReadableStreamController<T> controller) throws Exception {}

  /** The consumer cancelled the stream; release what feeds it. */
  default void cancel(@Nullable Throwable reason) throws Exception {}
}
