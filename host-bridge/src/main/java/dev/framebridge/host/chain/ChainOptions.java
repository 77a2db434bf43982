package dev.framebridge.host.chain;

import dev.framebridge.spi.TrackKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How a {@link PluginChain} finds, runs and supervises its plugins. Immutable; made with {@link #builder(Path)}. */
public final class ChainOptions {
  private final Path pluginsDir;
  private final TrackKind trackKind;
  private final Path chainFile;
  private final int workerHeapMb;
  private final Duration frameDeadline;
  private final Duration heartbeatInterval;
  private final Duration heartbeatTimeout;
  private final Duration rescanInterval;
  private final Duration settleTime;
  private final Duration backoffInitial;
  private final Duration backoffMax;
  private final int maxFailures;
  private final @Nullable List<Path> workerClasspath;
  private final List<String> workerJvmArgs;
  private final Path sharedMemoryRoot;

  private ChainOptions(Builder b) {
    this.pluginsDir = b.pluginsDir;
    this.trackKind = b.trackKind;
    // a video chain keeps the historical name; an audio chain on the same folder gets a file of its own
    String suffix = b.trackKind == TrackKind.VIDEO ? "-chain.properties" : "-" + b.trackKind.getWebName() + "-chain.properties";
    this.chainFile = b.chainFile != null ? b.chainFile : b.pluginsDir.toAbsolutePath().resolveSibling(
        b.pluginsDir.toAbsolutePath().getFileName() + suffix);
    this.workerHeapMb = b.workerHeapMb;
    this.frameDeadline = b.frameDeadline;
    this.heartbeatInterval = b.heartbeatInterval;
    this.heartbeatTimeout = b.heartbeatTimeout;
    this.rescanInterval = b.rescanInterval;
    this.settleTime = b.settleTime;
    this.backoffInitial = b.backoffInitial;
    this.backoffMax = b.backoffMax;
    this.maxFailures = b.maxFailures;
    this.workerClasspath = b.workerClasspath == null ? null : List.copyOf(b.workerClasspath);
    this.workerJvmArgs = List.copyOf(b.workerJvmArgs);
    this.sharedMemoryRoot = b.sharedMemoryRoot;
  }

  /** Options for the plugins in {@code pluginsDir}, with every other value at its default. */
  public static Builder builder(Path pluginsDir) {
    return new Builder(pluginsDir);
  }

  /** The folder scanned and watched for plugin JARs. */
  public Path getPluginsDir() {
    return pluginsDir;
  }

  /**
   * The kind of track the chain carries; default video. The chain runs only the plugins of the folder whose
   * {@code getTrackKinds()} contains it, and skips the others silently (the other kind's chain runs them).
   */
  public TrackKind getTrackKind() {
    return trackKind;
  }

  /** The file keeping chain order, enable flags and settings; default {@code <pluginsDir>-chain.properties} beside it. */
  public Path getChainFile() {
    return chainFile;
  }

  /** The heap cap of each worker JVM (-Xmx), MB; default 256. */
  public int getWorkerHeapMb() {
    return workerHeapMb;
  }

  /** How long a worker may go without output while its input flows before it is failed; default 250 ms. */
  public Duration getFrameDeadline() {
    return frameDeadline;
  }

  /** How often host and worker send heartbeats; default 100 ms. */
  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  /** Silence after which either side declares the other dead; default 2 s. */
  public Duration getHeartbeatTimeout() {
    return heartbeatTimeout;
  }

  /** The period of the fallback rescan of the plugins folder; default 1 s. */
  public Duration getRescanInterval() {
    return rescanInterval;
  }

  /** How long a JAR's size and mtime must stay unchanged before it is loaded; default 300 ms. */
  public Duration getSettleTime() {
    return settleTime;
  }

  /** The first restart delay after a failure, doubled on each further failure; default 200 ms. */
  public Duration getBackoffInitial() {
    return backoffInitial;
  }

  /** The largest restart delay; default 5 s. */
  public Duration getBackoffMax() {
    return backoffMax;
  }

  /** Consecutive failures after which a plugin is quarantined until its JAR changes; default 4. */
  public int getMaxFailures() {
    return maxFailures;
  }

  /** The classpath of spi + sdk + their dependencies for workers, or null to derive it from this JVM's. */
  public @Nullable List<Path> getWorkerClasspath() {
    return workerClasspath;
  }

  /** Extra JVM arguments for every worker (after the heap cap and Chronicle flags). */
  public List<String> getWorkerJvmArgs() {
    return workerJvmArgs;
  }

  /**
   * Where the chain's per-user, per-instance shared-memory directory is made; default {@code /dev/shm}. A filesystem
   * that is not memory-backed works but makes every frame a page-cache write.
   */
  public Path getSharedMemoryRoot() {
    return sharedMemoryRoot;
  }

  /** Builds {@link ChainOptions}. */
  public static final class Builder {
    private final Path pluginsDir;
    private @Nullable Path chainFile;
    private TrackKind trackKind = TrackKind.VIDEO;
    private int workerHeapMb = 256;
    private Duration frameDeadline = Duration.ofMillis(250);
    private Duration heartbeatInterval = Duration.ofMillis(100);
    private Duration heartbeatTimeout = Duration.ofSeconds(2);
    private Duration rescanInterval = Duration.ofSeconds(1);
    private Duration settleTime = Duration.ofMillis(300);
    private Duration backoffInitial = Duration.ofMillis(200);
    private Duration backoffMax = Duration.ofSeconds(5);
    private int maxFailures = 4;
    private @Nullable List<Path> workerClasspath;
    private List<String> workerJvmArgs = List.of();
    private Path sharedMemoryRoot = dev.framebridge.sdk.transport.instance.InstanceDirectory.DEFAULT_ROOT;

    private Builder(Path pluginsDir) {
      this.pluginsDir = Objects.requireNonNull(pluginsDir, "pluginsDir");
    }

    public Builder chainFile(Path v) { chainFile = v; return this; }
    public Builder trackKind(TrackKind v) { trackKind = Objects.requireNonNull(v, "trackKind"); return this; }
    public Builder workerHeapMb(int v) { workerHeapMb = positive(v, "workerHeapMb"); return this; }
    public Builder frameDeadline(Duration v) { frameDeadline = v; return this; }
    public Builder heartbeatInterval(Duration v) { heartbeatInterval = v; return this; }
    public Builder heartbeatTimeout(Duration v) { heartbeatTimeout = v; return this; }
    public Builder rescanInterval(Duration v) { rescanInterval = v; return this; }
    public Builder settleTime(Duration v) { settleTime = v; return this; }
    public Builder backoffInitial(Duration v) { backoffInitial = v; return this; }
    public Builder backoffMax(Duration v) { backoffMax = v; return this; }
    public Builder maxFailures(int v) { maxFailures = positive(v, "maxFailures"); return this; }
    public Builder workerClasspath(List<Path> v) { workerClasspath = v; return this; }
    public Builder workerJvmArgs(List<String> v) { workerJvmArgs = v; return this; }
    public Builder sharedMemoryRoot(Path v) { sharedMemoryRoot = Objects.requireNonNull(v, "sharedMemoryRoot"); return this; }

    public ChainOptions build() {
      return new ChainOptions(this);
    }

    private static int positive(int v, String name) {
      if (v <= 0) {
        throw new IllegalArgumentException(name + " must be > 0, got " + v);
      }
      return v;
    }
  }
}
