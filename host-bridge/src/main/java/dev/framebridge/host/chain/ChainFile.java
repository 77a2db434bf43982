package dev.framebridge.host.chain;

import dev.framebridge.spi.settings.Settings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's persisted state, a properties file beside the plugins folder: the order of plugin ids, each plugin's
 * enable flag and its setting values. Values are kept raw (text) and re-validated against the plugin's schema when
 * loaded, so a new plugin version with a different schema keeps what still fits. Written atomically (temp + move).
 *
 * <pre>
 * order=blur,mirror
 * enabled.blur=true
 * setting.blur/radius=8.0
 * setting.blur/key=#00FF00
 * </pre>
 */
final class ChainFile {
  private static final Logger LOG = LoggerFactory.getLogger(ChainFile.class);

  private final Path file;
  private final List<String> order = new ArrayList<>();
  private final Map<String, Boolean> enabled = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();

  ChainFile(Path file) {
    this.file = file;
  }

  /** Loads the file if it exists; a corrupt file is logged once and treated as empty. */
  synchronized void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("{}: cannot read the chain settings ({}); starting with defaults", file, e.toString());
      return;
    }
    String o = p.getProperty("order", "").trim();
    if (!o.isEmpty()) {
      order.addAll(Arrays.asList(o.split("\\s*,\\s*")));
    }
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("enabled.")) {
        enabled.put(key.substring(8), Boolean.parseBoolean(p.getProperty(key)));
      } else if (key.startsWith("setting.")) {
        int slash = key.indexOf('/');
        if (slash > 8) {
          settings.computeIfAbsent(key.substring(8, slash), k -> new LinkedHashMap<>())
              .put(key.substring(slash + 1), p.getProperty(key));
        }
      }
    }
  }

  synchronized List<String> getOrder() {
    return List.copyOf(order);
  }

  synchronized boolean isEnabled(String id) {
    return enabled.getOrDefault(id, true);
  }

  /** The raw persisted settings of a plugin (text values). */
  synchronized Map<String, String> getSettings(String id) {
    return Map.copyOf(settings.getOrDefault(id, Map.of()));
  }

  synchronized void setOrder(List<String> ids) {
    List<String> merged = new ArrayList<>(ids);
    for (String known : order) {
      if (!merged.contains(known)) {
        merged.add(known); // keep the place of plugins that are absent just now
      }
    }
    order.clear();
    order.addAll(merged);
  }

  synchronized void append(String id) {
    if (!order.contains(id)) {
      order.add(id);
    }
  }

  synchronized void setEnabled(String id, boolean on) {
    enabled.put(id, on);
  }

  synchronized void setSettings(String id, Settings values) {
    Map<String, String> raw = new LinkedHashMap<>();
    values.asMap().forEach((k, v) -> raw.put(k, v instanceof Integer ? String.format("#%06X", (Integer) v)
        : String.valueOf(v)));
    settings.put(id, raw);
  }

  /** Writes the file atomically; failure is logged, never thrown (the chain keeps running). */
  synchronized void save() {
    Properties p = new Properties();
    p.setProperty("order", String.join(",", order));
    enabled.forEach((id, on) -> p.setProperty("enabled." + id, String.valueOf(on)));
    settings.forEach((id, values) -> values.forEach((k, v) -> p.setProperty("setting." + id + "/" + k, v)));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Framebridge plugin chain: order, enable flags and settings");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("{}: cannot save the chain settings: {}", file, e.toString());
    }
  }
}
