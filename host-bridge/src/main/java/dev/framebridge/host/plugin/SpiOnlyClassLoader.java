package dev.framebridge.host.plugin;

import dev.framebridge.spi.FramebridgePlugin;

/**
 * The parent of a validation class loader: the JDK's platform classes plus the framebridge packages a worker also
 * provides (spi, and sdk helpers), and nothing else of the host, so a JAR that only loads because the host happens
 * to carry a class fails here as it would in its worker.
 */
final class SpiOnlyClassLoader extends ClassLoader {
  private static final ClassLoader HOST = FramebridgePlugin.class.getClassLoader();

  SpiOnlyClassLoader() {
    super("framebridge-spi-only", ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("dev.framebridge.spi.") || name.startsWith("dev.framebridge.sdk.")
        || name.startsWith("org.jspecify.")) {
      return HOST.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
