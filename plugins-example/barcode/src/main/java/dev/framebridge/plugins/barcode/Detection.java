package dev.framebridge.plugins.barcode;

import java.util.Arrays;

/** One code found in a frame: its text, its ZXing format name, and its outline corners in frame pixels. */
public final class Detection {
  private final String text;
  private final String format;
  private final int[] xs;
  private final int[] ys;

  Detection(String text, String format, int[] xs, int[] ys) {
    this.text = text;
    this.format = format;
    this.xs = xs.clone();
    this.ys = ys.clone();
  }

  public String getText() {
    return text;
  }

  /** ZXing's name of the symbology, e.g. {@code QR_CODE}, {@code EAN_13}. */
  public String getFormat() {
    return format;
  }

  /** Outline corner x coordinates, in order around the code. */
  public int[] getXs() {
    return xs.clone();
  }

  public int[] getYs() {
    return ys.clone();
  }

  public int getCenterX() {
    return (int) Math.round(Arrays.stream(xs).average().orElse(0));
  }

  public int getCenterY() {
    return (int) Math.round(Arrays.stream(ys).average().orElse(0));
  }

  @Override
  public String toString() {
    return format + " '" + text + "' at (" + getCenterX() + ", " + getCenterY() + ")";
  }
}
