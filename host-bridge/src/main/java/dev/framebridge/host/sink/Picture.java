package dev.framebridge.host.sink;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A reader's own copy of a {@link PictureStore}'s latest frame as an opaque {@code TYPE_INT_RGB} image, reused across
 * reads (the image is replaced only when the size changes). Not thread-safe: one per reader.
 */
public final class Picture {
  private BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
  private long sequence = -1;
  private long timestampMicros;

  /** The image (valid until the next read into this picture). */
  public BufferedImage getImage() {
    return image;
  }

  /** The store's sequence number of this frame (1 for the first), or -1 before any read. */
  public long getSequence() {
    return sequence;
  }

  public long getTimestampMicros() {
    return timestampMicros;
  }

  public int getWidth() {
    return image.getWidth();
  }

  public int getHeight() {
    return image.getHeight();
  }

  /** Pixel at (x, y) as 0xRRGGBB. */
  public int getRgb(int x, int y) {
    return image.getRGB(x, y) & 0xFFFFFF;
  }

  int[] pixelsFor(int width, int height) {
    if (image.getWidth() != width || image.getHeight() != height) {
      image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  void stamp(long sequence, long timestampMicros) {
    this.sequence = sequence;
    this.timestampMicros = timestampMicros;
  }
}
