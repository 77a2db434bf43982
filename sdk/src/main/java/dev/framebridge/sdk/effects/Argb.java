package dev.framebridge.sdk.effects;

/**
 * Packing and unpacking of {@code 0xAARRGGBB} colours. Opaque literals like {@code 0xFF6496C8} do not fit a signed
 * int in Kotlin or Groovy, so write {@code Argb.rgb(0x6496C8)} there.
 */
public final class Argb {
  private Argb() {}

  /** An opaque colour from {@code 0xRRGGBB} (as colour settings hold it). */
  public static int rgb(int rgb) {
    return 0xFF000000 | (rgb & 0xFFFFFF);
  }

  /** A colour from components 0..255 (clamped). */
  public static int of(int alpha, int red, int green, int blue) {
    return (clamp(alpha) << 24) | (clamp(red) << 16) | (clamp(green) << 8) | clamp(blue);
  }

  /** An opaque colour from components 0..255 (clamped). */
  public static int of(int red, int green, int blue) {
    return of(255, red, green, blue);
  }

  /** {@code argb} with its alpha replaced. */
  public static int withAlpha(int argb, int alpha) {
    return (clamp(alpha) << 24) | (argb & 0xFFFFFF);
  }

  public static int alpha(int argb) {
    return argb >>> 24;
  }

  public static int red(int argb) {
    return (argb >>> 16) & 0xFF;
  }

  public static int green(int argb) {
    return (argb >>> 8) & 0xFF;
  }

  public static int blue(int argb) {
    return argb & 0xFF;
  }

  /** Rec. 709 luma 0..255 of a colour (integer weights summing to 256). */
  public static int luma(int argb) {
    return (54 * red(argb) + 183 * green(argb) + 19 * blue(argb) + 128) >> 8;
  }

  /** {@code #AARRGGBB}. */
  public static String format(int argb) {
    return String.format("#%08X", argb);
  }

  /** {@code over} blended onto {@code under} with coverage {@code alpha} 0..255; the result keeps under's alpha. */
  public static int mix(int under, int over, int alpha) {
    int inv = 255 - alpha;
    int r = (red(under) * inv + red(over) * alpha + 127) / 255;
    int g = (green(under) * inv + green(over) * alpha + 127) / 255;
    int b = (blue(under) * inv + blue(over) * alpha + 127) / 255;
    return (under & 0xFF000000) | (r << 16) | (g << 8) | b;
  }

  static int clamp(int v) {
    return v < 0 ? 0 : (v > 255 ? 255 : v);
  }
}
