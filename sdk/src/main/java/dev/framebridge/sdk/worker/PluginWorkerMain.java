package dev.framebridge.sdk.worker;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of a plugin worker JVM. The control channel is this process's stdin/stdout (see
 * {@link ControlCodec}); before any plugin code runs, {@code System.out} is pointed at stderr so a plugin's prints
 * cannot corrupt it.
 *
 * <p>The worker exits by itself when its host dies: stdin reaches EOF, the parent process exits
 * ({@link ProcessHandle#onExit}), or no PING arrives within the heartbeat timeout — whichever comes first.
 *
 * <p>Exit codes: 0 stopped or input ended, 2 host gone, 3 out of memory, 4 plugin fault, 5 bad start.
 */
public final class PluginWorkerMain {
  static final int EXIT_HOST_GONE = 2;
  static final int EXIT_OUT_OF_MEMORY = 3;
  static final int EXIT_PLUGIN_FAULT = 4;
  static final int EXIT_BAD_START = 5;

  private final OutputStream control;
  private volatile long lastPingNs = System.nanoTime();
  private volatile @Nullable WorkerFrameLoop loop;
  private volatile @Nullable Settings latestSettings;

  /**
   * Ctrl-C in a terminal interrupts the whole foreground process group, workers included; a worker that died of it
   * would look like a crash to a host that is shutting down in order (and be restarted). The host stops its workers
   * itself, and a host that dies is noticed through the control pipe and the parent watch above.
   */
  private static void ignoreTerminalInterrupt() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no SIGINT on this platform: nothing to ignore
    }
  }

  private PluginWorkerMain(OutputStream control) {
    this.control = control;
  }

  public static void main(String[] args) {
    OutputStream control = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(EXIT_HOST_GONE)));
    ignoreTerminalInterrupt();
    int code;
    try {
      code = new PluginWorkerMain(control).run(new BufferedInputStream(System.in));
    } catch (OutOfMemoryError e) {
      code = EXIT_OUT_OF_MEMORY;
    }
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }

  private int run(InputStream in) {
    ControlMessage init;
    try {
      init = ControlCodec.read(in);
    } catch (IOException e) {
      return EXIT_HOST_GONE;
    }
    if (init == null || init.getType() != ControlMessageType.INIT) {
      return EXIT_HOST_GONE;
    }
    String pluginId = init.getString("pluginId");
    long heartbeatMs = init.getLong("heartbeatMs", 100);
    long timeoutMs = init.getLong("timeoutMs", 3000);
    // a host that predates audio workers sends no kind: video
    TrackKind kind = TrackKind.fromWebName(init.getString("kind", TrackKind.VIDEO.getWebName()));

    FramebridgePlugin plugin;
    SettingsSchema schema;
    Settings settings;
    FrameTransform<? extends MediaFrame> transform;
    try {
      plugin = findPlugin(pluginId);
      send(ControlMessage.of(ControlMessageType.HELLO).with("protocol", ControlCodec.PROTOCOL_VERSION)
          .with("id", plugin.getId()).with("version", plugin.getVersion())
          .with("spiVersion", plugin.getSpiVersion().toString()));
      if (!plugin.getSpiVersion().isSupportedBy(SpiVersion.current())) {
        return fail(EXIT_BAD_START, "SPI version " + plugin.getSpiVersion() + " is not supported by the host's SPI "
            + SpiVersion.current());
      }
      schema = plugin.getSettingsSchema();
      settings = schema.resolve(init.getMap("settings"));
      if (!plugin.getTrackKinds().contains(kind)) {
        return fail(EXIT_BAD_START, "plugin '" + pluginId + "' does not transform " + kind.getWebName()
            + " tracks (getTrackKinds() is " + plugin.getTrackKinds() + ")");
      }
      transform = kind == TrackKind.AUDIO ? plugin.createAudioTransform(settings)
          : plugin.createVideoTransform(settings);
    } catch (Exception | LinkageError e) {
      return fail(EXIT_BAD_START, "plugin '" + pluginId + "' failed to start: " + WorkerFrameLoop.describe(e));
    }

    Thread reader = daemon("control-reader", () -> readControl(in, schema));
    reader.start();
    Thread heartbeat = daemon("heartbeat", () -> heartbeat(heartbeatMs, timeoutMs));

    try (WorkerIo io = WorkerIos.open(init, kind)) {
      WorkerFrameLoop l = new WorkerFrameLoop(io, kind, transform);
      loop = l;
      Settings early = latestSettings;
      if (early != null) {
        l.offerSettings(early);
      }
      heartbeat.start();
      send(ControlMessage.of(ControlMessageType.READY).with("outputHandle", io.getOutputHandle()));
      l.run();
      return 0;
    } catch (WorkerFrameLoop.TransformFault e) {
      return fail(EXIT_PLUGIN_FAULT, e.getMessage());
    } catch (OutOfMemoryError e) {
      loop = null;
      return fail(EXIT_OUT_OF_MEMORY, "out of memory (heap cap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB): " + e.getMessage());
    } catch (Exception | LinkageError e) {
      return fail(EXIT_BAD_START, "worker failed: " + WorkerFrameLoop.describe(e));
    }
  }

  private static FramebridgePlugin findPlugin(String pluginId) {
    FramebridgePlugin first = null;
    for (FramebridgePlugin p : ServiceLoader.load(FramebridgePlugin.class)) {
      if (p.getId().equals(pluginId)) {
        return p;
      }
      if (first == null) {
        first = p;
      }
    }
    if (first == null) {
      throw new IllegalStateException("no provider of " + FramebridgePlugin.class.getName() + " on the classpath");
    }
    throw new IllegalStateException("no provider with id '" + pluginId + "' (found '" + first.getId() + "')");
  }

  private void readControl(InputStream in, SettingsSchema schema) {
    try {
      ControlMessage m;
      while ((m = ControlCodec.read(in)) != null) {
        switch (m.getType()) {
          case PING:
            lastPingNs = System.nanoTime();
            break;
          case SETTINGS:
            Settings settings = schema.resolve(m.getMap("settings"));
            latestSettings = settings;
            WorkerFrameLoop l = loop;
            if (l != null) {
              l.offerSettings(settings);
            }
            break;
          case STOP:
            WorkerFrameLoop s = loop;
            if (s == null) {
              Runtime.getRuntime().halt(0);
            } else {
              s.requestStop();
              // a transform stuck in a call must not keep a stopping worker alive
              daemon("stop-deadline", () -> sleepThenHalt(2000, 0)).start();
            }
            break;
          default:
            break;
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("framebridge worker: control channel failed: " + e);
    }
    // stdin closed: the host is gone or has dropped us
    Runtime.getRuntime().halt(EXIT_HOST_GONE);
  }

  private void heartbeat(long intervalMs, long timeoutMs) {
    while (true) {
      try {
        TimeUnit.MILLISECONDS.sleep(intervalMs); // a pacing period, not synchronisation
      } catch (InterruptedException e) {
        return;
      }
      if (System.nanoTime() - lastPingNs > TimeUnit.MILLISECONDS.toNanos(timeoutMs)) {
        System.err.println("framebridge worker: no PING from the host for " + timeoutMs + " ms, exiting");
        Runtime.getRuntime().halt(EXIT_HOST_GONE);
      }
      WorkerFrameLoop l = loop;
      if (l == null) {
        continue;
      }
      Histogram h = l.sampleTransformUs();
      send(ControlMessage.of(ControlMessageType.HEARTBEAT).with("framesIn", l.getFramesIn())
          .with("framesOut", l.getFramesOut()).with("p50Us", h.getTotalCount() == 0 ? 0L : h.getValueAtPercentile(50))
          .with("p99Us", h.getTotalCount() == 0 ? 0L : h.getValueAtPercentile(99)).with("busyNs", l.getBusyNs())
          .with("count", h.getTotalCount()).with("dropped", l.getDropped())
          .with("framesDone", l.getFramesDone()));
    }
  }

  private int fail(int code, String reason) {
    System.err.println("framebridge worker: " + reason);
    send(ControlMessage.of(ControlMessageType.FAILURE).with("reason", reason).with("exitCode", code));
    return code;
  }

  private void send(ControlMessage m) {
    synchronized (control) {
      try {
        ControlCodec.write(control, m);
      } catch (IOException e) {
        Runtime.getRuntime().halt(EXIT_HOST_GONE);
      }
    }
  }

  private static void sleepThenHalt(long ms, int code) {
    try {
      Thread.sleep(ms); // a deadline, not synchronisation
    } catch (InterruptedException ignored) {
      // halt anyway
    }
    Runtime.getRuntime().halt(code);
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, "framebridge-worker-" + name);
    t.setDaemon(true);
    return t;
  }
}
