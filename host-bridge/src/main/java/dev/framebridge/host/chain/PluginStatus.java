package dev.framebridge.host.chain;

import dev.framebridge.spi.TrackKind;
import org.jspecify.annotations.Nullable;

/** A snapshot of one plugin of the chain, as the status API shows it. Immutable; made with {@link #builder()}. */
public final class PluginStatus {
  private final String id;
  private final TrackKind kind;
  private final String version;
  private final String jar;
  private final PluginState state;
  private final long pid;
  private final int restarts;
  private final @Nullable String lastError;
  private final double fps;
  private final long p50Us;
  private final long p99Us;
  private final long dropped;
  private final boolean enabled;
  private final int position;

  private PluginStatus(Builder b) {
    this.id = b.id;
    this.kind = b.kind;
    this.version = b.version;
    this.jar = b.jar;
    this.state = b.state;
    this.pid = b.pid;
    this.restarts = b.restarts;
    this.lastError = b.lastError;
    this.fps = b.fps;
    this.p50Us = b.p50Us;
    this.p99Us = b.p99Us;
    this.dropped = b.dropped;
    this.enabled = b.enabled;
    this.position = b.position;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The plugin id (or, for a JAR too broken to name one, its file name). */
  public String getId() {
    return id;
  }

  /** The plugin's version, or "" when unknown. */
  public String getVersion() {
    return version;
  }

  /** The JAR file name inside the plugins folder. */
  public String getJar() {
    return jar;
  }

  public PluginState getState() {
    return state;
  }

  /** The kind of track the plugin's chain carries (a rejected JAR is reported by the video chain). */
  public TrackKind getKind() {
    return kind;
  }

  /** The pid of the worker JVM serving the slot, or 0 when none. */
  public long getPid() {
    return pid;
  }

  /** How many times the worker was restarted after a failure since the JAR last changed. */
  public int getRestarts() {
    return restarts;
  }

  /** The last failure, one line naming the JAR and the cause, or null. */
  public @Nullable String getLastError() {
    return lastError;
  }

  /** Frames per second coming out of the worker over the last second. */
  public double getFps() {
    return fps;
  }

  /** Median time spent in the plugin's transform, microseconds. */
  public long getP50Us() {
    return p50Us;
  }

  /** 99th percentile of the time spent in the plugin's transform, microseconds. */
  public long getP99Us() {
    return p99Us;
  }

  /** Frames dropped on the way through this slot. */
  public long getDropped() {
    return dropped;
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Index in the chain, 0 first; -1 for a JAR that never joined it. */
  public int getPosition() {
    return position;
  }

  @Override
  public String toString() {
    return id + "@" + version + " " + state.getWebName() + (lastError == null ? "" : " (" + lastError + ")");
  }

  /** Builds a {@link PluginStatus}. */
  public static final class Builder {
    private String id = "";
    private TrackKind kind = TrackKind.VIDEO;
    private String version = "";
    private String jar = "";
    private PluginState state = PluginState.STOPPED;
    private long pid;
    private int restarts;
    private @Nullable String lastError;
    private double fps;
    private long p50Us;
    private long p99Us;
    private long dropped;
    private boolean enabled = true;
    private int position = -1;

    private Builder() {}

    public Builder id(String v) { id = v; return this; }
    public Builder kind(TrackKind v) { kind = v; return this; }
    public Builder version(String v) { version = v; return this; }
    public Builder jar(String v) { jar = v; return this; }
    public Builder state(PluginState v) { state = v; return this; }
    public Builder pid(long v) { pid = v; return this; }
    public Builder restarts(int v) { restarts = v; return this; }
    public Builder lastError(@Nullable String v) { lastError = v; return this; }
    public Builder fps(double v) { fps = v; return this; }
    public Builder p50Us(long v) { p50Us = v; return this; }
    public Builder p99Us(long v) { p99Us = v; return this; }
    public Builder dropped(long v) { dropped = v; return this; }
    public Builder enabled(boolean v) { enabled = v; return this; }
    public Builder position(int v) { position = v; return this; }

    public PluginStatus build() {
      return new PluginStatus(this);
    }
  }
}
