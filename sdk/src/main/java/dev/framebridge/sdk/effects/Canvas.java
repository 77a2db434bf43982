package dev.framebridge.sdk.effects;

/**
 * Draws overlays onto an {@link RgbaImage}: lines, rectangles, polygons and {@link TextStamp text}, blending by the
 * colour's alpha ({@code 0xAARRGGBB}; alpha 0xFF paints opaque). Everything is clipped to the image, so callers may
 * draw partly outside it. Integer maths, no allocation.
 */
public final class Canvas {
  private final RgbaImage image;

  public Canvas(RgbaImage image) {
    this.image = image;
  }

  public RgbaImage getImage() {
    return image;
  }

  /** Blends one pixel; outside the image nothing happens. */
  public void blend(int x, int y, int argb) {
    if (!image.contains(x, y)) {
      return;
    }
    int a = argb >>> 24;
    if (a == 0xFF) {
      image.setArgb(x, y, argb);
    } else if (a != 0) {
      image.setArgb(x, y, Argb.mix(image.getArgb(x, y), argb, a));
    }
  }

  /** Fills a rectangle. */
  public void fillRect(int x, int y, int width, int height, int argb) {
    int x0 = Math.max(x, 0);
    int y0 = Math.max(y, 0);
    int x1 = Math.min(x + width, image.getWidth());
    int y1 = Math.min(y + height, image.getHeight());
    for (int yy = y0; yy < y1; yy++) {
      for (int xx = x0; xx < x1; xx++) {
        blend(xx, yy, argb);
      }
    }
  }

  /** Outlines a rectangle with lines {@code thickness} pixels wide, drawn inside its bounds. */
  public void strokeRect(int x, int y, int width, int height, int thickness, int argb) {
    int t = Math.max(1, Math.min(thickness, Math.min(width, height) / 2 + 1));
    fillRect(x, y, width, t, argb);
    fillRect(x, y + height - t, width, t, argb);
    fillRect(x, y + t, t, height - 2 * t, argb);
    fillRect(x + width - t, y + t, t, height - 2 * t, argb);
  }

  /** Draws a line (Bresenham) with square pens {@code thickness} pixels wide. */
  public void drawLine(int x0, int y0, int x1, int y1, int thickness, int argb) {
    int dx = Math.abs(x1 - x0);
    int dy = -Math.abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1;
    int sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    int half = (thickness - 1) / 2;
    boolean opaque = (argb >>> 24) == 0xFF || thickness <= 1;
    int x = x0;
    int y = y0;
    while (true) {
      if (opaque) {
        fillRect(x - half, y - half, thickness, thickness, argb);
      } else {
        // Translucent thick pens would blend overlapping squares twice; a cross keeps it even enough.
        fillRect(x - half, y, thickness, 1, argb);
      }
      if (x == x1 && y == y1) {
        break;
      }
      int e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y += sy;
      }
    }
  }

  /** Draws a closed polygon through {@code n} points {@code (xs[i], ys[i])}. */
  public void drawPolygon(int[] xs, int[] ys, int n, int thickness, int argb) {
    if (xs.length < n || ys.length < n) {
      throw new IllegalArgumentException("polygon of " + n + " points needs that many coordinates");
    }
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      drawLine(xs[i], ys[i], xs[j], ys[j], thickness, argb);
    }
  }

  /** Paints {@code text} with its top-left corner at (x, y). */
  public void drawText(TextStamp text, int x, int y, int argb) {
    text.drawOnto(this, x, y, argb);
  }
}
