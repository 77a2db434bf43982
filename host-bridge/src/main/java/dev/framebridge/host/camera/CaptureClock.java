package dev.framebridge.host.camera;

/**
 * The host's media clock: microseconds since capture start on the monotonic {@link System#nanoTime()} clock. One
 * instance is shared by every source (video now, audio later) so their timestamps compare directly.
 */
public final class CaptureClock {
  private final long startNanos;

  public CaptureClock() {
    this(System.nanoTime());
  }

  private CaptureClock(long startNanos) {
    this.startNanos = startNanos;
  }

  /** The {@link System#nanoTime()} at which this clock reads zero. */
  public long getStartNanos() {
    return startNanos;
  }

  /** Microseconds since start, now. */
  public long nowMicros() {
    return toMicros(System.nanoTime());
  }

  /** Converts a {@link System#nanoTime()} reading into this clock's microseconds. */
  public long toMicros(long nanoTime) {
    return (nanoTime - startNanos) / 1_000L;
  }
}
