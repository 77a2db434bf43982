package dev.framebridge.sdk.transport.channel;

import java.util.concurrent.locks.LockSupport;

/**
 * How a subscriber waits for the next frame without burning a core: a few spins, a few yields, then parks that
 * double from {@link #MIN_PARK_NS} up to a cap. The cap is short ({@link #ACTIVE_MAX_PARK_NS}) while frames flow and
 * long ({@link #IDLE_MAX_PARK_NS}) after a second without any, so an idle subscriber wakes ~200 times a second
 * (well under 1% of a core) while a streaming one adds at most ~100 µs of latency. Not thread-safe: one per waiter.
 */
public final class BackoffIdleStrategy {
  public static final int SPINS = 64;
  public static final int YIELDS = 8;
  public static final long MIN_PARK_NS = 20_000L;
  public static final long ACTIVE_MAX_PARK_NS = 100_000L;
  public static final long IDLE_MAX_PARK_NS = 5_000_000L;
  public static final long ACTIVE_WINDOW_NS = 1_000_000_000L;

  private int spins;
  private int yields;
  private long parkNs = MIN_PARK_NS;

  /** Starts again from spinning: call after work was found. */
  public void reset() {
    spins = 0;
    yields = 0;
    parkNs = MIN_PARK_NS;
  }

  /**
   * Waits a little.
   *
   * @param sinceLastWorkNs how long nothing has arrived; above {@link #ACTIVE_WINDOW_NS} the long cap applies
   */
  public void idle(long sinceLastWorkNs) {
    if (spins < SPINS) {
      spins++;
      Thread.onSpinWait();
    } else if (yields < YIELDS) {
      yields++;
      Thread.yield();
    } else {
      LockSupport.parkNanos(parkNs);
      long cap = sinceLastWorkNs > ACTIVE_WINDOW_NS ? IDLE_MAX_PARK_NS : ACTIVE_MAX_PARK_NS;
      parkNs = Math.min(parkNs << 1, cap);
    }
  }
}
