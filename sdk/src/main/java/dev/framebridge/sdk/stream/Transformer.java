package dev.framebridge.sdk.stream;

import org.jspecify.annotations.Nullable;

/**
 * The logic of a {@link TransformStream} (the Streams "transformer"). Only {@link #transform} is abstract, so a lambda
 * is a transformer. Calls are serialized: one chunk at a time, in order.
 */
@FunctionalInterface
public interface Transformer<I, O> {

  /** Called once, from the stream's constructor. */
  default void start(TransformStreamController<O> controller) throws Exception {}

  /** Transforms one chunk, enqueueing zero or more outputs. A thrown exception errors both sides. */
  void transform(I chunk, TransformStreamController<O> controller) throws Exception;

  /** Called when the writable side closes, before the readable side closes; may enqueue final chunks. */
  default void flush(TransformStreamController<O> controller) throws Exception {}

  /** Called when the readable side is cancelled or the writable side aborted. */
  default void cancel(@Nullable Throwable reason) throws Exception {}
}
