package dev.framebridge.host.supervisor;

import dev.framebridge.host.plugin.PluginJar;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.worker.ChannelFrames;
import dev.framebridge.sdk.worker.ControlMessage;
import dev.framebridge.sdk.worker.WorkerMessages;
import dev.framebridge.sdk.worker.WorkerLauncher;
import dev.framebridge.sdk.worker.WorkerProcess;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker JVM of a plugin, seen from the host: launches it for one track kind on the slot's input channel and a
 * fresh output channel of that kind, reads its output frames or chunks, answers its heartbeats, and turns every way it can fail (exit, kill, out of memory,
 * corrupt control stream, silent heartbeat, missed frame deadline, no first frame) into exactly one
 * {@link WorkerFailureListener#onFailure} call with a one-line reason.
 */
public final class PluginWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginWorker.class);
  private static final int VIDEO_OUTPUT_SLOTS = 6;
  /** Audio chunks are small (10 ms, ~2 KB) and none may be lost: the ring's maximum, 640 ms of 10 ms chunks. */
  static final int AUDIO_OUTPUT_SLOTS = 64;
  private static final long FIRST_FRAME_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

  private final PluginJar jar;
  private final TrackKind kind;
  private final String outputName;
  private final Path channelDir;
  private final WorkerTiming timing;
  private final WorkerFrameSink sink;
  private final WorkerFailureListener failures;
  private final AtomicBoolean failed = new AtomicBoolean();
  private final long launchedNs = System.nanoTime();
  // start() and close() may run on two scheduler threads at once (a worker replaced or disabled as it launches)
  private final Object lifecycle = new Object();
  private volatile boolean closing;
  private volatile boolean hostFault;
  private volatile int heapMb;
  private volatile @Nullable WorkerProcess process;
  private volatile @Nullable ChannelSubscriber output;
  private volatile @Nullable String failureFromWorker;
  private volatile long lastHeartbeatNs = System.nanoTime();
  private long lastPingSentNs;
  private volatile long readyNs;
  private volatile long framesOut;
  private volatile long lastOutputNs;
  private volatile long unansweredSinceNs;
  private volatile long busyNs;
  private volatile long p50Us;
  private volatile long p99Us;
  private volatile long workerDropped;
  private final long[] outputWindow = new long[2];

  PluginWorker(PluginJar jar, TrackKind kind, int generation, Path channelDir, WorkerTiming timing,
      WorkerFrameSink sink, WorkerFailureListener failures) {
    this.jar = jar;
    this.kind = kind;
    this.channelDir = channelDir;
    this.outputName = "out-" + jar.getId() + "-" + generation;
    this.timing = timing;
    this.sink = sink;
    this.failures = failures;
  }

  /**
   * Launches the JVM; a failure to launch is reported through the failure listener. Does nothing once closed: a
   * worker closed before its start ran would otherwise launch a JVM nobody stops and leave its channel file behind.
   */
  void start(WorkerLauncher launcher, String inputHandle, Settings settings) {
    heapMb = launcher.getHeapMb();
    WorkerProcess p;
    Exception launchError = null;
    synchronized (lifecycle) {
      if (closing) {
        return;
      }
      try {
        p = launch(launcher, inputHandle, settings);
      } catch (IOException | RuntimeException e) {
        p = null;
        launchError = e;
      }
      process = p;
    }
    // outside the lock, which close() takes: an early exit or a failed launch reports through the supervisor
    if (p != null) {
      p.getExit().thenAccept(this::onExit);
    } else {
      fail("cannot start the worker JVM: " + launchError);
    }
  }

  private WorkerProcess launch(WorkerLauncher launcher, String inputHandle, Settings settings) throws IOException {
    ChannelPublisher.prepare(channelDir, outputName, kind,
        kind == TrackKind.AUDIO ? AUDIO_OUTPUT_SLOTS : VIDEO_OUTPUT_SLOTS);
    ControlMessage init = WorkerMessages.init(jar.getId(), kind, inputHandle, ChannelFrames.handle(channelDir, outputName),
        settings, timing.getHeartbeatInterval().toMillis(), timing.getHeartbeatTimeout().toMillis());
    List<Path> jars = new ArrayList<>();
    jars.add(jar.getJar());
    jars.addAll(jar.getLibs());
    return launcher.launch(jars, jar.getId(), init, this::onMessage);
  }

  public PluginJar getJar() {
    return jar;
  }

  /** The kind of track this worker transforms. */
  public TrackKind getKind() {
    return kind;
  }

  /** The worker's pid, 0 before launch. */
  public long getPid() {
    WorkerProcess p = process;
    return p == null ? 0 : p.getPid();
  }

  public long getFramesOut() {
    return framesOut;
  }

  public long getP50Us() {
    return p50Us;
  }

  public long getP99Us() {
    return p99Us;
  }

  /** Frames dropped inside the worker (input overwritten before read, output back-pressure) and by the host reader. */
  public long getDropped() {
    ChannelSubscriber o = output;
    return workerDropped + (o == null ? 0 : o.getDropped());
  }

  /** Output frames per second over roughly the last second. */
  public synchronized double getFps() {
    long now = System.nanoTime();
    long elapsed = now - outputWindow[0];
    if (outputWindow[0] == 0 || elapsed <= 0) {
      return 0;
    }
    return (framesOut - outputWindow[1]) * 1e9 / elapsed;
  }

  public boolean hasFailed() {
    return failed.get();
  }

  /** Tells the worker an input frame went its way (for the deadline check). */
  void noteInput(long nowNs) {
    if (unansweredSinceNs == 0) {
      unansweredSinceNs = nowNs;
    }
  }

  void sendSettings(Settings settings) {
    WorkerProcess p = process;
    if (p != null) {
      p.send(WorkerMessages.settings(settings));
    }
  }

  /** Sends a PING and checks heartbeats and deadlines; called on the supervisor's tick. */
  void tick(long nowNs, boolean active) {
    WorkerProcess p = process;
    if (p == null || failed.get() || closing) {
      return;
    }
    if (nowNs - lastPingSentNs >= timing.getHeartbeatInterval().toNanos()) {
      lastPingSentNs = nowNs;
      p.send(WorkerMessages.ping(nowNs));
    }
    synchronized (this) {
      if (nowNs - outputWindow[0] > TimeUnit.SECONDS.toNanos(1)) {
        outputWindow[0] = nowNs;
        outputWindow[1] = framesOut;
      }
    }
    long ready = readyNs;
    if (ready == 0) {
      if (nowNs - launchedNs > timing.getStartTimeout().toNanos()) {
        fail("worker did not become ready within " + timing.getStartTimeout().toMillis() + " ms");
      }
      return;
    }
    if (nowNs - lastHeartbeatNs > timing.getHeartbeatTimeout().toNanos()) {
      fail("worker sent no heartbeat for " + TimeUnit.NANOSECONDS.toMillis(nowNs - lastHeartbeatNs) + " ms");
      return;
    }
    long since = unansweredSinceNs;
    // a running worker gets the frame deadline; a new one (class loading, JIT) gets the first-frame timeout
    long limit = active ? timing.getFrameDeadline().toNanos()
        : Math.max(timing.getFrameDeadline().toNanos(), FIRST_FRAME_TIMEOUT_NS);
    if (since != 0 && nowNs - since > limit) {
      long busyMs = TimeUnit.NANOSECONDS.toMillis(busyNs);
      fail((framesOut == 0 ? "produced no frame within " : "missed its frame deadline: no output for ")
          + TimeUnit.NANOSECONDS.toMillis(nowNs - since) + " ms while input flowed"
          + (busyMs > 0 ? " (transform() busy for " + busyMs + " ms)" : " (transform() enqueues nothing)"));
    }
  }

  private void onMessage(ControlMessage m) {
    switch (m.getType()) {
      case HELLO:
        if (!jar.getId().equals(m.getString("id"))) {
          fail("worker loaded plugin '" + m.getString("id") + "' instead");
        }
        break;
      case READY:
        openOutput();
        lastHeartbeatNs = System.nanoTime();
        readyNs = lastHeartbeatNs;
        break;
      case HEARTBEAT:
        lastHeartbeatNs = System.nanoTime();
        busyNs = m.getLong("busyNs", 0);
        if (m.getLong("count", 0) > 0) {
          p50Us = m.getLong("p50Us", 0);
          p99Us = m.getLong("p99Us", 0);
        }
        workerDropped = m.getLong("dropped", 0);
        break;
      case FAILURE:
        failureFromWorker = m.getString("reason");
        break;
      default:
        break;
    }
  }

  private void openOutput() {
    if (closing) {
      return; // READY from a worker being stopped: its channel is going away
    }
    try {
      ChannelSubscriber sub = ChannelSubscriber.open(channelDir, outputName);
      output = sub;
      Thread t = new Thread(() -> readOutput(sub), "worker-" + jar.getId() + "-" + getPid() + "-frames");
      t.setDaemon(true);
      t.start();
    } catch (IOException | RuntimeException e) {
      fail("cannot open the worker's output track: " + e);
    }
  }

  private void readOutput(ChannelSubscriber sub) {
    try {
      readFrames(sub);
    } finally {
      sub.close(); // on every way out, also a READY that raced close(): no channel stays mapped
    }
  }

  private void readFrames(ChannelSubscriber sub) {
    long waitNs = TimeUnit.MILLISECONDS.toNanos(50);
    while (!closing && !failed.get()) {
      MediaFrame f;
      try {
        f = ChannelFrames.readFrame(sub, waitNs);
      } catch (RuntimeException e) {
        fail("wrote an unreadable frame: " + e.getMessage());
        return;
      }
      if (f == null) {
        if (sub.isEnded() && !closing) {
          return; // the exit handler reports why
        }
        continue;
      }
      framesOut++;
      lastOutputNs = System.nanoTime();
      unansweredSinceNs = 0;
      try {
        sink.accept(this, f);
      } catch (RuntimeException e) {
        LOG.warn("{}: downstream of {} failed", jar.getSource().getFileName(), jar.getId(), e);
      }
    }
  }

  private void onExit(int code) {
    if (closing) {
      return;
    }
    String fromWorker = failureFromWorker;
    if (fromWorker != null) {
      fail(fromWorker);
      return;
    }
    WorkerProcess p = process;
    List<String> err = p == null ? List.of() : p.getRecentStderr();
    boolean oom = code == 3 || err.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
    if (oom) {
      fail("worker ran out of memory (heap cap " + heapMb + " MB)");
    } else if (code == 137 || code == 143) {
      fail("worker JVM was killed (signal " + (code - 128) + ")");
    } else {
      String last = err.isEmpty() ? "" : "; last output: " + err.get(err.size() - 1);
      fail("worker JVM exited unexpectedly with code " + code + last);
    }
  }

  /** Fails this worker for a cause on the host's side (its input cannot be written), as if the worker had failed. */
  void failFromHost(String reason) {
    hostFault = true;
    fail(reason);
  }

  /** Whether the failure was the host's ({@link #failFromHost}), not the plugin's. */
  boolean isHostFault() {
    return hostFault;
  }

  private void fail(String reason) {
    if (closing || !failed.compareAndSet(false, true)) {
      return;
    }
    WorkerProcess p = process;
    if (p != null && p.isAlive()) {
      p.kill();
    }
    failures.onFailure(this, reason);
  }

  /** Stops the worker (asking first, then killing) and deletes its output channel; never reports a failure. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      closing = true; // after this, start() launches nothing
    }
    WorkerProcess p = process;
    if (p != null) {
      p.stop(timing.getHeartbeatTimeout().toMillis());
    }
    ChannelSubscriber o = output;
    if (o != null) {
      o.close();
    }
    deleteChannelFiles();
  }

  private void deleteChannelFiles() {
    try (Stream<Path> s = Files.list(channelDir)) {
      s.filter(f -> f.getFileName().toString().startsWith(outputName + ".")).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException ignored) {
          // gone already
        }
      });
    } catch (IOException ignored) {
      // the directory is gone with the chain
    }
  }

  @Override
  public String toString() {
    return jar.getId() + "@" + jar.getVersion() + " (pid " + getPid() + ")";
  }

}
