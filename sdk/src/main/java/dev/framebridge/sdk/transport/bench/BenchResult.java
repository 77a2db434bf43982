package dev.framebridge.sdk.transport.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One scenario's figures, printed as one JSON line. */
final class BenchResult {
  final String scenario;
  final int width;
  final int height;
  final int fpsTarget;
  final Histogram latencyNs = new Histogram(60_000_000_000L, 3);
  long frames;
  long dropped;
  double fpsAchieved;
  long shmBytes;
  double cpuMsPerFrame;

  BenchResult(String scenario, int width, int height, int fpsTarget) {
    this.scenario = scenario;
    this.width = width;
    this.height = height;
    this.fpsTarget = fpsTarget;
  }

  void record(long latencyNanos) {
    latencyNs.recordValue(Math.max(0, latencyNanos));
  }

  String toJson() {
    return String.format(Locale.ROOT,
        "{\"scenario\":\"%s\",\"width\":%d,\"height\":%d,\"fps_target\":%d,\"frames\":%d,\"dropped\":%d,"
            + "\"p50_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f,\"max_us\":%.1f,\"fps_achieved\":%.1f,"
            + "\"shm_bytes\":%d,\"cpu_ms_per_frame\":%.3f}",
        scenario, width, height, fpsTarget, frames, dropped, us(50), us(99), us(99.9),
        latencyNs.getMaxValue() / 1000.0, fpsAchieved, shmBytes, cpuMsPerFrame);
  }

  private double us(double percentile) {
    return latencyNs.getValueAtPercentile(percentile) / 1000.0;
  }
}
