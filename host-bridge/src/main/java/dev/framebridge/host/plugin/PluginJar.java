package dev.framebridge.host.plugin;

import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.settings.SettingsSchema;
import java.nio.file.Path;
import dev.framebridge.spi.TrackKind;
import java.util.List;
import java.util.Set;

/** A plugin JAR that passed validation: where it is, what it says it is, and a fingerprint of its content. */
public final class PluginJar {
  private final Path source;
  private final Path jar;
  private final List<Path> libs;
  private final String id;
  private final String version;
  private final SpiVersion spiVersion;
  private final String displayName;
  private final String description;
  private final SettingsSchema schema;
  private final Set<TrackKind> trackKinds;
  private final String fingerprint;

  PluginJar(Path source, Path jar, List<Path> libs, String id, String version, SpiVersion spiVersion,
      String displayName, String description, SettingsSchema schema, Set<TrackKind> trackKinds, String fingerprint) {
    this.source = source;
    this.jar = jar;
    this.libs = List.copyOf(libs);
    this.id = id;
    this.version = version;
    this.spiVersion = spiVersion;
    this.displayName = displayName;
    this.description = description;
    this.schema = schema;
    this.trackKinds = Set.copyOf(trackKinds);
    this.fingerprint = fingerprint;
  }

  /** The kinds of track the plugin transforms ({@code FramebridgePlugin.getTrackKinds()}); never empty. */
  public Set<TrackKind> getTrackKinds() {
    return trackKinds;
  }

  /** The entry of the plugins folder: the JAR itself, or the plugin's directory. */
  public Path getSource() {
    return source;
  }

  /** The JAR holding the provider. */
  public Path getJar() {
    return jar;
  }

  /** The plugin's own dependency JARs ({@code lib/*.jar} of a directory plugin); empty for a single JAR. */
  public List<Path> getLibs() {
    return libs;
  }

  public String getId() {
    return id;
  }

  public String getVersion() {
    return version;
  }

  public SpiVersion getSpiVersion() {
    return spiVersion;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getDescription() {
    return description;
  }

  public SettingsSchema getSettingsSchema() {
    return schema;
  }

  /** SHA-256 over the JAR and its libs: equal fingerprints mean the same plugin build. */
  public String getFingerprint() {
    return fingerprint;
  }

  @Override
  public String toString() {
    return id + "@" + version + " (" + source.getFileName() + ")";
  }
}
