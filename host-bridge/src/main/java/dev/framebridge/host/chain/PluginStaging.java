package dev.framebridge.host.chain;

import dev.framebridge.host.plugin.PluginJar;
import dev.framebridge.host.plugin.PluginJarException;
import dev.framebridge.host.plugin.PluginJarValidator;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private copies of plugin JARs: a worker runs (and the validator checks) a copy, so a JAR overwritten in place in
 * the plugins folder never changes under a running JVM, which reads classes lazily from it.
 */
final class PluginStaging implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginStaging.class);

  private static final String PREFIX = "framebridge-plugins-";

  private final Path root;
  private final AtomicInteger serial = new AtomicInteger();

  PluginStaging() throws IOException {
    reclaimDeadHosts();
    this.root = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
  }

  /** Deletes staging directories of hosts that died without closing their chain (kill -9). */
  private static void reclaimDeadHosts() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> s = Files.list(tmp)) {
      s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).forEach(p -> {
        String[] parts = p.getFileName().toString().substring(PREFIX.length()).split("-", 2);
        try {
          long pid = Long.parseLong(parts[0]);
          if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
            deleteTree(p);
          }
        } catch (NumberFormatException ignored) {
          // not one of ours
        }
      });
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", tmp, e.toString());
    }
  }

  /**
   * Copies {@code entry} (a JAR or a plugin directory) and validates the copy.
   *
   * @throws PluginJarException naming the original entry
   */
  PluginJar stageAndValidate(Path entry, PluginJarValidator validator) throws IOException, PluginJarException {
    Path dir = root.resolve(String.valueOf(serial.incrementAndGet()));
    Files.createDirectories(dir);
    Path copy = dir.resolve(entry.getFileName().toString());
    copy(entry, copy);
    try {
      return validator.validate(copy);
    } catch (PluginJarException e) {
      deleteTree(dir);
      throw new PluginJarException(entry, e.getReason());
    }
  }

  /** Deletes the staged copy of a JAR no longer used. */
  void discard(PluginJar jar) {
    Path parent = jar.getSource().getParent();
    if (parent != null && parent.startsWith(root)) {
      deleteTree(parent);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    try {
      InstanceDirectory.deleteRecursively(dir);
    } catch (IOException e) {
      LOG.debug("cannot delete staged plugin {}: {}", dir, e.toString());
    }
  }

  @Override
  public void close() {
    deleteTree(root);
  }
}
