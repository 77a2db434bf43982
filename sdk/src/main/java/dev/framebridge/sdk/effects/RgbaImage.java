package dev.framebridge.sdk.effects;

import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A view of the visible pixels of a packed 4-byte RGB frame (RGBA, RGBX, BGRA, BGRX), read and written in place as
 * {@code 0xAARRGGBB} ints whatever the byte order of the format. Formats without alpha read alpha as 0xFF and ignore
 * it on writes. Valid only while the frame is open; create one per frame (it is a few fields, no pixel copy).
 */
public final class RgbaImage {
  private final ByteBuffer buffer;
  private final @Nullable IntBuffer ints;
  private final VideoPixelFormat format;
  private final int width;
  private final int height;
  private final int stride;
  private final int origin;
  private final boolean swapRedBlue;
  private final boolean alpha;
  private final boolean writable;

  private RgbaImage(VideoFrame frame, VideoPixelFormat format) {
    Rect visible = frame.getVisibleRect();
    if (visible == null) {
      throw new IllegalStateException("frame is closed");
    }
    this.buffer = frame.getPlane(0).duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.format = format;
    this.width = visible.getWidth();
    this.height = visible.getHeight();
    this.stride = frame.getPlaneStride(0);
    this.origin = visible.getY() * stride + visible.getX() * 4;
    this.swapRedBlue = format == VideoPixelFormat.RGBA || format == VideoPixelFormat.RGBX;
    this.alpha = format == VideoPixelFormat.RGBA || format == VideoPixelFormat.BGRA;
    this.writable = frame.isWritable() && !buffer.isReadOnly();
    // Whole-int rows allow bulk transfers; odd strides fall back to per-pixel reads.
    this.ints = (stride % 4 == 0 && origin % 4 == 0) ? buffer.asIntBuffer() : null;
  }

  /**
   * The view of {@code frame}'s visible rect.
   *
   * @throws IllegalArgumentException if the format is not a packed RGB format ({@link #supports})
   * @throws IllegalStateException if the frame is closed
   */
  public static RgbaImage of(VideoFrame frame) {
    VideoPixelFormat format = frame.getFormat();
    if (format == null) {
      throw new IllegalStateException("frame is closed");
    }
    if (!supports(format)) {
      throw new IllegalArgumentException("RgbaImage needs RGBA, RGBX, BGRA or BGRX, not " + format);
    }
    return new RgbaImage(frame, format);
  }

  /** Whether {@link #of} accepts frames of this format. */
  public static boolean supports(@Nullable VideoPixelFormat format) {
    return format != null && format.isRgb();
  }

  public VideoPixelFormat getFormat() {
    return format;
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  /** Whether the format stores alpha (RGBA, BGRA); RGBX/BGRX do not. */
  public boolean hasAlpha() {
    return alpha;
  }

  /** Whether writes are allowed (the frame hands out writable planes). */
  public boolean isWritable() {
    return writable;
  }

  /** Whether (x, y) lies inside the image. */
  public boolean contains(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height;
  }

  /**
   * The pixel at (x, y) as {@code 0xAARRGGBB}.
   *
   * @throws IndexOutOfBoundsException outside the image
   */
  public int getArgb(int x, int y) {
    checkBounds(x, y);
    return toArgb(buffer.getInt(origin + y * stride + x * 4));
  }

  /**
   * Sets the pixel at (x, y) from {@code 0xAARRGGBB}.
   *
   * @throws IndexOutOfBoundsException outside the image
   */
  public void setArgb(int x, int y, int argb) {
    checkBounds(x, y);
    buffer.putInt(origin + y * stride + x * 4, fromArgb(argb));
  }

  /** Reads row {@code y} into {@code argb[0..width)}. */
  public void readRow(int y, int[] argb) {
    checkRow(y, argb);
    int at = origin + y * stride;
    IntBuffer view = ints;
    if (view != null) {
      view.get(at >> 2, argb, 0, width);
      for (int x = 0; x < width; x++) {
        argb[x] = toArgb(argb[x]);
      }
    } else {
      for (int x = 0; x < width; x++) {
        argb[x] = toArgb(buffer.getInt(at + x * 4));
      }
    }
  }

  /** Writes {@code argb[0..width)} into row {@code y}; {@code argb} is left unchanged. */
  public void writeRow(int y, int[] argb) {
    checkRow(y, argb);
    int at = origin + y * stride;
    for (int x = 0; x < width; x++) {
      buffer.putInt(at + x * 4, fromArgb(argb[x]));
    }
  }

  /** Fills the whole image with one colour. */
  public void fill(int argb) {
    int stored = fromArgb(argb);
    for (int y = 0; y < height; y++) {
      int at = origin + y * stride;
      for (int x = 0; x < width; x++) {
        buffer.putInt(at + x * 4, stored);
      }
    }
  }

  // Little-endian ints of BGRA bytes are already ARGB; RGBA needs red and blue swapped.
  private int toArgb(int stored) {
    int v = swapRedBlue ? swap(stored) : stored;
    return alpha ? v : v | 0xFF000000;
  }

  private int fromArgb(int argb) {
    return swapRedBlue ? swap(argb) : argb;
  }

  private static int swap(int v) {
    return (v & 0xFF00FF00) | ((v & 0xFF) << 16) | ((v >>> 16) & 0xFF);
  }

  private void checkBounds(int x, int y) {
    if (!contains(x, y)) {
      throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside " + width + "x" + height);
    }
  }

  private void checkRow(int y, int[] argb) {
    if (y < 0 || y >= height) {
      throw new IndexOutOfBoundsException("row " + y + " is outside 0.." + (height - 1));
    }
    if (argb.length < width) {
      throw new IllegalArgumentException("row array of " + argb.length + " is shorter than width " + width);
    }
  }

  @Override
  public String toString() {
    return "RgbaImage(" + format + " " + width + "x" + height + ", stride " + stride + ")";
  }
}
