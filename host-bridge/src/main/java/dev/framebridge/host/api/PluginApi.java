package dev.framebridge.host.api;

import com.sun.net.httpserver.HttpExchange;
import dev.framebridge.host.chain.ChainStatus;
import dev.framebridge.host.chain.PluginChain;
import dev.framebridge.host.chain.PluginStatus;
import dev.framebridge.host.http.HostHttpServer;
import dev.framebridge.spi.settings.SettingField;
import dev.framebridge.spi.settings.SettingType;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The plugin chain's JSON API on the host's HTTP server (see docs/api.md): {@code GET /api/status}, and under
 * {@code /api/plugins/<id>/}: {@code GET settings} (schema + values), {@code POST settings}, {@code POST enabled},
 * {@code POST enable}, {@code POST disable}, {@code POST move}. Bad input answers 400 and an unknown plugin 404, each
 * with {@code {"error": "..."}}; nothing a client sends can stop the chain.
 *
 * <p>With an audio chain, the status lists its plugins too (each plugin has a {@code "kind"}: "video" or "audio";
 * {@code "audioOrder"} is the audio chain's order), and the per-plugin routes act on every chain that holds the id.
 */
public final class PluginApi {
  private final PluginChain chain;
  private final Supplier<@Nullable CameraInfo> camera;
  private final Supplier<@Nullable PluginChain> audioChain;

  private PluginApi(PluginChain chain, Supplier<@Nullable CameraInfo> camera,
      Supplier<@Nullable PluginChain> audioChain) {
    this.chain = chain;
    this.camera = camera;
    this.audioChain = audioChain;
  }

  /** Registers the routes on {@code server}; {@code camera} is asked on every status request (null: not open yet). */
  public static PluginApi register(HostHttpServer server, PluginChain chain, Supplier<@Nullable CameraInfo> camera) {
    return register(server, chain, camera, () -> null);
  }

  /**
   * Registers the routes for a video chain and the audio chain {@code audioChain} returns (asked on every request;
   * null while audio is off or not started).
   */
  public static PluginApi register(HostHttpServer server, PluginChain chain, Supplier<@Nullable CameraInfo> camera,
      Supplier<@Nullable PluginChain> audioChain) {
    PluginApi api = new PluginApi(chain, camera, audioChain);
    server.route("/api/status", api::status);
    server.route("/api/plugins/", api::plugin);
    return api;
  }

  /** The body of {@code GET /api/status}. */
  public String statusJson() {
    ChainStatus s = chain.getStatus();
    Map<String, Object> root = new LinkedHashMap<>();
    CameraInfo c = camera.get();
    if (c != null) {
      Map<String, Object> cam = new LinkedHashMap<>();
      cam.put("name", c.getName());
      cam.put("width", c.getWidth());
      cam.put("height", c.getHeight());
      cam.put("fps", c.getFps());
      root.put("camera", cam);
    } else {
      root.put("camera", null);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("frames", s.getOutputFrames());
    out.put("fps", s.getOutputFps());
    out.put("maxGapMs", s.getMaxGapMs());
    root.put("output", out);
    List<Object> plugins = new ArrayList<>();
    List<PluginStatus> all = new ArrayList<>(s.getPlugins());
    PluginChain audio = audioChain.get();
    if (audio != null) {
      all.addAll(audio.getStatus().getPlugins());
    }
    for (PluginStatus p : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.getId());
      m.put("kind", p.getKind().getWebName());
      m.put("version", p.getVersion());
      m.put("jar", p.getJar());
      m.put("state", p.getState().getWebName());
      m.put("pid", p.getPid());
      m.put("restarts", p.getRestarts());
      m.put("lastError", p.getLastError());
      m.put("fps", p.getFps());
      m.put("p50Us", p.getP50Us());
      m.put("p99Us", p.getP99Us());
      m.put("dropped", p.getDropped());
      m.put("enabled", p.isEnabled());
      m.put("position", p.getPosition());
      plugins.add(m);
    }
    root.put("plugins", plugins);
    root.put("order", chain.getOrder());
    if (audio != null) {
      root.put("audioOrder", audio.getOrder());
    }
    return Json.write(root);
  }

  private void status(HttpExchange ex) throws IOException {
    if (HostHttpServer.requireMethod(ex, "GET")) {
      HostHttpServer.sendJson(ex, 200, statusJson());
    }
  }

  private void plugin(HttpExchange ex) throws IOException {
    String rest = ex.getRequestURI().getRawPath().substring("/api/plugins/".length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      error(ex, 404, "expected /api/plugins/<id>/<settings|enabled|enable|disable|move>");
      return;
    }
    String id = URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8);
    String action = rest.substring(slash + 1);
    String method = ex.getRequestMethod();
    List<PluginChain> holders = new ArrayList<>();
    PluginChain audio = audioChain.get();
    if (chain.getOrder().contains(id)) {
      holders.add(chain);
    }
    if (audio != null && audio.getOrder().contains(id)) {
      holders.add(audio);
    }
    try {
      if (holders.isEmpty()) {
        error(ex, 404, "no plugin '" + id + "' in the chain (have " + chain.getOrder()
            + (audio == null ? "" : ", audio " + audio.getOrder()) + ")");
        return;
      }
      PluginChain chain = holders.get(0);
      if (action.equals("settings") && method.equals("GET")) {
        HostHttpServer.sendJson(ex, 200, Json.write(settingsDocument(id, chain.getSettings(id))));
      } else if (action.equals("settings") && method.equals("POST")) {
        Map<String, Object> changes = object(ex);
        Settings s = chain.updateSettings(id, changes);
        for (PluginChain other : holders.subList(1, holders.size())) {
          other.updateSettings(id, changes);
        }
        HostHttpServer.sendJson(ex, 200, Json.write(settingsDocument(id, s)));
      } else if ((action.equals("enabled") || action.equals("enable") || action.equals("disable"))
          && method.equals("POST")) {
        boolean on;
        if (action.equals("enabled")) {
          Object v = object(ex).get("enabled");
          if (!(v instanceof Boolean)) {
            error(ex, 400, "body must be {\"enabled\": true|false}");
            return;
          }
          on = (Boolean) v;
        } else {
          on = action.equals("enable");
        }
        for (PluginChain c : holders) {
          c.setEnabled(id, on);
        }
        HostHttpServer.sendJson(ex, 200, Json.write(Map.of("id", id, "enabled", on)));
      } else if (action.equals("move") && method.equals("POST")) {
        Object v = object(ex).get("index");
        if (!(v instanceof Number) || ((Number) v).doubleValue() != Math.rint(((Number) v).doubleValue())) {
          error(ex, 400, "body must be {\"index\": <integer position, 0 first>}");
          return;
        }
        chain.move(id, ((Number) v).intValue());
        HostHttpServer.sendJson(ex, 200, Json.write(Map.of("order", chain.getOrder())));
      } else {
        error(ex, 405, method + " /api/plugins/" + id + "/" + action + " is not supported");
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      error(ex, e.getMessage() != null && e.getMessage().startsWith("no plugin '") ? 404 : 400,
          String.valueOf(e.getMessage()));
    }
  }

  private static Map<String, Object> object(HttpExchange ex) throws IOException {
    String body = HostHttpServer.readBody(ex);
    Object v = Json.parse(body.isBlank() ? "{}" : body);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("the request body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return m;
  }

  /** {"id", "schema": {"fields": [...]}, "values": {...}}: what the web preview builds its form from. */
  public Map<String, Object> settingsDocument(String id, Settings values) {
    PluginChain audio = audioChain.get();
    PluginChain holder = audio != null && !chain.getOrder().contains(id) ? audio : chain;
    SettingsSchema schema = holder.getSettingsSchema(id);
    List<Object> fields = new ArrayList<>();
    for (SettingField f : schema.getFields()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", f.getKey());
      m.put("label", f.getLabel());
      m.put("type", f.getType().name().toLowerCase(java.util.Locale.ROOT));
      m.put("defaultValue", jsonValue(f, f.getDefaultValue()));
      if (f.getType() == SettingType.NUMBER) {
        m.put("min", f.getMin());
        m.put("max", f.getMax());
        m.put("step", f.getStep());
      }
      if (f.getType() == SettingType.CHOICE) {
        m.put("choices", f.getChoices());
      }
      m.put("description", f.getDescription());
      fields.add(m);
    }
    Map<String, Object> vals = new LinkedHashMap<>();
    for (SettingField f : schema.getFields()) {
      vals.put(f.getKey(), jsonValue(f, values.asMap().get(f.getKey())));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", id);
    doc.put("schema", Map.of("fields", fields));
    doc.put("values", vals);
    return doc;
  }

  /** Colours travel as "#RRGGBB" (what an HTML colour input takes). */
  private static @Nullable Object jsonValue(SettingField f, @Nullable Object v) {
    if (f.getType() == SettingType.COLOR && v instanceof Integer) {
      return String.format("#%06X", (Integer) v);
    }
    return v;
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    HostHttpServer.sendJson(ex, status, Json.write(Map.of("error", message)));
  }
}
