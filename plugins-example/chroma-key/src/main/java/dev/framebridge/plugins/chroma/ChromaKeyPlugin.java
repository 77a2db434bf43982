package dev.framebridge.plugins.chroma;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.media.VideoFrame;
import java.util.List;

/** Replaces the key colour (a green screen) with a background colour or transparency. */
public final class ChromaKeyPlugin implements FramebridgePlugin {
  static final String ID = "chroma-key";

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
    return "Chroma key";
  }

  @Override
  public String getDescription() {
    return "Replaces the key colour (a green screen) with a background colour or transparency.";
  }

  @Override
  public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .color("key", "Key colour", 0x00FF00)
        .number("threshold", "Threshold", 60, 0, 255, 1)
        .number("softness", "Edge softness", 30, 0, 255, 1)
        .choice("background", "Background", "color", List.of("color", "transparent"))
        .color("backgroundColor", "Background colour", 0x0000FF)
        .build();
  }

  @Override
  public FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    return new ChromaKeyTransform(settings);
  }
}
