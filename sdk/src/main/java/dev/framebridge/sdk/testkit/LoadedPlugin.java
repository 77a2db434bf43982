package dev.framebridge.sdk.testkit;

import dev.framebridge.spi.FramebridgePlugin;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A validated plugin provider and the class loader it came from. Closing closes a JAR's class loader; a plugin
 * loaded from the classpath has none to close.
 */
public final class LoadedPlugin implements AutoCloseable {
  private final FramebridgePlugin plugin;
  private final @Nullable Path jar;
  private final @Nullable URLClassLoader classLoader;

  LoadedPlugin(FramebridgePlugin plugin, @Nullable Path jar, @Nullable URLClassLoader classLoader) {
    this.plugin = plugin;
    this.jar = jar;
    this.classLoader = classLoader;
  }

  public FramebridgePlugin getPlugin() {
    return plugin;
  }

  /** The JAR it was loaded from, or null for a plugin from the classpath. */
  public @Nullable Path getJar() {
    return jar;
  }

  /** The class loader of the plugin's classes. */
  public ClassLoader getClassLoader() {
    return plugin.getClass().getClassLoader();
  }

  @Override
  public void close() {
    if (classLoader != null) {
      try {
        classLoader.close();
      } catch (IOException e) {
        // Nothing to do: the JAR's file handle is released on a best-effort basis.
      }
    }
  }

  @Override
  public String toString() {
    return "LoadedPlugin(" + plugin.getId() + " " + plugin.getVersion() + (jar != null ? " from " + jar : "") + ")";
  }
}
