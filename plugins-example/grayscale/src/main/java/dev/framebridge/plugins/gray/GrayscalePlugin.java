package dev.framebridge.plugins.gray;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.media.VideoFrame;

/** Turns the picture gray (Rec. 709 luma), fully or partly. */
public final class GrayscalePlugin implements FramebridgePlugin {
  static final String ID = "grayscale";

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
    return "Grayscale";
  }

  @Override
  public String getDescription() {
    return "Turns the picture gray (Rec. 709 luma), fully or partly.";
  }

  @Override
  public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .number("strength", "Strength", 1.0, 0.0, 1.0, 0.05)
        .build();
  }

  @Override
  public FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    return new GrayscaleTransform(settings);
  }
}
