package dev.framebridge.sdk.effects;

import org.joml.Matrix3x2f;
import org.joml.Matrix3x2fc;
import org.joml.Vector2f;

/**
 * Rearranges the columns of an image by a horizontal affine map given with JOML in normalised coordinates (u = 0 at
 * the left edge, 1 at the right): for each target column the source column is {@code sourceFromTarget * u}. A
 * horizontal mirror is {@link #mirror()}: {@code u -> 1 - u}. The column table is computed once per width and map,
 * so a frame costs one table lookup per pixel and nothing is allocated in steady state (one instance per thread).
 */
public final class ColumnRemap {
  private final Matrix3x2f sourceFromTarget;
  private int[] table = new int[0];
  private int tableWidth = -1;
  private int[] source = new int[0];
  private int[] target = new int[0];

  private ColumnRemap(Matrix3x2fc sourceFromTarget) {
    this.sourceFromTarget = new Matrix3x2f(sourceFromTarget);
  }

  /** A remap by an affine map from target to source in normalised coordinates (only its x row matters). */
  public static ColumnRemap of(Matrix3x2fc sourceFromTarget) {
    return new ColumnRemap(sourceFromTarget);
  }

  /** A horizontal mirror: {@code u -> 1 - u}. */
  public static ColumnRemap mirror() {
    return of(new Matrix3x2f().translate(1, 0).scale(-1, 1));
  }

  /** A copy of the map. */
  public Matrix3x2f getSourceFromTarget() {
    return new Matrix3x2f(sourceFromTarget);
  }

  /** The source column of each target column for this width (computed and cached on first use). */
  public int sourceColumn(int targetX, int width) {
    return tableFor(width)[targetX];
  }

  /** Writes {@code source}'s pixels remapped into {@code target} (both at least {@code width} long, distinct). */
  public void remapRow(int[] source, int[] target, int width) {
    int[] map = tableFor(width);
    for (int x = 0; x < width; x++) {
      target[x] = source[map[x]];
    }
  }

  /** Remaps every row of {@code image} in place. */
  public void apply(RgbaImage image) {
    int w = image.getWidth();
    int[] map = tableFor(w);
    if (source.length < w) {
      source = new int[w];
      target = new int[w];
    }
    for (int y = 0; y < image.getHeight(); y++) {
      image.readRow(y, source);
      for (int x = 0; x < w; x++) {
        target[x] = source[map[x]];
      }
      image.writeRow(y, target);
    }
  }

  private int[] tableFor(int width) {
    if (width != tableWidth) {
      int[] t = new int[width];
      Vector2f p = new Vector2f();
      for (int x = 0; x < width; x++) {
        // Sample at the pixel centre so a mirror maps column x to exactly width - 1 - x.
        sourceFromTarget.transformPosition((x + 0.5f) / width, 0.5f, p);
        int sx = (int) Math.floor(p.x * width);
        t[x] = sx < 0 ? 0 : Math.min(sx, width - 1);
      }
      table = t;
      tableWidth = width;
    }
    return table;
  }
}
