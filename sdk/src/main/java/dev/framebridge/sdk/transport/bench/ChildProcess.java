package dev.framebridge.sdk.transport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A benchmark role in its own JVM, started with this JVM's java and class path; its output is drained. */
final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final Map<String, CompletableFuture<String>> keys = new ConcurrentHashMap<>();

  ChildProcess(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms64m");
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC"); // one core left for the other side; no parallel GC threads fighting it
    // the same module flags as this JVM (Chronicle's set, from bench/transport.sh)
    for (String flag : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle.")) {
        command.add(flag);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TransportBenchmark.class.getName());
    command.addAll(args);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread drain = new Thread(this::drain, "bench-child-output");
    drain.setDaemon(true);
    drain.start();
  }

  private void drain() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        output.append(line).append('\n');
        int eq = line.indexOf('=');
        if (line.startsWith("@") && eq > 0) {
          keys.computeIfAbsent(line.substring(1, eq), k -> new CompletableFuture<>()).complete(line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      // the child went away
    }
    keys.values().forEach(f -> f.completeExceptionally(new IllegalStateException("child exited:\n" + output)));
  }

  /** Waits for a line {@code @key=value} from the child. */
  String await(String key, long timeoutSeconds) throws Exception {
    try {
      return keys.computeIfAbsent(key, k -> new CompletableFuture<>()).get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("child did not report " + key + " in " + timeoutSeconds + " s:\n" + output, e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
