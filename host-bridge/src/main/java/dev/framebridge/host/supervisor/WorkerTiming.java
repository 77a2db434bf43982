package dev.framebridge.host.supervisor;

import java.time.Duration;

/** The supervision timings of a worker. Immutable. */
public final class WorkerTiming {
  private final Duration frameDeadline;
  private final Duration heartbeatInterval;
  private final Duration heartbeatTimeout;
  private final Duration startTimeout;

  public WorkerTiming(Duration frameDeadline, Duration heartbeatInterval, Duration heartbeatTimeout,
      Duration startTimeout) {
    this.frameDeadline = frameDeadline;
    this.heartbeatInterval = heartbeatInterval;
    this.heartbeatTimeout = heartbeatTimeout;
    this.startTimeout = startTimeout;
  }

  /** Output silence, while input flows to a running worker, after which it has missed its deadline. */
  public Duration getFrameDeadline() {
    return frameDeadline;
  }

  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  /** Heartbeat silence after which a worker is declared hung. */
  public Duration getHeartbeatTimeout() {
    return heartbeatTimeout;
  }

  /** How long a new worker may take from launch to its first frame (JVM start, class loading, JIT). */
  public Duration getStartTimeout() {
    return startTimeout;
  }
}
