package dev.framebridge.plugins.blur;

import dev.framebridge.sdk.effects.PixelTransform;
import dev.framebridge.sdk.effects.RgbaImage;
import dev.framebridge.sdk.effects.SeparableBlur;
import dev.framebridge.spi.settings.Settings;

/** A {@link SeparableBlur} whose radius and kernel follow the settings; radius 0 passes frames through. */
final class BlurTransform extends PixelTransform {
  private SeparableBlur blur = SeparableBlur.box(0);

  BlurTransform(Settings settings) {
    super(BlurPlugin.ID);
    onSettingsChanged(settings);
  }

  @Override
  public void onSettingsChanged(Settings settings) {
    int radius = settings.getInt("radius");
    boolean gaussian = settings.getString("kind").equals("gaussian");
    if (gaussian != (blur.getPasses() > 1)) {
      blur = gaussian ? SeparableBlur.gaussian(radius) : SeparableBlur.box(radius);
    } else {
      blur.setRadius(radius);
    }
  }

  @Override
  protected boolean isActive() {
    return blur.getRadius() > 0;
  }

  @Override
  protected void apply(RgbaImage image, long timestampUs) {
    blur.apply(image);
  }
}
