package dev.framebridge.host;

/** Events per second over the last second, from a ring of event times on the monotonic clock. Thread-safe. */
final class RateMeter {
  private static final long WINDOW_NANOS = 1_000_000_000L;
  private final long[] times = new long[512];
  private long count;

  synchronized void mark(long nanoTime) {
    times[(int) (count++ % times.length)] = nanoTime;
  }

  synchronized long getCount() {
    return count;
  }

  /** Events in the last second, scaled by their actual span; 0 when fewer than two. */
  synchronized double perSecond(long nowNanos) {
    int n = (int) Math.min(count, times.length);
    int inWindow = 0;
    long oldest = nowNanos;
    for (int i = 0; i < n; i++) {
      long t = times[(int) ((count - 1 - i) % times.length)];
      if (nowNanos - t > WINDOW_NANOS) {
        break;
      }
      inWindow++;
      oldest = t;
    }
    if (inWindow < 2) {
      return 0;
    }
    long newest = times[(int) ((count - 1) % times.length)];
    return (inWindow - 1) * 1e9 / Math.max(1, newest - oldest);
  }
}
