package dev.framebridge.host.sink;

import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest frame of one track (the program output, or the camera input) for display sinks that run at their own
 * pace. The frame path pays one copy per frame ({@link #publish}); each sink converts to an image only when it wants
 * one ({@link #readInto}), so a slow browser never slows the chain. Packed RGBA, RGBX, BGRA and BGRX are supported;
 * other formats are skipped with one log line.
 */
public final class PictureStore {
  private static final Logger LOG = LoggerFactory.getLogger(PictureStore.class);

  private final String name;
  private byte[] pixels = new byte[0];
  private ByteBuffer pixelBuffer = ByteBuffer.wrap(pixels);
  private int width;
  private int height;
  private boolean bgr;
  private long sequence;
  private long timestampMicros;
  private boolean warnedFormat;

  public PictureStore(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  /** Copies the visible pixels of {@code frame} (the caller keeps ownership and closes it). */
  public void publish(VideoFrame frame) {
    VideoPixelFormat format = frame.getFormat();
    if (format == null) {
      return; // closed
    }
    boolean isBgr = format == VideoPixelFormat.BGRA || format == VideoPixelFormat.BGRX;
    if (!isBgr && format != VideoPixelFormat.RGBA && format != VideoPixelFormat.RGBX) {
      synchronized (this) {
        if (!warnedFormat) {
          warnedFormat = true;
          LOG.warn("{} preview shows only packed RGB formats; frames in {} are not displayed", name, format);
        }
      }
      return;
    }
    int w = frame.getDisplayWidth();
    int h = frame.getDisplayHeight();
    synchronized (this) {
      ensure(w * h * 4);
      frame.copyTo(pixelBuffer);
      commit(w, h, isBgr, frame.getTimestamp());
    }
  }

  /** Copies {@code width * height * 4} bytes of packed RGBA from index 0 of {@code rgba}. */
  public void publish(ByteBuffer rgba, int width, int height, long timestampMicros) {
    synchronized (this) {
      ensure(width * height * 4);
      rgba.get(0, pixels, 0, width * height * 4);
      commit(width, height, false, timestampMicros);
    }
  }

  private void ensure(int bytes) {
    if (pixels.length != bytes) {
      pixels = new byte[bytes];
      pixelBuffer = ByteBuffer.wrap(pixels);
    }
  }

  private void commit(int w, int h, boolean isBgr, long ts) {
    width = w;
    height = h;
    bgr = isBgr;
    timestampMicros = ts;
    sequence++;
    notifyAll();
  }

  /** Sequence number of the latest frame (0 before the first). */
  public synchronized long getSequence() {
    return sequence;
  }

  /**
   * Waits until a frame newer than {@code seenSequence} is stored or the timeout passes; returns the latest sequence
   * (equal to {@code seenSequence} on timeout).
   */
  public synchronized long awaitNewer(long seenSequence, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    long left;
    while (sequence <= seenSequence && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return sequence;
  }

  /** Converts the latest frame into {@code picture}; false (picture untouched) if none has arrived yet. */
  public synchronized boolean readInto(Picture picture) {
    if (sequence == 0) {
      return false;
    }
    int[] out = picture.pixelsFor(width, height);
    byte[] in = pixels;
    int n = width * height;
    if (bgr) {
      for (int i = 0, s = 0; i < n; i++, s += 4) {
        out[i] = ((in[s + 2] & 0xFF) << 16) | ((in[s + 1] & 0xFF) << 8) | (in[s] & 0xFF);
      }
    } else {
      for (int i = 0, s = 0; i < n; i++, s += 4) {
        out[i] = ((in[s] & 0xFF) << 16) | ((in[s + 1] & 0xFF) << 8) | (in[s + 2] & 0xFF);
      }
    }
    picture.stamp(sequence, timestampMicros);
    return true;
  }
}
