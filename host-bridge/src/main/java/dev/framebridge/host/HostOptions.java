package dev.framebridge.host;

import dev.framebridge.host.audio.AudioOptions;
import dev.framebridge.host.camera.CameraOptions;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Everything {@link FramebridgeHost} needs to start. Immutable; made with {@link #builder(Path)}. */
public final class HostOptions {
  private final CameraOptions camera;
  private final Path pluginsDir;
  private final PreviewMode preview;
  private final int port;
  private final @Nullable Path snapshotDir;
  private final long snapshotEveryFrames;
  private final boolean sideBySide;
  private final @Nullable AudioOptions audio;
  private final Path sharedMemoryRoot;

  private HostOptions(Builder b) {
    this.camera = b.camera;
    this.pluginsDir = b.pluginsDir;
    this.preview = b.preview;
    this.port = b.port;
    this.snapshotDir = b.snapshotDir;
    this.snapshotEveryFrames = b.snapshotEveryFrames;
    this.sideBySide = b.sideBySide;
    this.audio = b.audio;
    this.sharedMemoryRoot = b.sharedMemoryRoot;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (snapshotEveryFrames < 0) {
      throw new IllegalArgumentException("snapshot interval " + snapshotEveryFrames + " must be >= 0 frames");
    }
  }

  public static Builder builder(Path pluginsDir) {
    return new Builder(pluginsDir);
  }

  public CameraOptions getCamera() {
    return camera;
  }

  public Path getPluginsDir() {
    return pluginsDir;
  }

  public PreviewMode getPreview() {
    return preview;
  }

  /** The web preview's port on 127.0.0.1; 0 picks a free one. */
  public int getPort() {
    return port;
  }

  /** Where PNG snapshots go, or null for none. */
  public @Nullable Path getSnapshotDir() {
    return snapshotDir;
  }

  /** A periodic snapshot every this many output frames; 0 for on-request only. */
  public long getSnapshotEveryFrames() {
    return snapshotEveryFrames;
  }

  /** Whether the window shows the input beside the output. */
  /** The audio options, or null for no audio. */
  public @Nullable AudioOptions getAudio() {
    return audio;
  }

  public boolean isSideBySide() {
    return sideBySide;
  }

  /** The root of the shared-memory directories of the host's chains; default {@code /dev/shm}. */
  public Path getSharedMemoryRoot() {
    return sharedMemoryRoot;
  }

  /** Builds {@link HostOptions}; defaults: automatic camera at 1280x720@30, the default preview, port 8080. */
  public static final class Builder {
    private CameraOptions camera = CameraOptions.builder().build();
    private final Path pluginsDir;
    private PreviewMode preview = PreviewMode.getDefault();
    private int port = 8080;
    private @Nullable Path snapshotDir;
    private long snapshotEveryFrames;
    private boolean sideBySide = true;
    private @Nullable AudioOptions audio;
    private Path sharedMemoryRoot = dev.framebridge.sdk.transport.instance.InstanceDirectory.DEFAULT_ROOT;

    private Builder(Path pluginsDir) {
      this.pluginsDir = Objects.requireNonNull(pluginsDir, "pluginsDir");
    }

    public Builder camera(CameraOptions v) { camera = v; return this; }
    public Builder preview(PreviewMode v) { preview = v; return this; }
    public Builder port(int v) { port = v; return this; }
    public Builder snapshotDir(@Nullable Path v) { snapshotDir = v; return this; }
    public Builder snapshotEveryFrames(long v) { snapshotEveryFrames = v; return this; }
    public Builder sideBySide(boolean v) { sideBySide = v; return this; }
    /** The audio path's options (the CLI's --audio-*); null for no audio. */
    public Builder audio(@Nullable AudioOptions v) { audio = v; return this; }
    public Builder sharedMemoryRoot(Path v) { sharedMemoryRoot = java.util.Objects.requireNonNull(v, "sharedMemoryRoot"); return this; }

    public HostOptions build() {
      return new HostOptions(this);
    }
  }
}
