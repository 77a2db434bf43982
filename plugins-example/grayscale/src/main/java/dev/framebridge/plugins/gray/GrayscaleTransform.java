package dev.framebridge.plugins.gray;

import dev.framebridge.sdk.effects.ColorMatrix;
import dev.framebridge.sdk.effects.PixelTransform;
import dev.framebridge.sdk.effects.RgbaImage;
import dev.framebridge.spi.settings.Settings;

/** The grayscale colour matrix, faded in by "strength"; strength 0 passes frames through without a copy. */
final class GrayscaleTransform extends PixelTransform {
  private ColorMatrix matrix = ColorMatrix.grayscale();
  private double strength;
  private int[] row = new int[0];

  GrayscaleTransform(Settings settings) {
    super(GrayscalePlugin.ID);
    onSettingsChanged(settings);
  }

  @Override
  public void onSettingsChanged(Settings settings) {
    strength = settings.getDouble("strength");
    matrix = ColorMatrix.grayscale().mix((float) strength);
  }

  @Override
  protected boolean isActive() {
    return strength > 0;
  }

  @Override
  protected void apply(RgbaImage image, long timestampUs) {
    if (row.length < image.getWidth()) {
      row = new int[image.getWidth()];
    }
    matrix.apply(image, row);
  }
}
