package dev.framebridge.testing

import java.lang.management.ManagementFactory
import java.nio.charset.StandardCharsets
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/**
 * A real child JVM for specs: started with this JVM's java, the test class path and the --add-exports/--add-opens
 * (Chronicle) flags this JVM got, its stdout+stderr drained and kept for failure messages.
 *
 * <pre>
 * def child = ChildJvm.start(MyMain, ["arg"])
 * cleanup: child?.close()          // always: destroys it (forcibly if needed)
 * child.awaitKey("ready", 30)      // waits for a line "@ready=value" and returns "value"
 * </pre>
 * Under Surefire the class path comes from {@code surefire.test.class.path}, since {@code java.class.path} may be a
 * manifest-only booter jar.
 */
class ChildJvm implements AutoCloseable {
  final Process process
  private final StringBuffer output = new StringBuffer()
  private final Map<String, CompletableFuture<String>> keys = new ConcurrentHashMap<>()
  private final Thread drainer
  final String description

  private ChildJvm(Process process, String description) {
    this.process = process
    this.description = description
    drainer = new Thread({ drain() } as Runnable, "child-jvm-output-${process.pid()}")
    drainer.daemon = true
    drainer.start()
  }

  /** Starts {@code mainClass} with {@code args}; {@code jvmArgs} go before the class (e.g. "-Xmx256m"). */
  static ChildJvm start(Class<?> mainClass, List<String> args = [], List<String> jvmArgs = []) {
    def command = [javaExecutable()]
    command += inheritedFlags()
    command += jvmArgs.empty ? ['-Xmx256m', '-XX:+UseSerialGC'] : jvmArgs
    command += ['-cp', testClassPath(), mainClass.name]
    command += args.collect { it.toString() }
    def process = new ProcessBuilder(command as List<String>).redirectErrorStream(true).start()
    new ChildJvm(process, "${mainClass.simpleName} ${args.join(' ')}")
  }

  static String javaExecutable() {
    new File(System.getProperty('java.home'), 'bin/java').absolutePath
  }

  static String testClassPath() {
    System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
  }

  /** The module-access flags (--add-exports/--add-opens, Chronicle's -D switches) this JVM was started with. */
  static List<String> inheritedFlags() {
    def flags = ManagementFactory.runtimeMXBean.inputArguments.findAll {
      it.startsWith('--add-') || it.startsWith('-Dchronicle.')
    }
    flags.contains('-Dchronicle.analytics.disable=true') ? flags : flags + ['-Dchronicle.analytics.disable=true']
  }

  private void drain() {
    try {
      process.inputStream.newReader(StandardCharsets.UTF_8.name()).eachLine { String line ->
        output.append(line).append('\n')
        int eq = line.indexOf('=')
        if (line.startsWith('@') && eq > 0) {
          keys.computeIfAbsent(line.substring(1, eq)) { new CompletableFuture<String>() }.complete(line.substring(eq + 1))
        }
      }
    } catch (IOException ignored) {
      // the stream closed with the process
    } finally {
      keys.values().each { it.completeExceptionally(new IllegalStateException("child exited:\n$output")) }
    }
  }

  /** Writes one line to the child's stdin (for children that take commands). */
  synchronized void send(String line) {
    process.outputStream.write((line + '\n').getBytes(StandardCharsets.UTF_8))
    process.outputStream.flush()
  }

  long pid() {
    process.pid()
  }

  /** Everything the child printed so far. */
  String output() {
    output.toString()
  }

  /** Waits for a line {@code @key=value} and returns the value; fails with the child's output on timeout or exit. */
  String awaitKey(String key, long timeoutSeconds = 30) {
    def future = keys.computeIfAbsent(key) { new CompletableFuture<String>() }
    try {
      future.get(timeoutSeconds, TimeUnit.SECONDS)
    } catch (TimeoutException e) {
      throw new AssertionError("child '$description' did not print @$key= within $timeoutSeconds s; output:\n${output()}", e)
    } catch (java.util.concurrent.ExecutionException e) {
      // exited: one more look, the key may have been printed just before the end
      if (future.isDone() && !future.isCompletedExceptionally()) {
        return future.get()
      }
      throw new AssertionError("child '$description' exited (${exitCodeOrNull()}) before printing @$key=; output:\n${output()}", e)
    }
  }

  /** Waits for the child to exit and returns its code; fails with its output on timeout. */
  int waitFor(long timeoutSeconds = 30) {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError("child '$description' still running after $timeoutSeconds s; output:\n${output()}")
    }
    drainer.join(2000)
    process.exitValue()
  }

  private Integer exitCodeOrNull() {
    process.alive ? null : process.exitValue()
  }

  /** Kills it at once (SIGKILL) and waits for it to be gone. */
  void kill() {
    process.destroyForcibly()
    process.waitFor(10, TimeUnit.SECONDS)
  }

  boolean isAlive() {
    process.alive
  }

  @Override
  void close() {
    if (process.alive) {
      process.destroy()
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill()
      }
    }
  }
}
