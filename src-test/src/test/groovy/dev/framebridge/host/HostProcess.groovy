package dev.framebridge.host

import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import java.util.regex.Pattern

/**
 * The host started as a real child process through bin/framebridge, as a user runs it: output drained into a
 * buffer, the web preview's URL read from its "Web preview:" line. Always {@link #close()} it (cleanup:), which
 * kills it if it is still running.
 */
class HostProcess implements AutoCloseable {
  static final Path ROOT = Path.of(System.getProperty('user.dir')).toAbsolutePath().parent
  static final Path LAUNCHER = ROOT.resolve('bin/framebridge')
  static final Pattern URL_LINE = ~/Web preview: (http:\/\/127\.0\.0\.1:\d+\/)/

  final Process process
  final StringBuffer output = new StringBuffer()
  final CompletableFuture<String> url = new CompletableFuture<>()
  final HttpClient http = HttpClient.newHttpClient()

  /** True when the launcher and the built host it runs exist (mvn package of host-bridge has run). */
  static boolean isBuilt() {
    Path target = ROOT.resolve('host-bridge/target')
    Files.isExecutable(LAUNCHER) && Files.isDirectory(target.resolve('lib')) &&
        Files.isRegularFile(target.resolve('launcher/jvm.options'))
  }

  HostProcess(List<String> args, Path workDir, Map<String, String> env = [:]) {
    def pb = new ProcessBuilder([LAUNCHER.toString()] + args).directory(workDir.toFile()).redirectErrorStream(true)
    pb.environment().remove('DISPLAY') // headless unless a test gives a display
    pb.environment().putAll(env)
    process = pb.start()
    Thread.start('host-output') {
      try {
        process.inputStream.newReader('UTF-8').eachLine { line ->
          output.append(line).append('\n')
          def m = URL_LINE.matcher(line)
          if (m.find()) url.complete(m.group(1))
        }
      } catch (IOException ignored) {
        // the process was destroyed while we read
      }
      url.complete(null)
    }
  }

  String url() {
    String u = url.get(30, TimeUnit.SECONDS)
    assert u != null: "no 'Web preview:' line; output:\n${output}"
    u
  }

  HttpResponse<String> get(String path) {
    http.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.ofString())
  }

  HttpResponse<byte[]> getBytes(String path) {
    http.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.ofByteArray())
  }

  HttpResponse<String> post(String path, String json) {
    http.send(HttpRequest.newBuilder(URI.create(url() + path)).header('Content-Type', 'application/json')
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
  }

  Map json(String path) {
    def r = get(path)
    assert r.statusCode() == 200: "${path}: ${r.statusCode()} ${r.body()}"
    new JsonSlurper().parseText(r.body()) as Map
  }

  /** Waits for exit and returns the code, or null on timeout. */
  Integer waitFor(long seconds) {
    process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null
  }

  @Override
  void close() {
    if (process.alive) {
      process.destroy()
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
        process.waitFor(5, TimeUnit.SECONDS)
      }
    }
  }

  /**
   * What this host left in /dev/shm: its instance directories are named host-<pid>-..., and bin/framebridge execs
   * the JVM, so the child's pid is the host's. (Other tests may be using /dev/shm at the same time.)
   */
  Set<String> shmLeftovers() {
    shmEntries().findAll { it.contains("/host-${process.pid()}-") } as Set<String>
  }

  /** Every path under /dev/shm now. */
  static Set<String> shmEntries() {
    Path shm = Path.of('/dev/shm')
    if (!Files.isDirectory(shm)) return [] as Set
    // Other tests create and delete entries meanwhile: a walk that trips over a vanished file is retried.
    for (int attempt = 0; ; attempt++) {
      try {
        def found = [] as Set<String>
        Files.walk(shm).withCloseable { s -> s.forEach { found << it.toString() } }
        return found
      } catch (UncheckedIOException e) {
        if (attempt >= 10) throw e
      }
    }
  }
}
