package dev.framebridge.sdk.testkit;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.settings.SettingsSchema;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Loads plugins the way the host does: a JAR must be a readable JAR with exactly one provider registered in
 * {@code META-INF/services/dev.framebridge.spi.FramebridgePlugin}, must not bundle the SPI (the host provides it),
 * and its provider must construct cheaply and state a valid id, version, SPI version, track kinds and schema. Each
 * refusal is one {@link PluginValidationException} naming the cause and the file. The JAR's classes load child-first
 * (only the JDK, SPI, SDK, SLF4J and JSpecify come from the parent). The host's supervisor can reuse this.
 */
public final class PluginLoader {
  /** The service file a plugin JAR registers its provider in. */
  public static final String SERVICE_FILE = "META-INF/services/" + FramebridgePlugin.class.getName();
  /** What a plugin id may look like. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private PluginLoader() {}

  /** Loads and validates the plugin of {@code jar}, with the SPI (and SDK) from this class's loader. */
  public static LoadedPlugin load(Path jar) {
    return load(jar, PluginLoader.class.getClassLoader());
  }

  /**
   * Loads and validates the plugin of {@code jar} in a new class loader whose parent is {@code parent} (which must
   * see the SPI).
   *
   * @throws PluginValidationException if the host would refuse the JAR
   */
  public static LoadedPlugin load(Path jar, ClassLoader parent) {
    String source = jar.toString();
    checkJar(jar, source);
    URLClassLoader loader;
    try {
      loader = new PluginClassLoader("plugin:" + jar.getFileName(), jar.toUri().toURL(), parent);
    } catch (IOException e) {
      throw new PluginValidationException(source, "cannot open", e);
    }
    try {
      FramebridgePlugin plugin = onlyProvider(loader, source);
      validate(plugin, source);
      return new LoadedPlugin(plugin, jar, loader);
    } catch (RuntimeException | Error e) {
      closeQuietly(loader);
      throw e;
    }
  }

  /**
   * Instantiates a provider class by its public no-argument constructor (as ServiceLoader would) and validates it.
   *
   * @throws PluginValidationException if the host would refuse it
   */
  public static LoadedPlugin load(Class<? extends FramebridgePlugin> providerClass) {
    String source = providerClass.getName();
    FramebridgePlugin plugin;
    try {
      plugin = providerClass.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new PluginValidationException(source, "needs a public no-argument constructor");
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new PluginValidationException(source, "provider constructor failed", cause);
    }
    validate(plugin, source);
    return new LoadedPlugin(plugin, null, null);
  }

  /**
   * Finds the provider with this id among those registered on {@code loader}'s classpath and validates it.
   *
   * @throws PluginValidationException if none has the id or it is invalid
   */
  public static LoadedPlugin loadFromClasspath(String id, ClassLoader loader) {
    List<String> seen = new ArrayList<>();
    try {
      for (FramebridgePlugin plugin : ServiceLoader.load(FramebridgePlugin.class, loader)) {
        if (id.equals(plugin.getId())) {
          validate(plugin, plugin.getClass().getName());
          return new LoadedPlugin(plugin, null, null);
        }
        seen.add(plugin.getId());
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginValidationException("classpath", "a registered provider cannot be loaded", e);
    }
    throw new PluginValidationException("classpath", "no provider with id '" + id + "' (found " + seen + ")");
  }

  /**
   * Checks what a provider states, without running any frame.
   *
   * @throws PluginValidationException naming {@code source} for the first problem found
   */
  public static void validate(FramebridgePlugin plugin, String source) {
    String id = call(source, "getId", plugin::getId);
    if (id == null || !ID.matcher(id).matches()) {
      throw new PluginValidationException(source, "plugin id '" + id + "' must match " + ID.pattern());
    }
    String version = call(source, "getVersion", plugin::getVersion);
    if (version == null || version.isBlank()) {
      throw new PluginValidationException(source, "plugin '" + id + "' states no version");
    }
    SpiVersion spi = call(source, "getSpiVersion", plugin::getSpiVersion);
    if (spi == null) {
      throw new PluginValidationException(source, "plugin '" + id + "' states no SPI version");
    }
    if (!spi.isSupportedBy(SpiVersion.current())) {
      throw new PluginValidationException(source, "plugin '" + id + "' needs SPI " + spi + " but this host runs "
          + SpiVersion.current() + " (same major, minor <= " + SpiVersion.current().getMinor() + " required)");
    }
    Set<TrackKind> kinds = call(source, "getTrackKinds", plugin::getTrackKinds);
    if (kinds == null || kinds.isEmpty()) {
      throw new PluginValidationException(source, "plugin '" + id + "' transforms no track kind");
    }
    SettingsSchema schema = call(source, "getSettingsSchema", plugin::getSettingsSchema);
    if (schema == null) {
      throw new PluginValidationException(source, "plugin '" + id + "' returns a null settings schema");
    }
    if (call(source, "getDisplayName", plugin::getDisplayName) == null) {
      throw new PluginValidationException(source, "plugin '" + id + "' returns a null display name");
    }
  }

  private static void checkJar(Path jar, String source) {
    if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
      throw new PluginValidationException(source, "not a readable file");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICE_FILE) == null) {
        throw new PluginValidationException(source, "has no " + SERVICE_FILE + " naming its provider");
      }
      JarEntry bundled = file.getJarEntry(FramebridgePlugin.class.getName().replace('.', '/') + ".class");
      if (bundled != null) {
        throw new PluginValidationException(source,
            "bundles the framebridge SPI; declare framebridge-spi (and -sdk) with scope 'provided'");
      }
    } catch (IOException e) {
      throw new PluginValidationException(source, "is not a JAR", e);
    }
  }

  private static FramebridgePlugin onlyProvider(URLClassLoader loader, String source) {
    List<ServiceLoader.Provider<FramebridgePlugin>> own = new ArrayList<>();
    try {
      // The parent's providers (a test classpath, the host's own) are visible too: keep only this JAR's.
      ServiceLoader.load(FramebridgePlugin.class, loader).stream()
          .filter(p -> p.type().getClassLoader() == loader)
          .forEach(own::add);
    } catch (ServiceConfigurationError e) {
      throw new PluginValidationException(source, "its provider cannot be loaded", e);
    }
    if (own.isEmpty()) {
      throw new PluginValidationException(source, SERVICE_FILE + " names no provider class inside this JAR");
    }
    if (own.size() > 1) {
      List<String> names = new ArrayList<>();
      own.forEach(p -> names.add(p.type().getName()));
      throw new PluginValidationException(source, "registers " + own.size() + " providers " + names + "; one JAR is one plugin");
    }
    try {
      return own.get(0).get();
    } catch (ServiceConfigurationError e) {
      throw new PluginValidationException(source, "provider " + own.get(0).type().getName() + " cannot be created",
          e.getCause() != null ? e.getCause() : e);
    }
  }

  private interface Getter<T> {
    T get();
  }

  private static <T> T call(String source, String method, Getter<T> getter) {
    try {
      return getter.get();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginValidationException(source, method + "() failed", e);
    }
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // Already failing with a clearer error.
    }
  }
}
