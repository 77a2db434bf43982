package dev.framebridge.host.plugin;

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.settings.SettingsSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a plugin before anything is launched: a readable zip, one provider entry in
 * {@code META-INF/services/dev.framebridge.spi.FramebridgePlugin}, the provider class loadable and constructible in
 * an isolated class loader whose parent exposes only the SPI (and sdk), a valid id, and an SPI version the running
 * SPI supports. Uniqueness of ids is the caller's check, since it spans JARs.
 *
 * <p>Supported layouts: a single JAR (plain, or shaded with its dependencies inside), or a directory holding one JAR
 * with the provider entry plus its dependency JARs in {@code lib/} (and any further top-level JARs).
 */
public final class PluginJarValidator {
  /** The provider entry path. */
  public static final String SERVICE_ENTRY = "META-INF/services/" + FramebridgePlugin.class.getName();
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final long CONSTRUCT_TIMEOUT_MS = 5000;

  /**
   * Validates the plugin at {@code source} (a JAR or a plugin directory).
   *
   * @throws PluginJarException naming the file and the cause
   */
  public PluginJar validate(Path source) throws PluginJarException {
    Path jar;
    List<Path> libs = new ArrayList<>();
    if (Files.isDirectory(source)) {
      jar = findProviderJar(source, libs);
    } else {
      jar = source;
      if (!hasServiceEntry(jar)) {
        throw new PluginJarException(source, "no " + SERVICE_ENTRY + " entry");
      }
    }
    String providerClass = readProviderClass(source, jar);
    List<URL> urls = new ArrayList<>();
    urls.add(url(jar));
    for (Path lib : libs) {
      urls.add(url(lib));
    }
    try (URLClassLoader loader = new URLClassLoader("plugin-validation", urls.toArray(new URL[0]),
        new SpiOnlyClassLoader())) {
      FramebridgePlugin plugin = construct(source, loader, providerClass);
      return describe(source, jar, libs, plugin);
    } catch (IOException e) {
      throw new PluginJarException(source, "cannot close its class loader: " + e.getMessage());
    }
  }

  private PluginJar describe(Path source, Path jar, List<Path> libs, FramebridgePlugin plugin)
      throws PluginJarException {
    String id;
    String version;
    SpiVersion spi;
    SettingsSchema schema;
    String name;
    String description;
    Set<TrackKind> kinds;
    try {
      id = plugin.getId();
      version = plugin.getVersion();
      spi = plugin.getSpiVersion();
      schema = plugin.getSettingsSchema();
      name = plugin.getDisplayName();
      description = plugin.getDescription();
      kinds = plugin.getTrackKinds();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginJarException(source, "provider " + plugin.getClass().getName() + " failed to describe itself: "
          + describe(e));
    }
    if (id == null || !ID.matcher(id).matches()) {
      throw new PluginJarException(source, "invalid plugin id '" + id + "' (lower-case letters, digits, '-', '_', '.')");
    }
    if (spi == null || !spi.isSupportedBy(SpiVersion.current())) {
      throw new PluginJarException(source, "plugin '" + id + "' needs SPI " + spi + " but the host runs SPI "
          + SpiVersion.current());
    }
    if (kinds == null || kinds.isEmpty()) {
      throw new PluginJarException(source, "plugin '" + id + "' names no track kind in getTrackKinds()");
    }
    return new PluginJar(source, jar, libs, id, version == null ? "" : version, spi, name == null ? id : name,
        description == null ? "" : description, schema == null ? SettingsSchema.empty() : schema, kinds,
        fingerprint(source, jar, libs));
  }

  private static FramebridgePlugin construct(Path source, ClassLoader loader, String providerClass)
      throws PluginJarException {
    Class<?> type;
    try {
      type = Class.forName(providerClass, false, loader);
    } catch (ClassNotFoundException e) {
      throw new PluginJarException(source, "provider class " + providerClass + " is not in the JAR");
    } catch (LinkageError e) {
      throw new PluginJarException(source, "provider class " + providerClass + " cannot be loaded: " + describe(e));
    }
    if (!FramebridgePlugin.class.isAssignableFrom(type)) {
      throw new PluginJarException(source, "provider class " + providerClass + " does not implement "
          + FramebridgePlugin.class.getName());
    }
    FutureTask<FramebridgePlugin> task = new FutureTask<>(
        () -> (FramebridgePlugin) type.getConstructor().newInstance());
    Thread t = new Thread(task, "plugin-validation-" + source.getFileName());
    t.setDaemon(true);
    t.setContextClassLoader(loader);
    t.start();
    try {
      return task.get(CONSTRUCT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      t.interrupt();
      throw new PluginJarException(source, "provider " + providerClass + " constructor did not return within "
          + CONSTRUCT_TIMEOUT_MS + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginJarException(source, "validation interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof InvocationTargetException) {
        throw new PluginJarException(source, "provider " + providerClass + " constructor threw "
            + describe(((InvocationTargetException) c).getCause()));
      }
      if (c instanceof NoSuchMethodException) {
        throw new PluginJarException(source, "provider " + providerClass + " has no public no-argument constructor");
      }
      throw new PluginJarException(source, "provider " + providerClass + " cannot be constructed: " + describe(c));
    }
  }

  private static Path findProviderJar(Path dir, List<Path> libs) throws PluginJarException {
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
          .forEach(jars::add);
    } catch (IOException e) {
      throw new PluginJarException(dir, "cannot list the plugin directory: " + e.getMessage());
    }
    Path lib = dir.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> s = Files.list(lib)) {
        s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(libs::add);
      } catch (IOException e) {
        throw new PluginJarException(dir, "cannot list lib/: " + e.getMessage());
      }
    }
    Path provider = null;
    for (Path jar : jars) {
      if (hasServiceEntry(jar)) {
        if (provider != null) {
          throw new PluginJarException(dir, "two JARs with a provider entry: " + provider.getFileName() + " and "
              + jar.getFileName());
        }
        provider = jar;
      } else {
        libs.add(jar);
      }
    }
    if (provider == null) {
      throw new PluginJarException(dir, jars.isEmpty() ? "the plugin directory holds no JAR"
          : "no JAR in the plugin directory has a " + SERVICE_ENTRY + " entry");
    }
    return provider;
  }

  private static boolean hasServiceEntry(Path jar) throws PluginJarException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(SERVICE_ENTRY) != null;
    } catch (ZipException e) {
      throw new PluginJarException(jar, "not a JAR (zip): " + e.getMessage());
    } catch (IOException e) {
      throw new PluginJarException(jar, "cannot read: " + e.getMessage());
    }
  }

  private static String readProviderClass(Path source, Path jar) throws PluginJarException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry e = zip.getEntry(SERVICE_ENTRY);
      if (e == null) {
        throw new PluginJarException(source, "no " + SERVICE_ENTRY + " entry");
      }
      try (InputStream in = zip.getInputStream(e);
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          int hash = line.indexOf('#');
          String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
    } catch (IOException e) {
      throw new PluginJarException(source, "cannot read " + SERVICE_ENTRY + ": " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw new PluginJarException(source, SERVICE_ENTRY + " names no provider class");
    }
    if (names.size() > 1) {
      throw new PluginJarException(source, SERVICE_ENTRY + " names " + names.size() + " providers " + names
          + "; a plugin JAR holds one");
    }
    return names.get(0);
  }

  private static String fingerprint(Path source, Path jar, List<Path> libs) throws PluginJarException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> all = new ArrayList<>();
      all.add(jar);
      all.addAll(libs);
      byte[] buf = new byte[1 << 16];
      for (Path p : all) {
        md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(p)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
          }
        }
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : md.digest()) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (IOException e) {
      throw new PluginJarException(source, "cannot read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad path " + p, e);
    }
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
  }
}
