package dev.framebridge.sdk.effects;

/**
 * A separable blur by running sums: each box pass costs the same whatever the radius (one add and one subtract per
 * channel and pixel, int maths). {@link #box} is one horizontal and one vertical box pass; {@link #gaussian} repeats
 * them three times, which approximates a Gaussian of sigma {@code sqrt(radius * (radius + 1))} closely enough
 * for video. Edges clamp. Alpha is kept. Scratch arrays grow to the largest image seen and are reused, so steady-state
 * frames allocate nothing; an instance is therefore for one thread.
 */
public final class SeparableBlur {
  /** The largest radius: keeps the 16.16 reciprocal exact for flat areas. */
  public static final int MAX_RADIUS = 100;

  private final int passes;
  private int radius;
  private int[] pixels = new int[0];
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
    if (pixels.length < w * h) {
      pixels = new int[w * h];
    }
    if (line.length < Math.max(w, h)) {
      line = new int[Math.max(w, h)];
    }
    if (sums.length < w * 3) {
      sums = new int[w * 3];
    }
    int[] row = line;
    for (int y = 0; y < h; y++) {
      image.readRow(y, row);
      System.arraycopy(row, 0, pixels, y * w, w);
    }
    for (int p = 0; p < passes; p++) {
      horizontal(w, h);
      vertical(w, h);
    }
    for (int y = 0; y < h; y++) {
      System.arraycopy(pixels, y * w, row, 0, w);
      image.writeRow(y, row);
    }
  }

  private void horizontal(int w, int h) {
    int r = radius;
    int n = 2 * r + 1;
    int inv = (65536 + n - 1) / n;
    int[] px = pixels;
    int[] out = line;
    for (int y = 0; y < h; y++) {
      int base = y * w;
      int sr = 0;
      int sg = 0;
      int sb = 0;
      for (int i = -r; i <= r; i++) {
        int v = px[base + clampIndex(i, w)];
        sr += (v >>> 16) & 0xFF;
        sg += (v >>> 8) & 0xFF;
        sb += v & 0xFF;
      }
      for (int x = 0; x < w; x++) {
        out[x] = (px[base + x] & 0xFF000000)
            | (((sr * inv) >>> 16) << 16) | (((sg * inv) >>> 16) << 8) | ((sb * inv) >>> 16);
        int add = px[base + Math.min(x + r + 1, w - 1)];
        int sub = px[base + Math.max(x - r, 0)];
        sr += ((add >>> 16) & 0xFF) - ((sub >>> 16) & 0xFF);
        sg += ((add >>> 8) & 0xFF) - ((sub >>> 8) & 0xFF);
        sb += (add & 0xFF) - (sub & 0xFF);
      }
      System.arraycopy(out, 0, px, base, w);
    }
  }

  // Row-major running column sums: walks memory in order instead of striding down columns.
  private void vertical(int w, int h) {
    int r = radius;
    int n = 2 * r + 1;
    int inv = (65536 + n - 1) / n;
    int[] px = pixels;
    int[] s = sums;
    java.util.Arrays.fill(s, 0, w * 3, 0);
    for (int i = -r; i <= r; i++) {
      int base = clampIndex(i, h) * w;
      for (int x = 0; x < w; x++) {
        int v = px[base + x];
        s[x * 3] += (v >>> 16) & 0xFF;
        s[x * 3 + 1] += (v >>> 8) & 0xFF;
        s[x * 3 + 2] += v & 0xFF;
      }
    }
    // Rows are rewritten as we go, so keep the r+1 source rows still needed in a ring inside 'ring'.
    int ringRows = r + 1;
    int[] ring = ringFor(ringRows * w);
    for (int y = 0; y < h; y++) {
      int base = y * w;
      int sub = Math.max(y - r, 0);
      int add = Math.min(y + r + 1, h - 1);
      // Save source row y before it is overwritten: it leaves the window at y + r + 1.
      System.arraycopy(px, base, ring, (y % ringRows) * w, w);
      // Row sub (<= y) is already overwritten: its source is in the ring; row add is still in place unless add == y.
      int subBase = (sub % ringRows) * w;
      int addBase = add * w;
      for (int x = 0; x < w; x++) {
        int a = px[base + x] & 0xFF000000;
        px[base + x] = a
            | (((s[x * 3] * inv) >>> 16) << 16)
            | (((s[x * 3 + 1] * inv) >>> 16) << 8)
            | ((s[x * 3 + 2] * inv) >>> 16);
      }
      for (int x = 0; x < w; x++) {
        int va = add > y ? px[addBase + x] : ring[(add % ringRows) * w + x];
        int vs = ring[subBase + x];
        s[x * 3] += ((va >>> 16) & 0xFF) - ((vs >>> 16) & 0xFF);
        s[x * 3 + 1] += ((va >>> 8) & 0xFF) - ((vs >>> 8) & 0xFF);
        s[x * 3 + 2] += (va & 0xFF) - (vs & 0xFF);
      }
    }
  }

  private int[] ringFor(int size) {
    if (ring.length < size) {
      ring = new int[size];
    }
    return ring;
  }

  private static int clampIndex(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }
}
