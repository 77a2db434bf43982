package dev.framebridge.spi.media;

/**
 * The pixel formats of WebCodecs' VideoPixelFormat that this SDK supports. Each knows its planes and how each plane
 * is subsampled, so layouts can be computed without a table elsewhere.
 */
public enum VideoPixelFormat {
  I420(new int[] {1, 1, 1}, new int[] {1, 2, 2}, new int[] {1, 2, 2}, false),
  I420A(new int[] {1, 1, 1, 1}, new int[] {1, 2, 2, 1}, new int[] {1, 2, 2, 1}, false),
  I422(new int[] {1, 1, 1}, new int[] {1, 2, 2}, new int[] {1, 1, 1}, false),
  I444(new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, false),
  NV12(new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 2}, false),
  RGBA(new int[] {4}, new int[] {1}, new int[] {1}, true),
  RGBX(new int[] {4}, new int[] {1}, new int[] {1}, true),
  BGRA(new int[] {4}, new int[] {1}, new int[] {1}, true),
  BGRX(new int[] {4}, new int[] {1}, new int[] {1}, true);

  private final int[] bytesPerSample;
  private final int[] horizontalSubsampling;
  private final int[] verticalSubsampling;
  private final boolean rgb;

  VideoPixelFormat(int[] bytesPerSample, int[] horizontal, int[] vertical, boolean rgb) {
    this.bytesPerSample = bytesPerSample;
    this.horizontalSubsampling = horizontal;
    this.verticalSubsampling = vertical;
    this.rgb = rgb;
  }

  public int getPlaneCount() {
    return bytesPerSample.length;
  }

  /** Bytes per sample of a plane (an NV12 UV pair counts as one sample of 2 bytes). */
  public int getBytesPerSample(int plane) {
    return bytesPerSample[plane];
  }

  public int getHorizontalSubsampling(int plane) {
    return horizontalSubsampling[plane];
  }

  public int getVerticalSubsampling(int plane) {
    return verticalSubsampling[plane];
  }

  /** Whether this is one of the packed 4-byte RGB formats. */
  public boolean isRgb() {
    return rgb;
  }

  /** Whether any plane is subsampled, so a visible rect must start at even coordinates. */
  public boolean isSubsampled() {
    for (int i = 0; i < bytesPerSample.length; i++) {
      if (horizontalSubsampling[i] > 1 || verticalSubsampling[i] > 1) {
        return true;
      }
    }
    return false;
  }

  /** Bytes of one row of plane {@code plane} for a frame {@code width} pixels wide (rounding subsampled widths up). */
  public int rowBytes(int plane, int width) {
    int h = horizontalSubsampling[plane];
    return ((width + h - 1) / h) * bytesPerSample[plane];
  }

  /** Rows of plane {@code plane} for a frame {@code height} pixels high (rounding subsampled heights up). */
  public int rows(int plane, int height) {
    int v = verticalSubsampling[plane];
    return (height + v - 1) / v;
  }

  /** Bytes of a tightly packed frame of this size. */
  public int frameBytes(int width, int height) {
    int total = 0;
    for (int p = 0; p < bytesPerSample.length; p++) {
      total += rowBytes(p, width) * rows(p, height);
    }
    return total;
  }

  /**
   * Parses the WebCodecs name ({@code "I420"}, {@code "RGBA"} ...).
   *
   * @throws IllegalArgumentException for a format this SDK does not know
   */
  public static VideoPixelFormat fromWebName(String name) {
    for (VideoPixelFormat f : values()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown video pixel format '" + name + "'");
  }
}
