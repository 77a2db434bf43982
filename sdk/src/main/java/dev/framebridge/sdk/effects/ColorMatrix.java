package dev.framebridge.sdk.effects;

import org.joml.Matrix3f;
import org.joml.Matrix3fc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * An affine colour transform {@code rgb' = M * rgb + offset} (components 0..255), applied in place with 16.16 fixed
 * point ints and clamping; alpha is kept. Immutable; build it from a JOML {@link Matrix3fc} (column-major, so
 * {@code m.m01} is row 1, column 0: how much red feeds green) or use the presets.
 */
public final class ColorMatrix {
  private static final int ONE = 1 << 16;
  private static final int HALF = 1 << 15;

  private final Matrix3f matrix;
  private final Vector3f offset;
  private final int rr, rg, rb, gr, gg, gb, br, bg, bb;
  private final int ro, go, bo;

  private ColorMatrix(Matrix3fc matrix, Vector3fc offset) {
    this.matrix = new Matrix3f(matrix);
    this.offset = new Vector3f(offset);
    // Output channel <- input channel: row r of M = (m00, m10, m20).
    rr = fixed(matrix.m00());
    rg = fixed(matrix.m10());
    rb = fixed(matrix.m20());
    gr = fixed(matrix.m01());
    gg = fixed(matrix.m11());
    gb = fixed(matrix.m21());
    br = fixed(matrix.m02());
    bg = fixed(matrix.m12());
    bb = fixed(matrix.m22());
    ro = fixed(offset.x()) + HALF;
    go = fixed(offset.y()) + HALF;
    bo = fixed(offset.z()) + HALF;
  }

  /** A colour matrix; {@code offset} is added after the product, in 0..255 units. */
  public static ColorMatrix of(Matrix3fc matrix, Vector3fc offset) {
    return new ColorMatrix(matrix, offset);
  }

  /** A colour matrix without offset. */
  public static ColorMatrix of(Matrix3fc matrix) {
    return new ColorMatrix(matrix, new Vector3f());
  }

  /** Changes nothing. */
  public static ColorMatrix identity() {
    return of(new Matrix3f());
  }

  /** The classic sepia tone (Microsoft's coefficients, as in the CSS {@code sepia(1)} filter). */
  public static ColorMatrix sepia() {
    return ofRows(
        0.393f, 0.769f, 0.189f,
        0.349f, 0.686f, 0.168f,
        0.272f, 0.534f, 0.131f);
  }

  /** Rec. 709 luma in all three channels. */
  public static ColorMatrix grayscale() {
    return ofRows(
        0.2126f, 0.7152f, 0.0722f,
        0.2126f, 0.7152f, 0.0722f,
        0.2126f, 0.7152f, 0.0722f);
  }

  /** A matrix given row by row (as written on paper): output red = r0*R + r1*G + r2*B, and so on. */
  public static ColorMatrix ofRows(
      float r0, float r1, float r2, float g0, float g1, float g2, float b0, float b1, float b2) {
    // JOML's constructor takes columns.
    return of(new Matrix3f(r0, g0, b0, r1, g1, b1, r2, g2, b2));
  }

  /** {@code (1 - amount) * identity + amount * this}: fades the effect in (amount 0..1). */
  public ColorMatrix mix(float amount) {
    Matrix3f m = new Matrix3f().scale(1 - amount).add(new Matrix3f(matrix).scale(amount));
    return of(m, new Vector3f(offset).mul(amount));
  }

  /** This matrix applied after {@code first}. */
  public ColorMatrix after(ColorMatrix first) {
    Matrix3f m = new Matrix3f(matrix).mul(first.matrix);
    Vector3f o = matrix.transform(new Vector3f(first.offset)).add(offset);
    return of(m, o);
  }

  /** A copy of the matrix (JOML, column-major). */
  public Matrix3f getMatrix() {
    return new Matrix3f(matrix);
  }

  /** A copy of the offset. */
  public Vector3f getOffset() {
    return new Vector3f(offset);
  }

  /** Transforms one {@code 0xAARRGGBB} pixel. */
  public int apply(int argb) {
    int r = (argb >>> 16) & 0xFF;
    int g = (argb >>> 8) & 0xFF;
    int b = argb & 0xFF;
    int nr = clamp((rr * r + rg * g + rb * b + ro) >> 16);
    int ng = clamp((gr * r + gg * g + gb * b + go) >> 16);
    int nb = clamp((br * r + bg * g + bb * b + bo) >> 16);
    return (argb & 0xFF000000) | (nr << 16) | (ng << 8) | nb;
  }

  /** Transforms {@code row[0..count)} in place. */
  public void applyRow(int[] row, int count) {
    for (int x = 0; x < count; x++) {
      row[x] = apply(row[x]);
    }
  }

  /** Transforms every pixel of {@code image} in place, using {@code row} (at least the width long) as scratch. */
  public void apply(RgbaImage image, int[] row) {
    int w = image.getWidth();
    for (int y = 0; y < image.getHeight(); y++) {
      image.readRow(y, row);
      applyRow(row, w);
      image.writeRow(y, row);
    }
  }

  private static int fixed(float v) {
    return Math.round(v * ONE);
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : (v > 255 ? 255 : v);
  }

  @Override
  public String toString() {
    return "ColorMatrix" + matrix + "+" + offset;
  }
}
