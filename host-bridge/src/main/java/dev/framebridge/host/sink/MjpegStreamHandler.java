package dev.framebridge.host.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.framebridge.host.camera.FramePacer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Serves one {@link PictureStore} as an MJPEG stream ({@code multipart/x-mixed-replace}), which every browser shows
 * in a plain {@code <img>}. Each client gets its own thread, picture and encoder, and at most {@code maxFps}
 * frames a second; a client that reads slowly just sees fewer frames.
 */
public final class MjpegStreamHandler implements HttpHandler {
  private static final String BOUNDARY = "framebridgeframe";

  private final PictureStore store;
  private final double maxFps;
  private final BooleanSupplier running;

  public MjpegStreamHandler(PictureStore store, double maxFps, BooleanSupplier running) {
    this.store = store;
    this.maxFps = maxFps;
    this.running = running;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    Picture picture = new Picture();
    FramePacer pacer = new FramePacer(maxFps);
    long seen = 0;
    try (ImageEncoder encoder = new ImageEncoder(0.8f); OutputStream out = exchange.getResponseBody()) {
      while (running.getAsBoolean()) {
        pacer.awaitNextFrame();
        long seq = store.awaitNewer(seen, 1, TimeUnit.SECONDS);
        if (seq == seen || !store.readInto(picture)) {
          continue;
        }
        seen = picture.getSequence();
        byte[] jpeg = encoder.jpeg(picture.getImage());
        String head = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
            + "\r\nX-Timestamp-Us: " + picture.getTimestampMicros() + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
