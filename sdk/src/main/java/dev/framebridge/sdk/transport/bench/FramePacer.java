package dev.framebridge.sdk.transport.bench;

import java.util.concurrent.locks.LockSupport;

/** Paces a source at a target rate on the monotonic clock (0 = as fast as possible). */
final class FramePacer {
  private final long periodNs;
  private long next;

  FramePacer(int fps) {
    this.periodNs = fps <= 0 ? 0 : 1_000_000_000L / fps;
    this.next = System.nanoTime();
  }

  /** Waits until the next frame is due. */
  void awaitNext() {
    if (periodNs == 0) {
      return;
    }
    next += periodNs;
    long now;
    while ((now = System.nanoTime()) < next) {
      LockSupport.parkNanos(next - now); // pacing jitter does not bias latency: it is measured from write start
    }
  }
}
