package dev.framebridge.host.cli;

import dev.framebridge.host.FramebridgeHost;
import dev.framebridge.host.HostMetrics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's heartbeat for people: on a terminal one line rewritten in place twice a second (fps in/out, end-to-end
 * latency, drops, plugins running); otherwise the same text as a plain log line every five seconds.
 */
final class StatsLine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatsLine.class);

  private final FramebridgeHost host;
  private final boolean terminal;
  private final PrintStream out;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "framebridge-stats");
    t.setDaemon(true);
    return t;
  });

  StatsLine(FramebridgeHost host, boolean terminal, PrintStream out) {
    this.host = host;
    this.terminal = terminal;
    this.out = out;
    long periodMs = terminal ? 500 : 5000;
    timer.scheduleAtFixedRate(this::print, periodMs, periodMs, TimeUnit.MILLISECONDS);
  }

  static String format(FramebridgeHost host) {
    HostMetrics m = host.getMetrics();
    var cam = host.getCamera();
    return String.format(Locale.ROOT, "in %5.1f fps | out %5.1f fps | latency p50 %s p99 %s ms | drops %d | "
            + "plugins running %d%s", m.getInputFps(), m.getOutputFps(), ms(m.getLatencyMs(50)),
        ms(m.getLatencyMs(99)), host.getDrops(), host.getRunningPlugins(),
        cam != null && cam.isMuted() ? " | camera lost (muted)" : "");
  }

  private static String ms(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
  }

  private void print() {
    String line = format(host);
    if (terminal) {
      out.print("\r\u001B[2K" + line);
      out.flush();
    } else {
      LOG.info(line);
    }
  }

  /** Stops printing; on a terminal ends the live line. Idempotent. */
  @Override
  public void close() {
    if (timer.isShutdown()) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal) {
      out.println();
      out.flush();
    }
  }
}
