package dev.framebridge.host.supervisor;

import dev.framebridge.host.chain.PluginState;
import dev.framebridge.host.plugin.PluginJar;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one plugin of the chain served: starts its worker, swaps in a new worker when the JAR is replaced (the old
 * one serves until the new one has produced a frame on the live input, then stops), restarts a failed worker after an
 * exponential backoff, and quarantines the plugin after {@code maxFailures} failures in a row until its JAR changes.
 * A failure on the host's side ({@link #inputFailed}: shared memory full) bypasses the slot and retries at the
 * longest backoff without counting towards quarantine, so the effect comes back by itself once space is free.
 * While no worker serves, {@link #isServing()} is false and the slot passes frames through.
 *
 * <p>Output timestamps never go back: a worker's frame at or before the last one delivered (by a worker, or passed
 * through while none served) is dropped. For audio this makes the hand-over from pass-through to a (re)started
 * worker seamless — no chunk twice — since the worker reads every chunk in order and catches up.
 */
public final class PluginSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginSupervisor.class);
  private static final long STABLE_NS = TimeUnit.SECONDS.toNanos(10);

  private final SupervisorContext context;
  private final TrackKind kind;
  private final String inputHandle;
  private final SlotOutput output;
  private final @Nullable DryChunks dry;
  private long filledChunks;
  private PluginJar jar;
  private Settings settings;
  private boolean enabled;
  private volatile @Nullable PluginWorker active;
  private volatile @Nullable PluginWorker candidate;
  private @Nullable ScheduledFuture<?> pendingRestart;
  private int failures;
  private int restarts;
  private long activeSinceNs;
  private @Nullable String lastError;
  private @Nullable String quarantined;
  private long lastDeliveredTimestampUs = Long.MIN_VALUE;
  private boolean closed;

  public PluginSupervisor(SupervisorContext context, TrackKind kind, PluginJar jar, Settings settings,
      boolean enabled, String inputHandle, SlotOutput output) {
    this(context, kind, jar, settings, enabled, inputHandle, output, null);
  }

  /**
   * @param dry for audio, the slot's recent input chunks: a serving worker's output that skips chunks is filled with
   *     them (unprocessed) so the track never has a hole; null to deliver gaps as they are
   */
  public PluginSupervisor(SupervisorContext context, TrackKind kind, PluginJar jar, Settings settings,
      boolean enabled, String inputHandle, SlotOutput output, @Nullable DryChunks dry) {
    this.context = context;
    this.kind = kind;
    this.jar = jar;
    this.settings = settings;
    this.enabled = enabled;
    this.inputHandle = inputHandle;
    this.output = output;
    this.dry = dry;
  }

  /** Starts the first worker (if enabled). */
  public synchronized void start() {
    if (enabled && quarantined == null && !closed) {
      launchCandidate();
    }
  }

  /** Whether a worker serves the slot now: frames must go to it rather than past it. */
  public boolean isServing() {
    return active != null;
  }

  /**
   * Decides, atomically with a worker taking over, whether the slot passes a frame through: true (and the frame's
   * timestamp is remembered as delivered) when no worker serves; false when one does and the frame is its to make.
   */
  public synchronized boolean passThrough(long timestampUs) {
    if (active != null) {
      return false;
    }
    lastDeliveredTimestampUs = Math.max(lastDeliveredTimestampUs, timestampUs);
    return true;
  }

  /** Whether some worker (serving or starting) reads the slot's input. */
  public boolean wantsInput() {
    return active != null || candidate != null;
  }

  /**
   * The slot could not write an input frame for the workers (shared memory full, say): every worker reading the input
   * fails with {@code reason}, so the slot passes frames through from this frame on and restarts with backoff (then
   * quarantines) like any other failure, instead of starving a serving worker.
   */
  public void inputFailed(String reason) {
    PluginWorker a = active;
    PluginWorker c = candidate;
    if (a != null) {
      a.failFromHost(reason);
    }
    if (c != null) {
      c.failFromHost(reason);
    }
  }

  /** Called for every input frame sent to the workers. */
  public void noteInput(long nowNs) {
    PluginWorker a = active;
    PluginWorker c = candidate;
    if (a != null) {
      a.noteInput(nowNs);
    }
    if (c != null) {
      c.noteInput(nowNs);
    }
  }

  public synchronized PluginJar getJar() {
    return jar;
  }

  public synchronized Settings getSettings() {
    return settings;
  }

  public synchronized boolean isEnabled() {
    return enabled;
  }

  /** A new build of the plugin: start it beside the serving one and swap on its first frame. */
  public synchronized void replace(PluginJar newJar, Settings newSettings) {
    jar = newJar;
    settings = newSettings;
    failures = 0;
    restarts = 0;
    quarantined = null;
    lastError = null;
    cancelRestart();
    PluginWorker c = candidate;
    candidate = null;
    closeLater(c);
    if (enabled && !closed) {
      launchCandidate();
    }
  }

  /** Enables (starting a worker) or disables (bypassing at once and stopping the worker) the plugin. */
  public synchronized void setEnabled(boolean on) {
    if (on == enabled) {
      return;
    }
    enabled = on;
    if (on) {
      failures = 0;
      if (quarantined == null && !closed && active == null && candidate == null) {
        launchCandidate();
      }
    } else {
      cancelRestart();
      PluginWorker a = active;
      PluginWorker c = candidate;
      active = null;
      candidate = null;
      closeLater(a);
      closeLater(c);
    }
  }

  /** New settings, already validated against the schema; reach the running transform between frames. */
  public void updateSettings(Settings newSettings) {
    PluginWorker a;
    PluginWorker c;
    synchronized (this) {
      settings = newSettings;
      if (quarantined == null) {
        failures = 0; // new settings deserve a fresh run of chances (quarantine lasts until the JAR changes)
      }
      a = active;
      c = candidate;
    }
    if (a != null) {
      a.sendSettings(newSettings);
    }
    if (c != null) {
      c.sendSettings(newSettings);
    }
  }

  /** Heartbeats, deadlines and the stability reset of the failure count; called every few ms. */
  public void tick(long nowNs) {
    PluginWorker a = active;
    PluginWorker c = candidate;
    if (a != null) {
      a.tick(nowNs, true);
    }
    if (c != null) {
      c.tick(nowNs, false);
    }
    synchronized (this) {
      if (a != null && a == active && failures > 0 && nowNs - activeSinceNs > STABLE_NS) {
        failures = 0;
      }
    }
  }

  public synchronized PluginState getState() {
    if (closed) {
      return PluginState.STOPPED;
    }
    if (quarantined != null) {
      return PluginState.QUARANTINED;
    }
    if (!enabled) {
      return PluginState.BYPASSED;
    }
    if (active != null) {
      return PluginState.RUNNING;
    }
    if (pendingRestart != null || (candidate != null && failures > 0)) {
      return PluginState.RESTARTING;
    }
    return candidate != null ? PluginState.STARTING : PluginState.STOPPED;
  }

  public synchronized @Nullable String getLastError() {
    return lastError;
  }

  public synchronized int getRestarts() {
    return restarts;
  }

  /** The serving worker, else the starting one, else null. */
  public @Nullable PluginWorker getWorker() {
    PluginWorker a = active;
    return a != null ? a : candidate;
  }

  private void launchCandidate() {
    PluginWorker w = new PluginWorker(jar, kind, context.nextWorkerSerial(), context.getChannelDir(), context.getTiming(), this::onFrame,
        this::onFailure);
    candidate = w;
    Settings s = settings;
    context.getScheduler().execute(() -> w.start(context.getLauncher(), inputHandle, s));
  }

  private void onFrame(PluginWorker w, MediaFrame frame) {
    PluginWorker retired = null;
    boolean deliver;
    List<AudioData> fill = List.of();
    synchronized (this) {
      if (w == candidate && active != null && frame.getTimestamp() <= lastDeliveredTimestampUs) {
        // the new build is still catching up with the live input: keep the old one serving
        frame.close();
        return;
      }
      if (w == candidate) {
        retired = active;
        active = w;
        candidate = null;
        activeSinceNs = System.nanoTime();
        LOG.info("{}: plugin {} {} serving (worker pid {})", jar.getSource().getFileName(), jar.getId(),
            jar.getVersion(), w.getPid());
      }
      // the frame was already delivered (passed through before this worker took over): no timestamp twice
      deliver = w == active && enabled && !closed && frame.getTimestamp() > lastDeliveredTimestampUs;
      if (deliver) {
        DryChunks d = dry;
        if (d != null && frame instanceof AudioData
            && DryChunks.isGap(lastDeliveredTimestampUs, frame.getTimestamp(), ((AudioData) frame).getDuration())) {
          fill = d.between(lastDeliveredTimestampUs, frame.getTimestamp());
          if (!fill.isEmpty() && filledChunks++ == 0) {
            LOG.info("{}: plugin {}'s output skipped chunks before ts {} us; gaps like it are filled with the"
                + " unprocessed input", jar.getSource().getFileName(), jar.getId(), frame.getTimestamp());
          }
        }
        lastDeliveredTimestampUs = frame.getTimestamp();
      }
    }
    if (deliver) {
      for (AudioData chunk : fill) {
        output.forward(chunk); // older than the frame, so in order; unprocessed, but no hole in the track
      }
      output.forward(frame);
    } else {
      frame.close();
    }
    closeLater(retired);
  }

  private void onFailure(PluginWorker w, String reason) {
    synchronized (this) {
      if (w != active && w != candidate) {
        closeLater(w);
        return;
      }
      if (w == active) {
        active = null;
      } else {
        candidate = null;
      }
      // a host-side cause (shared memory full) is not the plugin's fault: retry slowly, never quarantine
      boolean hostFault = w.isHostFault();
      if (!hostFault) {
        failures++;
      }
      restarts++;
      String error = w.getJar().getSource().getFileName() + ": plugin '" + w.getJar().getId() + "': " + reason;
      boolean repeated = error.equals(lastError);
      lastError = error;
      long delayMs = hostFault ? context.backoff(Integer.MAX_VALUE).toMillis() : context.backoff(failures).toMillis();
      if (!hostFault && failures >= context.getMaxFailures()) {
        quarantined = lastError;
        LOG.error("{} — quarantined after {} failures in a row, until its JAR changes", lastError, failures);
      } else {
        if (hostFault && repeated) {
          LOG.debug("{} — again; retrying in {} ms", lastError, delayMs);
        } else {
          LOG.warn("{} — {}restarting in {} ms", lastError, hostFault ? "bypassed, " : "", delayMs);
        }
        if (enabled && !closed && candidate == null) {
          scheduleRestart(delayMs);
        }
      }
    }
    closeLater(w);
  }

  private void scheduleRestart(long delayMs) {
    cancelRestart();
    pendingRestart = context.getScheduler().schedule(() -> {
      synchronized (this) {
        pendingRestart = null;
        if (enabled && !closed && quarantined == null && candidate == null) {
          launchCandidate();
        }
      }
    }, delayMs, TimeUnit.MILLISECONDS);
  }

  private void cancelRestart() {
    ScheduledFuture<?> r = pendingRestart;
    if (r != null) {
      r.cancel(false);
      pendingRestart = null;
    }
  }

  private void closeLater(@Nullable PluginWorker w) {
    if (w != null) {
      context.getScheduler().execute(w::close);
    }
  }

  /** Stops every worker of this plugin and waits for them. */
  @Override
  public void close() {
    PluginWorker a;
    PluginWorker c;
    synchronized (this) {
      closed = true;
      cancelRestart();
      a = active;
      c = candidate;
      active = null;
      candidate = null;
    }
    if (a != null) {
      a.close();
    }
    if (c != null) {
      c.close();
    }
  }
}
