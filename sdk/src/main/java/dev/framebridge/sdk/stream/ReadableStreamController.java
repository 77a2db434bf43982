package dev.framebridge.sdk.stream;

/** What an {@link UnderlyingSource} can do to its stream (ReadableStreamDefaultController). Thread-safe. */
public interface ReadableStreamController<T> {

  /**
   * Hands a chunk to the oldest pending read, or queues it.
   *
   * @throws IllegalStateException if the stream is closed, closing or errored (the chunk stays the caller's)
   */
  void enqueue(T chunk);

  /** Closes the stream once queued chunks are read; later reads get "done". Does nothing if already closing. */
  void close();

  /** Errors the stream: pending and later reads fail with {@code error}; queued frames are closed. */
  void error(Throwable error);

  /** The high-water mark minus the queued chunks; 0 once closed. */
  int getDesiredSize();

  /** Reads issued and not yet answered: lets a source hand out chunks only when someone waits for them. */
  int getPendingReadCount();
}
