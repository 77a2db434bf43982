package dev.framebridge.spi;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import java.util.Set;

/**
 * The service a plugin registers in {@code META-INF/services/dev.framebridge.spi.FramebridgePlugin}. The host loads it
 * with {@link java.util.ServiceLoader}, validates it, and runs it in a worker JVM of its own.
 *
 * <p>A provider must have a public no-argument constructor and must be cheap to construct: the host instantiates it
 * to validate the JAR before any frame flows. Heavy work belongs in {@link FrameTransform#start}.
 *
 * <p>New capabilities arrive as default methods, so a provider built against an older minor SPI keeps loading.
 */
public interface FramebridgePlugin {

  /** A stable id, unique among the host's plugins: lower-case letters, digits, '-', '_' and '.'. */
  String getId();

  /** The plugin's own version, shown in the status API and used to tell a replaced JAR from the old one. */
  String getVersion();

  /**
   * The SPI version this provider was built against. Return a literal, e.g. {@code SpiVersion.of(1, 0)}, not
   * {@link SpiVersion#current()}: the host compares it with the SPI it runs.
   */
  SpiVersion getSpiVersion();

  /** A human name for lists and the settings dialog. */
  default String getDisplayName() {
    return getId();
  }

  /** One sentence on what the effect does. */
  default String getDescription() {
    return "";
  }

  /** The kinds of track this plugin transforms. */
  default Set<TrackKind> getTrackKinds() {
    return Set.of(TrackKind.VIDEO);
  }

  /** The settings the plugin takes, with their defaults; the host generates its settings form from this. */
  default SettingsSchema getSettingsSchema() {
    return SettingsSchema.empty();
  }

  /**
   * Creates the transform of a video track. Called once per worker, with the current settings (defaults applied);
   * later changes reach the running transform through {@link FrameTransform#onSettingsChanged}.
   */
  default FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    throw new UnsupportedOperationException("plugin '" + getId() + "' does not transform video");
  }

  /** Creates the transform of an audio track; see {@link #createVideoTransform}. */
  default FrameTransform<AudioData> createAudioTransform(Settings settings) {
    throw new UnsupportedOperationException("plugin '" + getId() + "' does not transform audio");
  }
}
