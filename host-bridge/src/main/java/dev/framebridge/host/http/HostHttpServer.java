package dev.framebridge.host.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's HTTP server: the JDK's {@code com.sun.net.httpserver} bound to the loopback address only, so a preview
 * never reaches the network. Components register handlers by path prefix with {@link #route}; the longest matching
 * prefix wins (the JDK's own rule). Handlers run on a small cached pool, so a long-lived MJPEG stream does not block
 * the JSON API.
 *
 * <pre>{@code
 * try (HostHttpServer server = HostHttpServer.start(0)) {
 *   server.route("/api/hello", ex -> HostHttpServer.sendJson(ex, 200, "{\"hello\":true}"));
 *   System.out.println("http://127.0.0.1:" + server.getPort() + "/api/hello");
 * }
 * }</pre>
 */
public final class HostHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HostHttpServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final java.util.Set<String> routes = new java.util.HashSet<>();

  private HostHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving.
   *
   * @throws UncheckedIOException if the port cannot be bound, naming the port
   */
  public static HostHttpServer start(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "framebridge-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    HostHttpServer s = new HostHttpServer(server, executor);
    LOG.debug("HTTP server on http://127.0.0.1:{}/", s.getPort());
    return s;
  }

  /** The bound port (the chosen one when started with 0). */
  public int getPort() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>} without a trailing slash. */
  public String getBaseUrl() {
    return "http://127.0.0.1:" + getPort();
  }

  /**
   * Serves every request whose path starts with {@code pathPrefix} with {@code handler}. An exception thrown by the
   * handler becomes a 500 with its message, and is logged; it never stops the server.
   *
   * @throws IllegalArgumentException if the prefix does not start with '/' or is already routed
   */
  public HostHttpServer route(String pathPrefix, HttpHandler handler) {
    if (!pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException("path prefix '" + pathPrefix + "' must start with '/'");
    }
    HttpHandler guarded = exchange -> {
      try {
        handler.handle(exchange);
      } catch (IOException e) {
        LOG.debug("{} {}: client went away ({})", exchange.getRequestMethod(), exchange.getRequestURI(),
            e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        try {
          sendText(exchange, 500, "internal error: " + e);
        } catch (IOException | RuntimeException ignored) {
          // headers were already sent; the client sees a truncated response
        }
      } finally {
        exchange.close();
      }
    };
    synchronized (routes) {
      if (!routes.add(pathPrefix)) {
        throw new IllegalArgumentException("path prefix '" + pathPrefix + "' is already routed");
      }
      server.createContext(pathPrefix, guarded);
    }
    return this;
  }

  /** Removes the route for exactly this prefix, if any. */
  public void unroute(String pathPrefix) {
    synchronized (routes) {
      if (routes.remove(pathPrefix)) {
        server.removeContext(pathPrefix);
      }
    }
  }

  /** Sends {@code json} (already serialised) with {@code application/json; charset=utf-8}. */
  public static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends plain UTF-8 text. */
  public static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code body} with this content type and a fixed length; no caching, since everything here is live. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Reads the request body as UTF-8 text (bodies here are small JSON documents; capped at 1 MiB). */
  public static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (out.size() + n > 1 << 20) {
          throw new IOException("request body over 1 MiB");
        }
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Answers 405 and returns false unless the request uses {@code method}; handlers start with
   * {@code if (!HostHttpServer.requireMethod(ex, "POST")) return;}.
   */
  public static boolean requireMethod(HttpExchange exchange, String method) throws IOException {
    if (method.equalsIgnoreCase(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    sendText(exchange, 405, exchange.getRequestMethod() + " not allowed on " + exchange.getRequestURI().getPath()
        + "; use " + method);
    return false;
  }

  /** Quotes and escapes {@code s} as a JSON string literal. */
  public static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Stops accepting, closes open exchanges (live streams end) and stops the handler threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
