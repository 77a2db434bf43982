package dev.framebridge.sdk.stream;

/** What a {@link Transformer} can do (TransformStreamDefaultController). */
public interface TransformStreamController<O> {

  /**
   * Passes a chunk to the readable side.
   *
   * @throws IllegalStateException if the readable side is closed or errored (the chunk stays the caller's)
   */
  void enqueue(O chunk);

  /** Errors both sides. */
  void error(Throwable reason);

  /** Closes the readable side and errors the writable side: no more input is accepted. */
  void terminate();

  /** The readable side's desired size: positive when a consumer waits for output. */
  int getDesiredSize();
}
