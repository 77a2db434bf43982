package dev.framebridge.host.clock;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The monotonic clock every capture source of one host stamps its frames with: microseconds since the clock was
 * started. The camera and the audio source share one instance, so audio and video timestamps compare directly (A/V
 * sync needs no offset). Based on {@link System#nanoTime()}, never on wall time, so it does not jump.
 *
 * <p>Sources that produce at a fixed rate (a synthetic tone, a synthetic camera) compute each frame's due time from
 * its index and {@link #awaitMicros wait for it}, so pacing errors do not accumulate.
 */
public final class CaptureClock {
  private final LongSupplier nanoSource;
  private final long originNs;

  /** A clock whose zero is now, on {@link System#nanoTime()}; the same as {@link #startNow()}. */
  public CaptureClock() {
    this(System::nanoTime);
  }

  private CaptureClock(LongSupplier nanoSource) {
    this(nanoSource, nanoSource.getAsLong());
  }

  private CaptureClock(LongSupplier nanoSource, long originNs) {
    this.nanoSource = nanoSource;
    this.originNs = originNs;
  }

  /** A clock whose zero is now, on {@link System#nanoTime()}. */
  public static CaptureClock startNow() {
    return new CaptureClock(System::nanoTime);
  }

  /**
   * A clock on {@link System#nanoTime()} whose zero is {@code startNanos}: the same clock as another one started then
   * (e.g. a camera clock's start), so their timestamps agree.
   */
  public static CaptureClock startingAt(long startNanos) {
    return new CaptureClock(System::nanoTime, startNanos);
  }

  /** A clock whose zero is the current reading of {@code nanoSource} (monotonic nanoseconds); for tests. */
  public static CaptureClock startNow(LongSupplier nanoSource) {
    return new CaptureClock(nanoSource);
  }

  /** Microseconds since this clock started: the timestamp of a frame captured now. */
  public long nowMicros() {
    return (nanoSource.getAsLong() - originNs) / 1_000L;
  }

  /** The {@link System#nanoTime()}-scale reading at which this clock reads zero. */
  public long getStartNanos() {
    return originNs;
  }

  /** Converts a {@link System#nanoTime()} reading into this clock's microseconds. */
  public long toMicros(long nanoTime) {
    return (nanoTime - originNs) / 1_000L;
  }

  /** Nanoseconds since this clock started. */
  public long nowNanos() {
    return nanoSource.getAsLong() - originNs;
  }

  /** The {@link System#nanoTime()}-scale reading at which this clock shows {@code timestampUs}. */
  public long nanoTimeAt(long timestampUs) {
    return originNs + timestampUs * 1_000L;
  }

  /**
   * Parks the calling thread until this clock shows at least {@code timestampUs}; returns at once if it already does.
   * Used to pace sources, not to synchronise threads.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public void awaitMicros(long timestampUs) throws InterruptedException {
    long deadlineNs = nanoTimeAt(timestampUs);
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for capture time " + timestampUs + " us");
      }
      long remainingNs = deadlineNs - nanoSource.getAsLong();
      if (remainingNs <= 0) {
        return;
      }
      LockSupport.parkNanos(remainingNs);
    }
  }
}
