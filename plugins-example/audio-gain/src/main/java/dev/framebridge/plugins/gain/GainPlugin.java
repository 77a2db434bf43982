package dev.framebridge.plugins.gain;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.TrackKind;
import java.util.Set;

/** Amplifies or attenuates audio by a gain in decibels and meters the result. */
public final class GainPlugin implements FramebridgePlugin {
  static final String ID = "audio-gain";

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
    return "Gain + level meter";
  }

  @Override
  public String getDescription() {
    return "Amplifies or attenuates audio by a gain in decibels and meters the result.";
  }

  @Override
  public Set<TrackKind> getTrackKinds() {
    return Set.of(TrackKind.AUDIO);
  }

  @Override
  public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .number("gainDb", "Gain (dB)", 0, -60, 24, 0.5)
        .bool("mute", "Mute", false)
        .build();
  }

  @Override
  public FrameTransform<AudioData> createAudioTransform(Settings settings) {
    return new GainTransform(settings);
  }
}
