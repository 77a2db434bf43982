package dev.framebridge.sdk.stream;

/** What an {@link UnderlyingSink} can do to its stream (WritableStreamDefaultController). Thread-safe. */
public interface WritableStreamController {

  /** Errors the stream: queued writes and the writer's {@code closed()} fail with {@code error}. */
  void error(Throwable error);

  /**
   * Closes the stream from the sink's side (a JVM addition: a VideoTrackGenerator closes its writable when its last
   * track stops). A write in progress completes; queued and later writes fail with IllegalArgumentException; the
   * writer's {@code closed()} completes normally. The sink's {@code close()} is not called.
   */
  void close();
}
