package dev.framebridge.plugins.sepia;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;

/** Sepia tone plus a horizontal mirror, like the worker in the MDN VideoTrackGenerator example. */
public final class SepiaMirrorPlugin implements FramebridgePlugin {
  static final String ID = "sepia-mirror";

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
    return "Sepia + mirror";
  }

  @Override
  public String getDescription() {
    return "Tones the picture sepia and flips it left to right, like a selfie camera.";
  }

  @Override
  public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .number("amount", "Sepia amount", 1.0, 0.0, 1.0, 0.05)
        .bool("mirror", "Mirror horizontally", true)
        .build();
  }

  @Override
  public FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    return new SepiaMirrorTransform(settings);
  }
}
