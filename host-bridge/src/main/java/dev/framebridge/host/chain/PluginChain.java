package dev.framebridge.host.chain;

import dev.framebridge.host.plugin.PluginFolderWatcher;
import dev.framebridge.host.plugin.PluginJar;
import dev.framebridge.host.plugin.PluginJarException;
import dev.framebridge.host.plugin.PluginJarValidator;
import dev.framebridge.host.supervisor.SupervisorContext;
import dev.framebridge.host.supervisor.WorkerTiming;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import dev.framebridge.sdk.worker.WorkerLauncher;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered chain of plugins of one track kind ({@link ChainOptions#getTrackKind()}): between the camera and the
 * display sinks for video, between capture and playout for audio (every chunk in order). Frames enter with {@link #accept}, go
 * through each slot (its worker JVM, or straight past it while the plugin is starting, failed, disabled or removed),
 * and leave through the output sink given at creation, which stays the same for the chain's whole life.
 *
 * <p>The chain scans and watches the plugins folder: a new JAR joins at the end (or at its persisted place), a
 * changed JAR is swapped in beside the running one, a removed JAR is bypassed at once and its worker stopped. Order,
 * enable flags and settings are persisted in {@link ChainOptions#getChainFile()}.
 */
public final class PluginChain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginChain.class);

  private final ChainOptions options;
  private final OutputMeter output;
  private final ChainFile chainFile;
  private final InstanceDirectory channels;
  private final PluginStaging staging;
  private final ScheduledThreadPoolExecutor scheduler;
  private final SupervisorContext context;
  private final PluginJarValidator validator = new PluginJarValidator();
  private volatile List<ChainSlot> slots = List.of();
  // written under the chain's lock by the folder watcher; read without it by getStatus (validation can take seconds)
  private final Map<Path, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger serial = new AtomicInteger();
  private @Nullable PluginFolderWatcher watcher;
  private @Nullable TrackEnds trackEnds;
  private volatile boolean closed;

  /** What the chain knows of one entry of the plugins folder. */
  private static final class Entry {
    final String stamp;
    final @Nullable PluginJar jar;
    final @Nullable String rejection;

    Entry(String stamp, @Nullable PluginJar jar, @Nullable String rejection) {
      this.stamp = stamp;
      this.jar = jar;
      this.rejection = rejection;
    }
  }

  private PluginChain(ChainOptions options, MediaSink sink) throws IOException {
    this.options = options;
    this.output = new OutputMeter(sink);
    this.chainFile = new ChainFile(options.getChainFile());
    this.chainFile.load();
    this.channels = InstanceDirectory.create(options.getSharedMemoryRoot());
    this.staging = new PluginStaging();
    AtomicInteger n = new AtomicInteger();
    this.scheduler = new ScheduledThreadPoolExecutor(4, r -> {
      Thread t = new Thread(r, "plugin-chain-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.scheduler.setRemoveOnCancelPolicy(true);
    WorkerLauncher.Builder launcher = WorkerLauncher.builder().heapMb(options.getWorkerHeapMb())
        .jvmArgs(options.getWorkerJvmArgs());
    List<Path> cp = options.getWorkerClasspath();
    if (cp != null) {
      launcher.classpath(cp);
    }
    WorkerTiming timing = new WorkerTiming(options.getFrameDeadline(), options.getHeartbeatInterval(),
        options.getHeartbeatTimeout(), Duration.ofSeconds(20));
    this.context = new SupervisorContext(launcher.build(), channels.getPath(), timing, options.getBackoffInitial(),
        options.getBackoffMax(), options.getMaxFailures(), scheduler);
  }

  /**
   * Creates the chain, scans the plugins folder and starts watching it. Frames go to {@code output} (which must take
   * frames from several threads one at a time; the chain serialises its calls).
   *
   * @throws UncheckedIOException if the plugins folder or the shared-memory directory cannot be created
   */
  public static PluginChain create(ChainOptions options, FrameSink output) {
    if (options.getTrackKind() != TrackKind.VIDEO) {
      throw new IllegalArgumentException("a FrameSink takes video frames; start a " + options.getTrackKind()
          .getWebName() + " chain with PluginChain.start(track, options)");
    }
    return createWith(options, f -> output.accept((VideoFrame) f));
  }

  // not an overload of create: Groovy would find a closure argument ambiguous between the two sink types
  private static PluginChain createWith(ChainOptions options, MediaSink output) {
    try {
      PluginChain chain = new PluginChain(options, output);
      chain.scheduler.scheduleAtFixedRate(chain::tick, 20, 20, TimeUnit.MILLISECONDS);
      chain.watcher = PluginFolderWatcher.start(options.getPluginsDir(), options.getRescanInterval(),
          options.getSettleTime(), chain::onFolder);
      return chain;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the plugin chain on " + options.getPluginsDir(), e);
    }
  }

  /**
   * Starts a chain between two tracks: frames of {@code input} (the camera) go through the plugins into
   * {@link #getOutput()}, one track that stays the same object across swaps, bypasses, moves and restarts.
   *
   * @throws UncheckedIOException if the plugins folder or the shared-memory directory cannot be created
   */
  public static PluginChain start(MediaStreamTrack input, ChainOptions options) {
    TrackKind kind = options.getTrackKind();
    if (!kind.getWebName().equals(input.getKind())) {
      throw new IllegalArgumentException("a " + kind.getWebName() + " chain needs a " + kind.getWebName()
          + " track, got kind '" + input.getKind() + "'");
    }
    TrackEnds ends = new TrackEnds(kind);
    PluginChain chain = createWith(options, ends);
    chain.trackEnds = ends;
    ends.attach(input, chain);
    return chain;
  }

  /**
   * The chain's output track (made by {@link #start}).
   *
   * @throws IllegalStateException for a chain made by {@link #create}, which writes to its sink instead
   */
  public MediaStreamTrack getOutput() {
    TrackEnds ends = trackEnds;
    if (ends == null) {
      throw new IllegalStateException("this chain writes to a FrameSink; only PluginChain.start makes an output track");
    }
    return ends.getOutput();
  }

  public ChainOptions getOptions() {
    return options;
  }

  /**
   * This chain's shared-memory instance directory ({@code /dev/shm/framebridge-<user>/host-<pid>-<random>}), which
   * holds every channel of the chain and is deleted by {@link #close()}. For monitoring and tests: what is inside is
   * the transport's business.
   */
  public Path getSharedMemoryDirectory() {
    return channels.getPath();
  }

  /** The kind of track this chain carries. */
  public TrackKind getTrackKind() {
    return options.getTrackKind();
  }

  /** Takes one input frame (from the camera); ownership moves to the chain. */
  public void accept(VideoFrame frame) {
    acceptFrame(frame);
  }

  /** Takes one input frame or chunk; ownership moves to the chain; one of the wrong kind is closed and ignored. */
  void acceptFrame(MediaFrame frame) {
    boolean ofKind = options.getTrackKind() == TrackKind.AUDIO ? frame instanceof AudioData
        : frame instanceof VideoFrame;
    if (closed || !ofKind) {
      frame.close();
      return;
    }
    forwardFrom(-1, frame);
  }

  /** Passes a frame to the slot after {@code index} (or the output). */
  private void forwardFrom(int index, MediaFrame frame) {
    int next = index + 1;
    List<ChainSlot> now = slots;
    if (next < now.size()) {
      ChainSlot slot = now.get(next);
      slot.accept(frame, f -> forwardFrom(next, f));
    } else {
      output.accept(frame);
    }
  }

  /** Frames a slot's serving worker produced: on to whatever follows that slot now. */
  private void forwardAfter(String id, MediaFrame frame) {
    int index = indexOf(id);
    if (index < 0 || closed) {
      frame.close();
      return;
    }
    forwardFrom(index, frame);
  }

  private int indexOf(String id) {
    List<ChainSlot> now = slots;
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i).getId().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private ChainSlot slot(String id) {
    for (ChainSlot s : slots) {
      if (s.getId().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no plugin '" + id + "' in the chain (have " + getOrder() + ")");
  }

  /** Plugin ids in chain order. */
  public List<String> getOrder() {
    List<String> ids = new ArrayList<>();
    slots.forEach(s -> ids.add(s.getId()));
    return ids;
  }

  public ChainStatus getStatus() {
    List<PluginStatus> list = new ArrayList<>();
    List<ChainSlot> now = slots;
    for (int i = 0; i < now.size(); i++) {
      list.add(now.get(i).status(i));
    }
    new java.util.TreeMap<>(entries).forEach((path, e) -> {
      // a JAR too broken to name its kinds is reported once, by the video chain
      if (e.rejection != null && (e.jar == null || indexOf(e.jar.getId()) < 0)
          && options.getTrackKind() == TrackKind.VIDEO) {
        String name = path.getFileName().toString();
        list.add(PluginStatus.builder().id(name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name)
            .jar(name).state(PluginState.QUARANTINED).lastError(e.rejection).enabled(false).build());
      }
    });
    return new ChainStatus(output.getFrames(), output.getFps(), output.getMaxGapMs(), list);
  }

  /** Enables or disables a plugin; a disabled slot passes frames through untouched. Persisted. */
  public void setEnabled(String id, boolean enabled) {
    ChainSlot s = slot(id);
    s.getSupervisor().setEnabled(enabled);
    chainFile.setEnabled(id, enabled);
    chainFile.save();
  }

  /**
   * Changes some settings of a plugin (other keys keep their values); the running transform gets them without a
   * restart. Persisted.
   *
   * @return the full new settings
   * @throws IllegalArgumentException for an unknown plugin, an unknown key or a value that does not fit the schema
   */
  public Settings updateSettings(String id, Map<String, ?> changes) {
    ChainSlot s = slot(id);
    SettingsSchema schema = s.getSupervisor().getJar().getSettingsSchema();
    Map<String, Object> merged = new LinkedHashMap<>(s.getSupervisor().getSettings().asMap());
    merged.putAll(changes);
    Settings resolved = schema.resolve(merged);
    s.getSupervisor().updateSettings(resolved);
    chainFile.setSettings(id, resolved);
    chainFile.save();
    return resolved;
  }

  public SettingsSchema getSettingsSchema(String id) {
    return slot(id).getSupervisor().getJar().getSettingsSchema();
  }

  public Settings getSettings(String id) {
    return slot(id).getSupervisor().getSettings();
  }

  /** The validated JAR serving (or about to serve) a plugin. */
  public PluginJar getPluginJar(String id) {
    return slot(id).getSupervisor().getJar();
  }

  /**
   * Moves a plugin to {@code index} (0 first); frames follow the new order from the next frame on. Persisted.
   *
   * @throws IndexOutOfBoundsException if the index is outside the chain
   */
  public synchronized void move(String id, int index) {
    ChainSlot s = slot(id);
    if (index < 0 || index >= slots.size()) {
      throw new IndexOutOfBoundsException("position " + index + " is outside 0.." + (slots.size() - 1));
    }
    List<ChainSlot> order = new ArrayList<>(slots);
    order.remove(s);
    order.add(index, s);
    replaceOrder(order);
    chainFile.setOrder(getOrder());
    chainFile.save();
  }

  private void replaceOrder(List<ChainSlot> order) {
    // one atomic swap of the list, so a frame in flight sees either the old or the new order
    slots = List.copyOf(order);
  }

  private void tick() {
    long now = System.nanoTime();
    for (ChainSlot s : slots) {
      try {
        s.getSupervisor().tick(now);
      } catch (RuntimeException e) {
        LOG.warn("supervision tick of {} failed", s.getId(), e);
      }
    }
  }

  private synchronized void onFolder(Map<Path, String> settled) {
    if (closed) {
      return;
    }
    for (Path gone : new ArrayList<>(entries.keySet())) {
      if (!settled.containsKey(gone)) {
        Entry e = entries.remove(gone);
        if (e != null && e.jar != null) {
          removeSlotOf(gone);
        }
      }
    }
    // several new entries at once join in file-name order
    for (Map.Entry<Path, String> item : new java.util.TreeMap<>(settled).entrySet()) {
      Entry known = entries.get(item.getKey());
      if (known != null && known.stamp.equals(item.getValue())) {
        continue;
      }
      consider(item.getKey(), item.getValue());
    }
  }

  private void consider(Path entry, String stamp) {
    PluginJar jar;
    try {
      jar = staging.stageAndValidate(entry, validator);
    } catch (PluginJarException e) {
      reject(entry, stamp, e.getMessage());
      return;
    } catch (IOException e) {
      reject(entry, stamp, entry.getFileName() + ": cannot copy it out of the plugins folder: " + e.getMessage());
      return;
    }
    if (!jar.getTrackKinds().contains(options.getTrackKind())) {
      // the chain of the plugin's kind runs it; here it is neither a slot nor a rejection
      staging.discard(jar);
      entries.put(entry, new Entry(stamp, null, null));
      int index = indexOf(jar.getId());
      if (index >= 0 && slots.get(index).getEntry().equals(entry)) {
        removeSlotOf(entry); // a new build that dropped this kind
      }
      return;
    }
    for (Map.Entry<Path, Entry> other : entries.entrySet()) {
      PluginJar o = other.getValue().jar;
      if (!other.getKey().equals(entry) && o != null && o.getId().equals(jar.getId())) {
        staging.discard(jar);
        reject(entry, stamp, entry.getFileName() + ": duplicate plugin id '" + jar.getId() + "', already provided by "
            + other.getKey().getFileName());
        return;
      }
    }
    entries.put(entry, new Entry(stamp, jar, null));
    int index = indexOf(jar.getId());
    if (index >= 0) {
      ChainSlot s = slots.get(index);
      s.setRejection(null);
      PluginJar old = s.getSupervisor().getJar();
      if (old.getFingerprint().equals(jar.getFingerprint())) {
        staging.discard(jar);
        return;
      }
      LOG.info("{}: replacing plugin {} {} with {}", entry.getFileName(), jar.getId(), old.getVersion(),
          jar.getVersion());
      s.getSupervisor().replace(jar, settingsFor(jar));
      return;
    }
    addSlot(entry, jar);
  }

  private void reject(Path entry, String stamp, String reason) {
    Entry previous = entries.get(entry);
    LOG.warn("plugin rejected: {}", reason);
    // a bad replacement leaves the previous build serving, with the rejection shown as its last error
    entries.put(entry, new Entry(stamp, previous == null ? null : previous.jar, reason));
    if (previous != null && previous.jar != null) {
      int index = indexOf(previous.jar.getId());
      if (index >= 0) {
        slots.get(index).setRejection(reason);
      }
    }
  }

  private Settings settingsFor(PluginJar jar) {
    SettingsSchema schema = jar.getSettingsSchema();
    Map<String, Object> fitting = new LinkedHashMap<>();
    chainFile.getSettings(jar.getId()).forEach((k, v) -> {
      try {
        fitting.put(k, schema.getField(k).coerce(v));
      } catch (IllegalArgumentException e) {
        LOG.warn("{}: dropping persisted setting: {}", jar.getSource().getFileName(), e.getMessage());
      }
    });
    return schema.resolve(fitting);
  }

  private void addSlot(Path entry, PluginJar jar) {
    ChainSlot slot;
    String id = jar.getId();
    try {
      slot = new ChainSlot(context, options.getTrackKind(), entry, jar, settingsFor(jar), chainFile.isEnabled(id), serial.incrementAndGet(),
          f -> forwardAfter(id, f));
    } catch (IOException e) {
      reject(entry, entries.get(entry).stamp, entry.getFileName() + ": cannot create its input channel: " + e);
      return;
    }
    List<ChainSlot> order = new ArrayList<>(slots);
    List<String> persisted = chainFile.getOrder();
    int at = order.size();
    int rank = persisted.indexOf(id);
    if (rank >= 0) {
      at = 0;
      for (int i = 0; i < order.size(); i++) {
        int r = persisted.indexOf(order.get(i).getId());
        if (r >= 0 && r < rank) {
          at = i + 1;
        }
      }
    }
    order.add(at, slot);
    replaceOrder(order);
    if (rank < 0) {
      chainFile.append(id); // a new plugin goes last; a known one keeps its persisted place
      chainFile.save();
    }
    LOG.info("{}: plugin {} {} joins the chain at {}", entry.getFileName(), id, jar.getVersion(), at);
    slot.start();
  }

  private void removeSlotOf(Path entry) {
    for (ChainSlot s : slots) {
      if (s.getEntry().equals(entry)) {
        List<ChainSlot> order = new ArrayList<>(slots);
        order.remove(s);
        replaceOrder(order); // bypassed from the next frame on
        LOG.info("{}: plugin {} removed", entry.getFileName(), s.getId());
        scheduler.execute(() -> {
          s.close();
          staging.discard(s.getSupervisor().getJar());
        });
      }
    }
  }

  /** Stops the watcher and every worker, and deletes the chain's shared memory and staged JARs. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    TrackEnds ends = trackEnds;
    if (ends != null) {
      ends.detachInput();
    }
    PluginFolderWatcher w = watcher;
    if (w != null) {
      w.close();
    }
    List<ChainSlot> all = new ArrayList<>(slots);
    replaceOrder(List.of());
    List<Thread> stopping = new ArrayList<>();
    for (ChainSlot s : all) {
      Thread t = new Thread(s::close, "plugin-chain-stop-" + s.getId());
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scheduler.shutdownNow();
    try {
      channels.close();
    } catch (IOException e) {
      LOG.warn("cannot delete the chain's shared memory {}: {}", channels.getPath(), e.toString());
    }
    staging.close();
    if (ends != null) {
      ends.close();
    }
  }
}
