package dev.framebridge.host.audio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Serves {@code GET /api/audio} for the web preview: the output level at the top level (what the user hears), the
 * input level before the plugin chain under {@code "input"}, and the source's description. Register it on the host's
 * HTTP server: {@code server.route("/api/audio", new AudioLevelHandler(...))}.
 *
 * <pre>{@code
 * {"source":"synthetic tone 1000 Hz at -12.0 dBFS","rmsDbfs":-9.03,"peakDbfs":-6.02,"channels":[...],
 *  "frames":48000,"chunks":100,"timestampUs":990000,"sampleRate":48000,"input":{"rmsDbfs":-15.05,...}}
 * }</pre>
 */
public final class AudioLevelHandler implements HttpHandler {
  private final Supplier<String> sourceDescription;
  private final LevelMeter output;
  private final @Nullable LevelMeter input;

  /**
   * @param sourceDescription what the audio comes from (read on every request, so it may change)
   * @param output the meter after the plugin chain
   * @param input the meter before the plugin chain, or null
   */
  public AudioLevelHandler(Supplier<String> sourceDescription, LevelMeter output, @Nullable LevelMeter input) {
    this.sourceDescription = sourceDescription;
    this.output = output;
    this.input = input;
  }

  /** The JSON document a GET returns. */
  public String toJson() {
    String out = output.getReading().toJson();
    StringBuilder b = new StringBuilder(out.length() + 256);
    b.append("{\"source\":").append(quote(sourceDescription.get())).append(',').append(out, 1, out.length() - 1);
    if (input != null) {
      b.append(",\"input\":").append(input.getReading().toJson());
    }
    return b.append('}').toString();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
      exchange.getResponseHeaders().set("Allow", "GET");
      byte[] body = (method + " not allowed on /api/audio; use GET").getBytes(StandardCharsets.UTF_8);
      respond(exchange, 405, "text/plain; charset=utf-8", body);
      return;
    }
    respond(exchange, 200, "application/json; charset=utf-8", toJson().getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    }
    exchange.close();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
