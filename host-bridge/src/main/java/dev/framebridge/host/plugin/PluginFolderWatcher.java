package dev.framebridge.host.plugin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugins folder with a {@link WatchService} plus a periodic rescan (some file systems drop or never send
 * events), and reports entries only once they have settled: a {@code *.jar} file or a plugin directory whose size and
 * mtime stayed the same for the settle time, so a JAR still being copied is never loaded half-written. An entry that
 * is being rewritten keeps its last settled stamp until its new content settles.
 */
public final class PluginFolderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginFolderWatcher.class);

  private final Path dir;
  private final long rescanNs;
  private final long settleNs;
  private final FolderListener listener;
  private final @Nullable WatchService watch;
  private final Thread thread;
  private final Map<Path, Observation> observed = new HashMap<>();
  private Map<Path, String> lastReported = Map.of();
  private volatile boolean closed;

  private static final class Observation {
    String stamp;
    long sinceNs;
    @Nullable String settled;

    Observation(String stamp, long sinceNs) {
      this.stamp = stamp;
      this.sinceNs = sinceNs;
    }
  }

  private PluginFolderWatcher(Path dir, Duration rescan, Duration settle, FolderListener listener) {
    this.dir = dir;
    this.rescanNs = rescan.toNanos();
    this.settleNs = settle.toNanos();
    this.listener = listener;
    WatchService w = null;
    try {
      w = FileSystems.getDefault().newWatchService();
      dir.register(w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
          StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("cannot watch {} ({}); relying on the periodic rescan", dir, e.toString());
    }
    this.watch = w;
    this.thread = new Thread(this::loop, "plugin-folder-watcher");
    this.thread.setDaemon(true);
  }

  /**
   * Starts watching {@code dir} (created if missing). The first report comes once the entries present have settled.
   */
  public static PluginFolderWatcher start(Path dir, Duration rescan, Duration settle, FolderListener listener)
      throws IOException {
    Files.createDirectories(dir);
    PluginFolderWatcher w = new PluginFolderWatcher(dir, rescan, settle, listener);
    w.thread.start();
    return w;
  }

  private void loop() {
    while (!closed) {
      boolean pending = scan();
      long waitNs = pending ? Math.max(TimeUnit.MILLISECONDS.toNanos(20), settleNs / 4) : rescanNs;
      try {
        if (watch != null) {
          WatchKey key = watch.poll(waitNs, TimeUnit.NANOSECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
          }
        } else {
          TimeUnit.NANOSECONDS.sleep(waitNs); // the polling period of the fallback rescan
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
    }
  }

  /** Scans once; returns whether some entry has not settled yet. */
  private boolean scan() {
    long now = System.nanoTime();
    Map<Path, String> current = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          return;
        }
        if (Files.isDirectory(p) || name.endsWith(".jar")) {
          String stamp = stamp(p);
          if (stamp != null) {
            current.put(p, stamp);
          }
        }
      });
    } catch (IOException e) {
      LOG.warn("cannot list plugins folder {}: {}", dir, e.toString());
      return false;
    }
    observed.keySet().retainAll(current.keySet());
    boolean pending = false;
    Map<Path, String> settled = new TreeMap<>();
    for (Map.Entry<Path, String> e : current.entrySet()) {
      Observation o = observed.get(e.getKey());
      if (o == null) {
        o = new Observation(e.getValue(), now);
        observed.put(e.getKey(), o);
      } else if (!o.stamp.equals(e.getValue())) {
        o.stamp = e.getValue();
        o.sinceNs = now;
      }
      if (!o.stamp.equals(o.settled)) {
        if (now - o.sinceNs >= settleNs) {
          o.settled = o.stamp;
        } else {
          pending = true;
        }
      }
      if (o.settled != null) {
        settled.put(e.getKey(), o.settled);
      }
    }
    if (!settled.equals(lastReported)) {
      lastReported = settled;
      try {
        listener.onSettled(Map.copyOf(settled));
      } catch (RuntimeException e) {
        LOG.warn("plugin folder listener failed", e);
      }
    }
    return pending;
  }

  private static @Nullable String stamp(Path p) {
    try {
      if (!Files.isDirectory(p)) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.size() + ":" + a.lastModifiedTime().toMillis() + ":" + a.lastModifiedTime();
      }
      StringBuilder sb = new StringBuilder("dir");
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(Files::isRegularFile).sorted().forEach(f -> {
          try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            sb.append('|').append(p.relativize(f)).append(':').append(a.size()).append(':')
                .append(a.lastModifiedTime());
          } catch (IOException e) {
            sb.append("|?");
          }
        });
      }
      return sb.toString();
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    if (watch != null) {
      try {
        watch.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
