package dev.framebridge.plugins.barcode;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.media.VideoFrame;
import java.util.List;

/** Finds QR codes and barcodes (ZXing) and outlines them with their decoded text. */
public final class BarcodePlugin implements FramebridgePlugin {
  static final String ID = "barcode";

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
    return "Barcode highlighter";
  }

  @Override
  public String getDescription() {
    return "Finds QR codes and barcodes (ZXing) and outlines them with their decoded text.";
  }

  @Override
  public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .choice("formats", "Code types", "all", List.of("all", "qr"))
        .choice("resolution", "Detection resolution", "auto", List.of("auto", "full", "half"))
        .color("color", "Outline colour", 0xFF00FF)
        .number("thickness", "Outline thickness (px)", 4, 1, 16, 1)
        .bool("showText", "Show decoded text", true)
        .build();
  }

  @Override
  public FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    return new BarcodeTransform(settings);
  }
}
