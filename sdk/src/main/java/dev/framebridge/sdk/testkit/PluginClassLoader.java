package dev.framebridge.sdk.testkit;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A plugin JAR's class loader: the plugin's own classes (and what it shades) come from its JAR first, so a copy of
 * the same classes elsewhere on the parent's classpath (a test classpath, an older version) cannot stand in for them;
 * the JDK, the SPI and the SDK always come from the parent, so the host and the plugin share those types.
 */
final class PluginClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  PluginClassLoader(String name, URL jar, ClassLoader parent) {
    super(name, new URL[] {jar}, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        try {
          c = findClass(name);
        } catch (ClassNotFoundException e) {
          return super.loadClass(name, resolve);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  static boolean isShared(String name) {
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
        || name.startsWith("dev.framebridge.spi.") || name.startsWith("dev.framebridge.sdk.")
        || name.startsWith("org.slf4j.") || name.startsWith("org.jspecify.");
  }
}
