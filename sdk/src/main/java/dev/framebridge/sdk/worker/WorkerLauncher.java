package dev.framebridge.sdk.worker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * Starts plugin worker JVMs exactly as the host does: the running JDK's {@code java}, a capped heap, the Chronicle
 * flags of {@link WorkerJvmFlags}, a classpath of spi + sdk + their dependencies + the plugin, and
 * {@link PluginWorkerMain} as the entry point, with the control channel on the worker's stdin/stdout. Reusable by
 * test kits that want to run a plugin the way the host will. Immutable; build one with {@link #builder()}.
 */
public final class WorkerLauncher {
  private final Path javaExecutable;
  private final List<Path> baseClasspath;
  private final int heapMb;
  private final List<String> jvmArgs;

  private WorkerLauncher(Builder b) {
    this.javaExecutable = b.javaExecutable != null ? b.javaExecutable : currentJava();
    this.baseClasspath = List.copyOf(b.classpath != null ? b.classpath : currentClasspath());
    this.heapMb = b.heapMb;
    this.jvmArgs = List.copyOf(b.jvmArgs);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Path getJavaExecutable() {
    return javaExecutable;
  }

  /** spi + sdk + dependencies, without any plugin. */
  public List<Path> getBaseClasspath() {
    return baseClasspath;
  }

  public int getHeapMb() {
    return heapMb;
  }

  /** The full command line that {@link #launch} runs for these plugin JARs. */
  public List<String> command(List<Path> pluginJars) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable.toString());
    cmd.add("-Xmx" + heapMb + "m");
    cmd.add("-XX:+UseSerialGC");
    cmd.addAll(WorkerJvmFlags.getChronicleFlags());
    cmd.addAll(jvmArgs);
    List<String> cp = new ArrayList<>();
    pluginJars.forEach(p -> cp.add(p.toAbsolutePath().toString()));
    baseClasspath.forEach(p -> cp.add(p.toString()));
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, cp));
    cmd.add(PluginWorkerMain.class.getName());
    return cmd;
  }

  /**
   * Starts a worker for a plugin and sends it {@code init} (an INIT message) as its first control message.
   *
   * @param pluginJars the plugin JAR first, then its own dependency JARs
   * @param name a short name for thread names and the worker's log lines (the plugin id)
   * @throws UncheckedIOException if the JVM cannot be started
   */
  public WorkerProcess launch(List<Path> pluginJars, String name, ControlMessage init, ControlListener listener) {
    if (init.getType() != ControlMessageType.INIT) {
      throw new IllegalArgumentException("the first control message must be INIT, not " + init.getType());
    }
    ProcessBuilder pb = new ProcessBuilder(command(pluginJars));
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the worker JVM of '" + name + "' with " + javaExecutable, e);
    }
    WorkerProcess worker = new WorkerProcess(process, name, listener);
    worker.send(init);
    return worker;
  }

  private static Path currentJava() {
    Path bin = Paths.get(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    if (Files.isExecutable(bin)) {
      return bin;
    }
    return ProcessHandle.current().info().command().map(Paths::get).orElse(bin);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
  }

  /**
   * This JVM's classpath, with manifest-only JARs (as Surefire uses) expanded, minus the host-only module: what a
   * worker needs when this JVM is a host or a test.
   */
  static List<Path> currentClasspath() {
    Set<Path> out = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        expand(Paths.get(entry).toAbsolutePath(), out);
      }
    }
    out.removeIf(p -> p.toString().contains("framebridge-host-bridge") || p.toString().contains("host-bridge"));
    return new ArrayList<>(out);
  }

  private static void expand(Path entry, Set<Path> out) {
    if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
      out.add(entry);
      return;
    }
    String classPath = null;
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest m = jar.getManifest();
      classPath = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      boolean manifestOnly = jar.stream().noneMatch(e -> e.getName().endsWith(".class"));
      if (classPath == null || !manifestOnly) {
        out.add(entry);
        return;
      }
    } catch (IOException e) {
      out.add(entry);
      return;
    }
    for (String ref : classPath.trim().split("\\s+")) {
      try {
        java.net.URI uri = entry.getParent().toUri().resolve(ref);
        expand(Paths.get(uri), out);
      } catch (RuntimeException ignored) {
        // an entry the JVM would not resolve either
      }
    }
  }

  /** Builds a {@link WorkerLauncher}. */
  public static final class Builder {
    private @Nullable Path javaExecutable;
    private @Nullable List<Path> classpath;
    private int heapMb = 256;
    private List<String> jvmArgs = List.of();

    private Builder() {}

    /** The {@code java} to run; default the running JDK's. */
    public Builder javaExecutable(Path v) { javaExecutable = v; return this; }

    /** spi + sdk + dependencies; default this JVM's classpath minus host-bridge. */
    public Builder classpath(List<Path> v) { classpath = v; return this; }

    /** The worker heap cap in MB; default 256. */
    public Builder heapMb(int v) {
      if (v <= 0) {
        throw new IllegalArgumentException("heapMb must be > 0, got " + v);
      }
      heapMb = v;
      return this;
    }

    /** Extra JVM arguments. */
    public Builder jvmArgs(List<String> v) { jvmArgs = v; return this; }

    public WorkerLauncher build() {
      return new WorkerLauncher(this);
    }
  }
}
