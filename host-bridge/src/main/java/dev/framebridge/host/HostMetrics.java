package dev.framebridge.host;

import dev.framebridge.host.camera.CaptureClock;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The host's own numbers: frames and rate in (camera) and out (end of the chain), end-to-end latency (output arrival
 * minus capture timestamp, on the shared {@link CaptureClock}) as percentiles of the last completed second, and time
 * to the first output frame. Recording is allocation-free; {@link #roll()} runs once a second.
 */
public final class HostMetrics {
  private final CaptureClock clock;
  private final RateMeter input = new RateMeter();
  private final RateMeter output = new RateMeter();
  private final Recorder latency = new Recorder(3);
  private volatile Histogram lastSecond = new Histogram(3);
  private volatile long firstOutputNanos = -1;
  private volatile long firstOutputJvmUptimeMs = -1;
  private final long createdNanos = System.nanoTime();

  public HostMetrics(CaptureClock clock) {
    this.clock = clock;
  }

  public void onInputFrame() {
    input.mark(System.nanoTime());
  }

  public void onOutputFrame(long captureTimestampMicros) {
    long now = System.nanoTime();
    output.mark(now);
    if (firstOutputNanos < 0) {
      firstOutputNanos = now;
      firstOutputJvmUptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }
    long latencyUs = clock.toMicros(now) - captureTimestampMicros;
    if (latencyUs >= 0) {
      latency.recordValue(latencyUs);
    }
  }

  /** Closes the current one-second latency interval. */
  public synchronized void roll() {
    // A fresh histogram a second (no recycling): readers may still hold the previous one.
    lastSecond = latency.getIntervalHistogram();
  }

  public long getInputFrames() {
    return input.getCount();
  }

  public long getOutputFrames() {
    return output.getCount();
  }

  public double getInputFps() {
    return input.perSecond(System.nanoTime());
  }

  public double getOutputFps() {
    return output.perSecond(System.nanoTime());
  }

  /** Latency percentile of the last completed second in milliseconds, or NaN without samples. */
  public double getLatencyMs(double percentile) {
    Histogram h = lastSecond;
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  public double getMaxLatencyMs() {
    Histogram h = lastSecond;
    return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
  }

  /** Milliseconds from JVM start to the first output frame (what a user waits for), or -1 before it. */
  public long getFirstOutputJvmUptimeMs() {
    return firstOutputJvmUptimeMs;
  }

  /** Milliseconds from this object's creation (host start) to the first output frame, or -1 before it. */
  public double getFirstOutputMs() {
    long f = firstOutputNanos;
    return f < 0 ? -1 : (f - createdNanos) / 1e6;
  }
}
