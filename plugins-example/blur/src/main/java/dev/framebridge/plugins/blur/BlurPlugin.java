package dev.framebridge.plugins.blur;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.media.VideoFrame;
import java.util.List;

/** Blurs the picture with a box or Gaussian kernel of a given radius. */
public final class BlurPlugin implements FramebridgePlugin {
  static final String ID = "blur";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getVersion() {
    return "1.0.0";
  }

  @Override
  public SpiVersion getSpiVersion() {
    return SpiVersion.of(1, 0);
  }

  @Override
  public String getDisplayName() {
    return "Blur";
  }

  @Override
  public String getDescription() {
    return "Blurs the picture with a box or Gaussian kernel of a given radius.";
  }

  @Override
  public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .number("radius", "Radius (px)", 6, 0, 32, 1)
        .choice("kind", "Kernel", "box", List.of("box", "gaussian"))
        .build();
  }

  @Override
  public FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    return new BlurTransform(settings);
  }
}
