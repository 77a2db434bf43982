package dev.framebridge.host.camera;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces frames at a fixed rate on the monotonic clock: frame {@code n} is due at {@code start + n * period}, so
 * rounding never accumulates into drift. A caller that falls more than a frame behind skips the missed slots (and
 * they are counted) instead of bursting to catch up.
 */
public final class FramePacer {
  private final long periodNanos;
  private long startNanos = Long.MIN_VALUE;
  private long frameNumber = -1;
  private long skippedFrames;

  public FramePacer(double fps) {
    if (!(fps > 0 && fps <= 1000)) {
      throw new IllegalArgumentException("fps " + fps + " is outside (0, 1000]");
    }
    this.periodNanos = Math.round(1e9 / fps);
  }

  public long getPeriodNanos() {
    return periodNanos;
  }

  /**
   * Parks until the next frame is due and returns its number (0 first). Returns early with the same contract if the
   * thread is interrupted; the caller checks the interrupt flag.
   */
  public long awaitNextFrame() {
    long now = System.nanoTime();
    if (startNanos == Long.MIN_VALUE) {
      startNanos = now;
      frameNumber = 0;
      return 0;
    }
    long next = frameNumber + 1;
    long due = startNanos + next * periodNanos;
    if (now - due > periodNanos) {
      long caughtUp = (now - startNanos) / periodNanos;
      skippedFrames += caughtUp - next;
      next = caughtUp;
      due = startNanos + next * periodNanos;
    }
    long wait;
    while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(wait);
    }
    frameNumber = next;
    return next;
  }

  /** Frame slots passed over because the caller was late. */
  public long getSkippedFrames() {
    return skippedFrames;
  }
}
