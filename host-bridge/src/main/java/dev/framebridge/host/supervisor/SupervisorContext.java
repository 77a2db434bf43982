package dev.framebridge.host.supervisor;

import dev.framebridge.sdk.worker.WorkerLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** What every {@link PluginSupervisor} of a chain shares: the launcher, channel directory, timings and scheduler. */
public final class SupervisorContext {
  private final WorkerLauncher launcher;
  private final Path channelDir;
  private final WorkerTiming timing;
  private final Duration backoffInitial;
  private final Duration backoffMax;
  private final int maxFailures;
  private final ScheduledExecutorService scheduler;
  private final java.util.concurrent.atomic.AtomicInteger workerSerial = new java.util.concurrent.atomic.AtomicInteger();

  public SupervisorContext(WorkerLauncher launcher, Path channelDir, WorkerTiming timing, Duration backoffInitial,
      Duration backoffMax, int maxFailures, ScheduledExecutorService scheduler) {
    this.launcher = launcher;
    this.channelDir = channelDir;
    this.timing = timing;
    this.backoffInitial = backoffInitial;
    this.backoffMax = backoffMax;
    this.maxFailures = maxFailures;
    this.scheduler = scheduler;
  }

  public WorkerLauncher getLauncher() {
    return launcher;
  }

  public Path getChannelDir() {
    return channelDir;
  }

  public WorkerTiming getTiming() {
    return timing;
  }

  /** The delay before restart number {@code failures} (1-based): initial × 2^(failures-1), capped. */
  public Duration backoff(int failures) {
    long ms = backoffInitial.toMillis() << Math.min(20, Math.max(0, failures - 1));
    return Duration.ofMillis(Math.min(ms, backoffMax.toMillis()));
  }

  public int getMaxFailures() {
    return maxFailures;
  }

  /** A number unique among this chain's workers, for their channel names. */
  public int nextWorkerSerial() {
    return workerSerial.incrementAndGet();
  }

  public ScheduledExecutorService getScheduler() {
    return scheduler;
  }
}
