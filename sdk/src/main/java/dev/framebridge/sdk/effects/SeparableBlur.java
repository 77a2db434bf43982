package dev.framebridge.sdk.effects;

import java.util.Arrays;

/**
 * A separable blur by running sums: each box pass costs the same whatever the radius (one add and one subtract per
 * channel and pixel, int maths). {@link #box} is one horizontal and one vertical box pass; {@link #gaussian} repeats
 * them three times, which approximates a Gaussian of sigma {@code sqrt(radius * (radius + 1))} closely enough for
 * video. Edges clamp; alpha is kept. The image is split once into red, green and blue planes so every pass is a
 * straight walk over one int array. Scratch arrays grow to the largest image seen and are reused, so steady-state
 * frames allocate nothing; an instance is therefore for one thread.
 */
public final class SeparableBlur {
  /** The largest radius: keeps the 16.16 reciprocal exact for flat areas. */
  public static final int MAX_RADIUS = 100;

  private final int passes;
  private int radius;
  private int[] red = new int[0];
  private int[] green = new int[0];
  private int[] blue = new int[0];
  private int[] line = new int[0];
  private int[] sums = new int[0];
  private int[] ring = new int[0];

  private SeparableBlur(int radius, int passes) {
    setRadius(radius);
    this.passes = passes;
  }

  /** One box pass each way: the cheapest blur. */
  public static SeparableBlur box(int radius) {
    return new SeparableBlur(radius, 1);
  }

  /** Three box passes each way: a close, smooth Gaussian approximation at three times the cost. */
  public static SeparableBlur gaussian(int radius) {
    return new SeparableBlur(radius, 3);
  }

  public int getRadius() {
    return radius;
  }

  /**
   * Sets the radius in pixels (0 = no blur).
   *
   * @throws IllegalArgumentException outside 0..{@link #MAX_RADIUS}
   */
  public void setRadius(int radius) {
    if (radius < 0 || radius > MAX_RADIUS) {
      throw new IllegalArgumentException("blur radius " + radius + " is outside 0.." + MAX_RADIUS);
    }
    this.radius = radius;
  }

  /** Box passes per direction: 1 for {@link #box}, 3 for {@link #gaussian}. */
  public int getPasses() {
    return passes;
  }

  /** Blurs {@code image} in place. */
  public void apply(RgbaImage image) {
    if (radius == 0) {
      return;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    ensureCapacity(w, h);
    int[] row = line;
    for (int y = 0; y < h; y++) {
      image.readRow(y, row);
      int base = y * w;
      for (int x = 0; x < w; x++) {
        int v = row[x];
        red[base + x] = (v >>> 16) & 0xFF;
        green[base + x] = (v >>> 8) & 0xFF;
        blue[base + x] = v & 0xFF;
      }
    }
    for (int p = 0; p < passes; p++) {
      horizontal(red, w, h);
      vertical(red, w, h);
      horizontal(green, w, h);
      vertical(green, w, h);
      horizontal(blue, w, h);
      vertical(blue, w, h);
    }
    for (int y = 0; y < h; y++) {
      image.readRow(y, row); // for alpha
      int base = y * w;
      for (int x = 0; x < w; x++) {
        row[x] = (row[x] & 0xFF000000) | (red[base + x] << 16) | (green[base + x] << 8) | blue[base + x];
      }
      image.writeRow(y, row);
    }
  }

  private void ensureCapacity(int w, int h) {
    if (red.length < w * h) {
      red = new int[w * h];
      green = new int[w * h];
      blue = new int[w * h];
    }
    if (line.length < Math.max(w, h)) {
      line = new int[Math.max(w, h)];
    }
    if (sums.length < w) {
      sums = new int[w];
    }
    if (ring.length < (radius + 1) * w) {
      ring = new int[(radius + 1) * w];
    }
  }

  private void horizontal(int[] c, int w, int h) {
    int r = radius;
    int inv = reciprocal(2 * r + 1);
    int[] out = line;
    int last = w - 1;
    for (int y = 0; y < h; y++) {
      int base = y * w;
      int s = 0;
      for (int i = -r; i <= r; i++) {
        s += c[base + (i < 0 ? 0 : (i > last ? last : i))];
      }
      for (int x = 0; x < w; x++) {
        out[x] = (s * inv) >>> 16;
        int add = x + r + 1;
        int sub = x - r;
        s += c[base + (add > last ? last : add)] - c[base + (sub < 0 ? 0 : sub)];
      }
      System.arraycopy(out, 0, c, base, w);
    }
  }

  // Running column sums walked row by row (memory order). Row y is overwritten with its result, so the source rows
  // still needed (y - r .. y) are kept in a ring of r + 1 rows.
  private void vertical(int[] c, int w, int h) {
    int r = radius;
    int inv = reciprocal(2 * r + 1);
    int ringRows = r + 1;
    int last = h - 1;
    int[] s = sums;
    Arrays.fill(s, 0, w, 0);
    for (int i = -r; i <= r; i++) {
      int base = (i < 0 ? 0 : (i > last ? last : i)) * w;
      for (int x = 0; x < w; x++) {
        s[x] += c[base + x];
      }
    }
    for (int y = 0; y < h; y++) {
      int base = y * w;
      System.arraycopy(c, base, ring, (y % ringRows) * w, w);
      for (int x = 0; x < w; x++) {
        c[base + x] = (s[x] * inv) >>> 16;
      }
      int add = Math.min(y + r + 1, last);
      int subBase = (Math.max(y - r, 0) % ringRows) * w;
      // Row add is still unwritten unless it is y itself (clamped at the bottom edge): then take it from the ring.
      int[] addFrom = add > y ? c : ring;
      int addBase = add > y ? add * w : (add % ringRows) * w;
      for (int x = 0; x < w; x++) {
        s[x] += addFrom[addBase + x] - ring[subBase + x];
      }
    }
  }

  // Rounded up so that a flat area of value v sums to v * n and comes back as exactly v (n <= 257).
  private static int reciprocal(int n) {
    return (65536 + n - 1) / n;
  }
}
