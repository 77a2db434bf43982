package dev.framebridge.host;

import dev.framebridge.host.audio.AudioOptions;
import dev.framebridge.host.audio.AudioPipeline;
import dev.framebridge.host.audio.AudioTrackChain;
import dev.framebridge.host.api.CameraInfo;
import dev.framebridge.host.api.PluginApi;
import dev.framebridge.host.camera.CameraCapture;
import dev.framebridge.host.camera.CameraOutput;
import dev.framebridge.host.camera.CameraTrack;
import dev.framebridge.host.chain.ChainOptions;
import dev.framebridge.host.chain.ChainStatus;
import dev.framebridge.host.chain.PluginChain;
import dev.framebridge.host.chain.PluginState;
import dev.framebridge.host.chain.PluginStatus;
import dev.framebridge.host.camera.CaptureClock;
import dev.framebridge.host.http.HostHttpServer;
import dev.framebridge.host.sink.PictureStore;
import dev.framebridge.host.sink.PreviewWindow;
import dev.framebridge.host.sink.SnapshotWriter;
import dev.framebridge.host.sink.WebPreviewServer;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.VideoFrame;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host: camera → camera track → plugin chain → output track → display sinks, with the HTTP server for the web
 * preview and the plugin API. {@link #start} brings everything up; {@link #close} takes it down in reverse order
 * (sinks, chain and its workers, camera, server) and is safe to call more than once and from a shutdown hook.
 */
public final class FramebridgeHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FramebridgeHost.class);

  private final HostOptions options;
  private final CaptureClock clock = new CaptureClock();
  private final HostMetrics metrics = new HostMetrics(clock);
  private final PictureStore inputStore = new PictureStore("input");
  private final PictureStore outputStore = new PictureStore("output");
  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "framebridge-metrics");
    t.setDaemon(true);
    return t;
  });
  private @Nullable CameraCapture camera;
  private @Nullable AudioPipeline audio;
  private @Nullable CameraTrack cameraTrack;
  private @Nullable PluginChain chain;
  private volatile @Nullable PluginChain audioChain;
  private @Nullable TrackReader outputReader;
  private @Nullable HostHttpServer server;
  private @Nullable WebPreviewServer web;
  private @Nullable SnapshotWriter snapshots;
  private volatile boolean closing;
  private final java.util.Map<String, Long> lastPluginDrops = new java.util.HashMap<>();
  private long carriedPluginDrops;

  private FramebridgeHost(HostOptions options) {
    this.options = options;
  }

  /** Starts a host; on failure everything already started is closed and the cause is thrown. */
  public static FramebridgeHost start(HostOptions options) {
    FramebridgeHost host = new FramebridgeHost(options);
    try {
      host.startAll();
      return host;
    } catch (RuntimeException | Error e) {
      host.close();
      throw e;
    }
  }

  private static void mark(String step) {
    LOG.debug("startup: {} at {} ms after JVM start", step,
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
  }

  private void startAll() {
    mark("host start");
    ticker.scheduleAtFixedRate(metrics::roll, 1, 1, TimeUnit.SECONDS);
    if (options.getSnapshotDir() != null) {
      snapshots = push(new SnapshotWriter(options.getSnapshotDir(), outputStore, inputStore,
          options.getSnapshotEveryFrames()));
    }
    if (options.getPreview() == PreviewMode.WEB) {
      server = push(HostHttpServer.start(options.getPort()));
      web = push(new WebPreviewServer(server, outputStore, inputStore, snapshots, 30, this::statusJson));
    }
    // Close order is the reverse of this: camera first (no new frames), then the output reader, the chain and its
    // workers, then the camera track, then the sinks and the server.
    mark("sinks ready");
    CameraTrack track = push(new CameraTrack("camera"));
    cameraTrack = track;
    // Opening the camera (device lookup, font loading for the test pattern) overlaps the chain's start; frames
    // written before the chain reads the track are simply not seen by it.
    CompletableFuture<CameraCapture> opening = CompletableFuture.supplyAsync(
        () -> CameraCapture.start(options.getCamera(), clock, new CameraOutput() {
          @Override
          public ByteBuffer frameMemory(int bytes) {
            return track.frameMemory(bytes);
          }

          @Override
          public void onFrame(ByteBuffer rgba, int width, int height, long timestampMicros) {
            inputStore.publish(rgba, width, height, timestampMicros);
            metrics.onInputFrame();
            track.onFrame(rgba, width, height, timestampMicros);
          }

          @Override
          public void onMuted(boolean muted) {
            track.onMuted(muted);
          }
        }), runnable -> new Thread(runnable, "framebridge-camera-open").start());
    try {
      ChainOptions.Builder chainOptions = ChainOptions.builder(options.getPluginsDir())
          .sharedMemoryRoot(options.getSharedMemoryRoot());
      List<Path> workerClasspath = launcherWorkerClasspath();
      if (workerClasspath != null) {
        chainOptions.workerClasspath(workerClasspath);
      }
      PluginChain ch = push(PluginChain.start(track.getTrack(), chainOptions.build()));
      chain = ch;
      outputReader = push(new TrackReader(ch.getOutput(), "framebridge-output", this::onOutputFrame));
      HostHttpServer srv = server;
      if (srv != null) {
        PluginApi.register(srv, ch, this::cameraInfo, () -> audioChain);
      }
      mark("chain started");
    } catch (RuntimeException | Error e) {
      opening.thenAccept(CameraCapture::close);
      throw e;
    }
    try {
      camera = push(opening.join());
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : e;
    }
    mark("camera open");
    startAudio();
    if (options.getPreview() == PreviewMode.WINDOW) {
      push(PreviewWindow.open("Framebridge — " + camera.getCameraName(), outputStore,
          options.isSideBySide() ? inputStore : null, Math.min(60, options.getCamera().getFps()), this::close));
      LOG.info("preview window open{}", options.isSideBySide() ? " (input | output)" : "");
    }
    if (web != null) {
      LOG.info("web preview on {}", web.getUrl());
    }
  }

  /**
   * The audio path, on the camera's clock so audio and video timestamps compare directly. Its plugins are the audio
   * plugins of the same folder (getTrackKinds() contains AUDIO), each in a supervised worker JVM, in a chain of
   * their own (order and settings in {@code <plugins>-audio-chain.properties}).
   */
  private void startAudio() {
    AudioOptions audioOptions = options.getAudio();
    if (audioOptions == null) {
      return;
    }
    ChainOptions.Builder audioOptionsOfChain = ChainOptions.builder(options.getPluginsDir())
        .trackKind(TrackKind.AUDIO).sharedMemoryRoot(options.getSharedMemoryRoot());
    List<Path> workerClasspath = launcherWorkerClasspath();
    if (workerClasspath != null) {
      audioOptionsOfChain.workerClasspath(workerClasspath);
    }
    ChainOptions chainOptions = audioOptionsOfChain.build();
    AudioTrackChain runtimeChain = input -> {
      PluginChain c = push(PluginChain.start(input, chainOptions));
      audioChain = c;
      return c.getOutput();
    };
    AudioPipeline a = audioOptions.start(dev.framebridge.host.clock.CaptureClock.startingAt(clock.getStartNanos()),
        runtimeChain);
    if (a != null) {
      audio = push(a);
      HostHttpServer s = server;
      if (s != null) {
        s.route("/api/audio", a.getLevelHandler());
      }
      mark("audio started");
    }
  }

  /**
   * Under bin/framebridge every JAR lives in host-bridge/target/lib: workers get all of them except the host's own
   * JAR. Elsewhere (tests, IDEs) null lets the runtime derive the classpath.
   */
  private static @Nullable List<Path> launcherWorkerClasspath() {
    if (System.getProperty("framebridge.home") == null) {
      return null;
    }
    List<Path> cp = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank() && !Path.of(entry).getFileName().toString().startsWith("framebridge-host-bridge")) {
        cp.add(Path.of(entry).toAbsolutePath());
      }
    }
    return cp;
  }

  /** The end of the chain: one program-output frame, owned here. */
  private void onOutputFrame(VideoFrame frame) {
    try {
      outputStore.publish(frame);
      boolean first = metrics.getOutputFrames() == 0;
      metrics.onOutputFrame(frame.getTimestamp());
      if (first) {
        LOG.info("first output frame {} ms after JVM start", metrics.getFirstOutputJvmUptimeMs());
      }
    } finally {
      frame.close();
    }
    SnapshotWriter s = snapshots;
    if (s != null) {
      s.onOutputFrame(outputStore.getSequence());
    }
  }

  private <T extends AutoCloseable> T push(T closeable) {
    closeables.push(closeable);
    return closeable;
  }

  public HostMetrics getMetrics() {
    return metrics;
  }

  public CaptureClock getClock() {
    return clock;
  }

  public PictureStore getOutputStore() {
    return outputStore;
  }

  public PictureStore getInputStore() {
    return inputStore;
  }

  /** The web preview's address, or null when the preview is not the web one. */
  public @Nullable String getWebUrl() {
    WebPreviewServer w = web;
    return w == null ? null : w.getUrl();
  }

  /** The camera in use (null only while starting). */
  public @Nullable CameraCapture getCamera() {
    return camera;
  }

  /** The audio path, or null when audio is off. */
  public @Nullable AudioPipeline getAudio() {
    return audio;
  }

  /** The camera track feeding the chain (null only while starting); muted while the device is lost. */
  public @Nullable MediaStreamTrack getCameraTrack() {
    CameraTrack t = cameraTrack;
    return t == null ? null : t.getTrack();
  }

  /** The audio plugin chain, or null when audio is off (or while starting). */
  public @Nullable PluginChain getAudioChain() {
    return audioChain;
  }

  /** The plugin chain (null only while starting). */
  public @Nullable PluginChain getChain() {
    return chain;
  }

  /** Number of plugins whose worker is transforming frames now, video and audio. */
  public int getRunningPlugins() {
    int n = 0;
    for (PluginChain c : new PluginChain[] {chain, audioChain}) {
      if (c == null) {
        continue;
      }
      for (PluginStatus p : c.getStatus().getPlugins()) {
        n += p.getState() == PluginState.RUNNING ? 1 : 0;
      }
    }
    return n;
  }


  /** Frames dropped anywhere on the path: camera pacing, each plugin, and the display side. */
  public long getDrops() {
    long drops = 0;
    CameraCapture c = camera;
    if (c != null) {
      drops += c.getSyntheticDevice().getSkippedFrames();
    }
    TrackReader f = outputReader;
    if (f != null) {
      drops += f.getDroppedFrames();
    }
    PluginChain ch = chain;
    if (ch != null) {
      drops += pluginDrops(ch.getStatus());
    }
    return drops;
  }

  /**
   * Sum of every plugin's drops since the host started. A plugin's count restarts with its worker, so a count that
   * goes down is carried over: the total never decreases.
   */
  private synchronized long pluginDrops(ChainStatus status) {
    for (PluginStatus p : status.getPlugins()) {
      Long last = lastPluginDrops.put(p.getId(), p.getDropped());
      if (last != null && p.getDropped() < last) {
        carriedPluginDrops += last;
      }
    }
    long sum = carriedPluginDrops;
    for (long d : lastPluginDrops.values()) {
      sum += d;
    }
    return sum;
  }

  /** Blocks until {@link #close} has completed (for example after the window was closed). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Like {@link #awaitClosed()} with a timeout; true if closed. */
  public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
    return closed.await(timeout, unit);
  }

  private @Nullable CameraInfo cameraInfo() {
    CameraCapture c = camera;
    return c == null ? null : new CameraInfo(c.getCameraName(), c.getWidth(), c.getHeight(), c.getFps());
  }

  /** The body of {@code GET /api/host}. */
  String statusJson() {
    CameraCapture c = camera;
    StringBuilder b = new StringBuilder(400).append('{');
    if (c != null) {
      b.append("\"camera\":{\"name\":").append(HostHttpServer.jsonString(c.getCameraName()))
          .append(",\"synthetic\":").append(c.isSynthetic())
          .append(",\"width\":").append(c.getWidth()).append(",\"height\":").append(c.getHeight())
          .append(",\"fps\":").append(num(c.getFps())).append(",\"muted\":").append(c.isMuted()).append("},");
    }
    b.append("\"input\":{\"frames\":").append(metrics.getInputFrames()).append(",\"fps\":")
        .append(num(metrics.getInputFps())).append("},")
        .append("\"output\":{\"frames\":").append(metrics.getOutputFrames()).append(",\"fps\":")
        .append(num(metrics.getOutputFps())).append("},")
        .append("\"latencyMs\":{\"p50\":").append(num(metrics.getLatencyMs(50)))
        .append(",\"p95\":").append(num(metrics.getLatencyMs(95)))
        .append(",\"p99\":").append(num(metrics.getLatencyMs(99)))
        .append(",\"max\":").append(num(metrics.getMaxLatencyMs())).append("},")
        .append("\"drops\":").append(getDrops())
        .append(",\"pluginsRunning\":").append(getRunningPlugins())
        .append(",\"firstOutputMs\":").append(num(metrics.getFirstOutputMs()))
        .append(",\"firstOutputJvmUptimeMs\":").append(metrics.getFirstOutputJvmUptimeMs())
        .append(",\"timestampUs\":").append(clock.nowMicros());
    SnapshotWriter s = snapshots;
    if (s != null) {
      b.append(",\"snapshots\":{\"dir\":").append(HostHttpServer.jsonString(s.getDirectory().toAbsolutePath()
          .toString())).append(",\"written\":").append(s.getWritten()).append('}');
    }
    return b.append('}').toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "null";
  }

  /** Stops everything this host started, newest first; exceptions are logged, never thrown. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    try {
      while (!closeables.isEmpty()) {
        AutoCloseable c = closeables.pop();
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
      }
      ticker.shutdownNow();
    } finally {
      closed.countDown();
    }
  }
}
