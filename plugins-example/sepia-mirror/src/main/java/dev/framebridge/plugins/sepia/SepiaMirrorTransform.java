package dev.framebridge.plugins.sepia;

import dev.framebridge.sdk.effects.ColorMatrix;
import dev.framebridge.sdk.effects.ColumnRemap;
import dev.framebridge.sdk.effects.PixelTransform;
import dev.framebridge.sdk.effects.RgbaImage;
import dev.framebridge.spi.settings.Settings;
import org.joml.Matrix3x2f;

/**
 * One pass per row: read it, tone it with the sepia {@link ColorMatrix} (mixed with the identity by "amount"), mirror
 * it through a JOML map {@code u -> 1 - u}, write it back. Two reused row arrays; nothing allocated per frame.
 */
final class SepiaMirrorTransform extends PixelTransform {
  private final ColumnRemap mirror = ColumnRemap.of(new Matrix3x2f().translate(1, 0).scale(-1, 1));
  private ColorMatrix tone = ColorMatrix.sepia();
  private double amount;
  private boolean mirrored;
  private int[] row = new int[0];
  private int[] flipped = new int[0];

  SepiaMirrorTransform(Settings settings) {
    super(SepiaMirrorPlugin.ID);
    onSettingsChanged(settings);
  }

  @Override
  public void onSettingsChanged(Settings settings) {
    amount = settings.getDouble("amount");
    mirrored = settings.getBoolean("mirror");
    tone = ColorMatrix.sepia().mix((float) amount);
  }

  @Override
  protected boolean isActive() {
    return amount > 0 || mirrored;
  }

  @Override
  protected void apply(RgbaImage image, long timestampUs) {
    int w = image.getWidth();
    if (row.length < w) {
      row = new int[w];
      flipped = new int[w];
    }
    for (int y = 0; y < image.getHeight(); y++) {
      image.readRow(y, row);
      if (amount > 0) {
        tone.applyRow(row, w);
      }
      if (mirrored) {
        mirror.remapRow(row, flipped, w);
        image.writeRow(y, flipped);
      } else {
        image.writeRow(y, row);
      }
    }
  }
}
