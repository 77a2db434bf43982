package dev.framebridge.host.sink;

import com.sun.net.httpserver.HttpExchange;
import dev.framebridge.host.http.HostHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The browser preview: registers on the host's {@link HostHttpServer} the page (plain HTML/JS/CSS from this JAR),
 * live MJPEG of output and input, single PNG/JPEG frames, {@code POST /api/snapshot} and {@code GET /api/host} (the
 * host's own metrics). The plugin list, toggles, order and settings use the runtime's {@code /api/*} routes.
 *
 * <pre>
 * GET  /                     the page            GET /stream/output.mjpg, /stream/input.mjpg
 * GET  /frame/output.png     latest output       GET /frame/input.png, /frame/output.jpg, /frame/input.jpg
 * POST /api/snapshot         PNGs into the snapshot directory; answers {"output": path, "input": path}
 * GET  /api/host             camera, fps in/out, latency percentiles, drops (JSON from the host)
 * </pre>
 */
public final class WebPreviewServer implements AutoCloseable {
  private static final String RESOURCES = "/dev/framebridge/host/web/";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml", "png", "image/png");

  private final HostHttpServer server;
  private final PictureStore output;
  private final PictureStore input;
  private final @Nullable SnapshotWriter snapshots;
  private final Supplier<String> hostStatusJson;
  private volatile boolean running = true;

  /**
   * @param snapshots where {@code POST /api/snapshot} writes, or null to answer 409
   * @param hostStatusJson the body of {@code GET /api/host}
   */
  public WebPreviewServer(HostHttpServer server, PictureStore output, PictureStore input,
      @Nullable SnapshotWriter snapshots, double maxStreamFps, Supplier<String> hostStatusJson) {
    this.server = server;
    this.output = output;
    this.input = input;
    this.snapshots = snapshots;
    this.hostStatusJson = hostStatusJson;
    server.route("/", this::serveResource);
    server.route("/stream/output.mjpg", new MjpegStreamHandler(output, maxStreamFps, () -> running));
    server.route("/stream/input.mjpg", new MjpegStreamHandler(input, maxStreamFps, () -> running));
    server.route("/frame/", this::serveFrame);
    server.route("/api/snapshot", this::snapshot);
    server.route("/api/host", ex -> HostHttpServer.sendJson(ex, 200, hostStatusJson.get()));
  }

  /** The page's address. */
  public String getUrl() {
    return server.getBaseUrl() + "/";
  }

  private void serveResource(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/")) {
      path = "/index.html";
    }
    String name = path.substring(1);
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    if (type == null || name.contains("..") || name.contains("/")) {
      HostHttpServer.sendText(ex, 404, "not found: " + path);
      return;
    }
    try (InputStream in = WebPreviewServer.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        HostHttpServer.sendText(ex, 404, "not found: " + path);
        return;
      }
      HostHttpServer.send(ex, 200, type, in.readAllBytes());
    }
  }

  private void serveFrame(HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().substring("/frame/".length());
    PictureStore store = name.startsWith("output.") ? output : name.startsWith("input.") ? input : null;
    boolean png = name.endsWith(".png");
    if (store == null || !(png || name.endsWith(".jpg"))) {
      HostHttpServer.sendText(ex, 404, "frames: /frame/output.png, /frame/input.png, /frame/output.jpg, "
          + "/frame/input.jpg");
      return;
    }
    Picture picture = new Picture();
    if (!store.readInto(picture)) {
      HostHttpServer.sendText(ex, 503, "no " + store.getName() + " frame yet");
      return;
    }
    ex.getResponseHeaders().set("X-Frame-Sequence", Long.toString(picture.getSequence()));
    ex.getResponseHeaders().set("X-Timestamp-Us", Long.toString(picture.getTimestampMicros()));
    try (ImageEncoder encoder = new ImageEncoder(0.9f)) {
      byte[] body = png ? encoder.png(picture.getImage()) : encoder.jpeg(picture.getImage());
      HostHttpServer.send(ex, 200, png ? "image/png" : "image/jpeg", body);
    }
  }

  private void snapshot(HttpExchange ex) throws IOException {
    if (!HostHttpServer.requireMethod(ex, "POST")) {
      return;
    }
    HostHttpServer.readBody(ex);
    SnapshotWriter s = snapshots;
    if (s == null) {
      HostHttpServer.sendJson(ex, 409, "{\"error\":\"snapshots are off (start with --snapshot-dir DIR)\"}");
      return;
    }
    Path out;
    try {
      out = s.request().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      HostHttpServer.sendJson(ex, 500, "{\"error\":" + HostHttpServer.jsonString(String.valueOf(e.getCause())) + "}");
      return;
    }
    if (out == null) {
      HostHttpServer.sendJson(ex, 503, "{\"error\":\"no output frame yet\"}");
      return;
    }
    Path in = out.resolveSibling(out.getFileName().toString().replaceFirst("^output-", "input-"));
    HostHttpServer.sendJson(ex, 200, "{\"output\":" + HostHttpServer.jsonString(out.toAbsolutePath().toString())
        + ",\"input\":" + HostHttpServer.jsonString(in.toAbsolutePath().toString()) + "}");
  }

  /** Ends the live streams and removes the routes. */
  @Override
  public void close() {
    running = false;
    for (String r : new String[] {"/", "/stream/output.mjpg", "/stream/input.mjpg", "/frame/", "/api/snapshot",
        "/api/host"}) {
      server.unroute(r);
    }
  }
}
