package dev.framebridge.host.cli;

import dev.framebridge.host.FramebridgeHost;
import dev.framebridge.host.HostOptions;
import dev.framebridge.host.PreviewMode;
import dev.framebridge.host.audio.AudioOptions;
import dev.framebridge.host.camera.CameraOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code framebridge}: camera in, plugin chain, picture out. Runs until Ctrl-C, the window is closed, or
 * {@code --duration} passes, then shuts down cleanly (workers stopped, shared memory removed) with exit code 0.
 */
@Command(name = "framebridge", mixinStandardHelpOptions = true, versionProvider = FramebridgeCommand.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Camera in, plugin chain, picture out: runs each effect plugin of the plugins folder in its own "
        + "JVM, frames crossing through shared memory, and shows the result.", ""},
    footer = {"", "Examples:", "  framebridge                                   camera (or test pattern), ./plugins, "
        + "window or web preview",
        "  framebridge --camera synthetic --size 1920x1080 --fps 60 --preview web --port 8080",
        "  framebridge --preview none --duration 5 --snapshot-dir snapshots",
        "", "Exit codes: 0 clean shutdown, 1 failure, 2 bad usage."})
public final class FramebridgeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(FramebridgeCommand.class);
  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

  @Option(names = "--camera", paramLabel = "NAME|INDEX|synthetic",
      description = "Camera to open: part of its name, its index, or 'synthetic' for the built-in moving test "
          + "pattern. Default: the first camera found, else the test pattern.")
  @Nullable String camera;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720",
      description = "Requested frame size (default: ${DEFAULT-VALUE}).")
  String size = "1280x720";

  @Option(names = "--fps", paramLabel = "N", defaultValue = "30",
      description = "Requested frames per second (default: ${DEFAULT-VALUE}).")
  double fps = 30;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "Plugins folder, watched for JARs. Default: ./plugins, created and seeded with the example "
          + "plugins on first run.")
  @Nullable Path plugins;

  @Option(names = "--preview", paramLabel = "window|web|none",
      description = "Where to show the output: a window, the web preview on 127.0.0.1, or none. Default: window "
          + "when a display exists, else web.")
  @Nullable String preview;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port of the web preview on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--duration", paramLabel = "S",
      description = "Run for S seconds, then exit cleanly. Default: until Ctrl-C or the window is closed.")
  @Nullable Double duration;

  @Option(names = "--snapshot-dir", paramLabel = "DIR",
      description = "Write PNG snapshots of output and input here (on POST /api/snapshot and, with "
          + "--snapshot-every, periodically).")
  @Nullable Path snapshotDir;

  @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "0",
      description = "With --snapshot-dir: a snapshot every N output frames; 0 for on request only "
          + "(default: ${DEFAULT-VALUE}).")
  long snapshotEvery;

  @Option(names = "--shm-dir", paramLabel = "DIR", defaultValue = "/dev/shm",
      description = "Root of the shared-memory files that carry frames between the host and its plugin JVMs; the host "
          + "makes a private directory per user and instance under it (default: ${DEFAULT-VALUE}).")
  Path shmDir;

  /** --audio-out, --audio-source, --tone-hz, --audio-float: the audio path's options. */
  @Mixin
  AudioOptions audio = new AudioOptions();

  private final PrintStream out;

  FramebridgeCommand(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Parses {@code args}, runs the host, and returns the exit code. */
  public static int run(String[] args, PrintStream out) {
    CommandLine cl = new CommandLine(new FramebridgeCommand(out));
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("framebridge: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      LOG.debug("failure", e);
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    HostOptions options = options();
    CountDownLatch stop = new CountDownLatch(1);
    ShutdownSignals.install(stop::countDown);
    FramebridgeHost host = FramebridgeHost.start(options);
    Thread hook = new Thread(() -> {
      host.close();
      try {
        host.awaitClosed(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "framebridge-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    String url = host.getWebUrl();
    if (url != null) {
      out.println("Web preview: " + url);
      out.flush();
    }
    StatsLine stats = new StatsLine(host, System.console() != null, out);
    try {
      Thread closer = new Thread(() -> {
        try {
          host.awaitClosed();
          stop.countDown();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "framebridge-window-watch");
      closer.setDaemon(true);
      closer.start();
      if (duration != null) {
        stop.await(Math.round(duration * 1000), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
      stats.close(); // ends the live line before the log line below
      LOG.info("shutting down after {} output frames", host.getMetrics().getOutputFrames());
    } finally {
      stats.close();
      host.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or has run: it closes the host
      }
    }
    return 0;
  }

  private HostOptions options() {
    Matcher m = SIZE.matcher(size);
    if (!m.matches()) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--size '" + size + "' is not WxH, e.g. 1280x720");
    }
    CameraOptions cam = CameraOptions.builder().camera(camera)
        .size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).fps(fps).build();
    PreviewMode mode = preview == null ? PreviewMode.getDefault() : parsePreview(preview);
    if (duration != null && !(duration > 0)) {
      throw new IllegalArgumentException("--duration " + duration + " must be > 0 seconds");
    }
    Path pluginsDir = plugins;
    if (pluginsDir == null) {
      pluginsDir = Path.of("plugins");
      String home = System.getProperty("framebridge.home");
      PluginFolderSeed.seedIfMissing(pluginsDir,
          home == null ? null : Path.of(home, "plugins-example", "target", "plugins"));
    }
    return HostOptions.builder(pluginsDir).camera(cam).preview(mode).port(port).snapshotDir(snapshotDir)
        .snapshotEveryFrames(snapshotEvery).audio(audio).sharedMemoryRoot(shmDir).build();
  }

  private PreviewMode parsePreview(String value) {
    try {
      return PreviewMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--preview '" + value + "' is not one of window, web, none");
    }
  }

  /** The version line of {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FramebridgeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"framebridge " + (v == null ? "(development build)" : v)};
    }
  }
}
