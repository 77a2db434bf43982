package dev.framebridge.host.soak

import dev.framebridge.host.HostProcess
import dev.framebridge.sdk.transport.channel.RingDescriptor
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import groovy.json.JsonSlurper
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.locks.LockSupport

/**
 * Soak benchmark of the real host (bin/framebridge: synthetic camera, web preview, two example plugins): for
 * {@code --minutes} it replaces one plugin JAR with a rebuilt copy every {@code --replace-every} seconds and kills one
 * worker JVM with SIGKILL every {@code --kill-every} seconds, samples the host from outside every
 * {@code --sample-every} seconds ({@link SoakSample}, one JSON line each on stdout) and ends with one summary line
 * ({@link SoakSummary}). A benchmark, not a test: it asserts nothing and is run by {@code bench/soak.sh}.
 * The host is stopped and its files removed on every way out, Ctrl-C included (a shutdown hook).
 */
class SoakBenchmark {
  static final List<String> PLUGINS = ['grayscale', 'sepia-mirror']
  /** The host's video channels have 6 slots (ChainSlot's input, PluginWorker's output). */
  static final int VIDEO_SLOTS = 6

  final Map<String, String> opts
  final Path work = Files.createTempDirectory('framebridge-soak-')
  final Path plugins = Files.createDirectories(work.resolve('plugins'))
  final Path staging = Files.createDirectories(work.resolve('staging'))
  final List<SoakSample> samples = new CopyOnWriteArrayList<>()
  HostProcess host
  int replaced
  int killed
  private boolean finished
  private volatile boolean stopping

  SoakBenchmark(Map<String, String> opts) {
    this.opts = opts
  }

  static void main(String[] args) {
    Map<String, String> opts = [minutes: '2', 'replace-every': '10', 'kill-every': '25', 'sample-every': '2',
                                size: '1280x720', fps: '30', 'plugins-from': '../plugins-example/target/plugins']
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].startsWith('--') ? args[i].substring(2) : ''
      if (i + 1 >= args.length || !(opts.containsKey(key) || key == 'pid-file')) {
        System.err.println("usage: bench/soak.sh [--minutes M] [--replace-every S] [--kill-every S] " +
            "[--sample-every S] [--size WxH] [--fps N] [--plugins-from DIR]")
        System.exit(2)
      }
      opts[key] = args[i + 1]
    }
    def soak = new SoakBenchmark(opts)
    Runtime.runtime.addShutdownHook(new Thread({ soak.finish('interrupted') } as Runnable, 'soak-shutdown'))
    Exception failure = null
    try {
      soak.run()
    } catch (Exception e) {
      failure = soak.stopping ? null : e // once stopping, the host going away is expected
    }
    soak.finish(failure == null ? 'completed' : "failed: $failure")
    if (failure != null) {
      failure.printStackTrace()
      System.exit(1)
    }
  }

  double num(String key) {
    opts[key] as double
  }

  void run() {
    Path from = Paths.get(opts['plugins-from']).toAbsolutePath().normalize()
    PLUGINS.each { Files.copy(from.resolve("framebridge-plugin-${it}.jar"), plugins.resolve("${it}.jar")) }
    host = new HostProcess(['--camera', 'synthetic', '--size', opts.size, '--fps', opts.fps, '--preview', 'web',
                            '--port', '0', '--plugins', plugins.toString()], work)
    long hostPid = host.process.pid()
    if (opts['pid-file']) {
      Files.writeString(Paths.get(opts['pid-file']), "$hostPid\n")
    }
    host.url()
    awaitRunning(60)
    System.err.println("soak: host pid $hostPid serving ${PLUGINS} at ${opts.size}@${opts.fps}; " +
        "${opts.minutes} min, a replacement every ${opts['replace-every']} s, a kill every ${opts['kill-every']} s")
    long t0 = System.nanoTime()
    long end = t0 + sec(num('minutes') * 60)
    long nextSample = t0
    long nextReplace = t0 + sec(num('replace-every'))
    long nextKill = t0 + sec(num('kill-every'))
    while (nextSample <= end && !stopping) {
      LockSupport.parkNanos(Math.min(nextSample, Math.min(nextReplace, nextKill)) - System.nanoTime())
      long now = System.nanoTime()
      if (!host.process.alive) {
        throw new IllegalStateException("the host exited (${host.process.exitValue()}); its output:\n${host.output}")
      }
      if (now >= nextReplace) {
        String id = PLUGINS[replaced % PLUGINS.size()]
        SoakJars.install(from.resolve("framebridge-plugin-${id}.jar"), staging, plugins.resolve("${id}.jar"),
            ++replaced)
        nextReplace += sec(num('replace-every'))
      }
      if (now >= nextKill) {
        killOneWorker()
        nextKill += sec(num('kill-every'))
      }
      if (now >= nextSample) {
        def s = SoakSample.take(hostPid, (now - t0) / 1e9d, status(), replaced, killed)
        samples << s
        println s.toJson()
        nextSample += sec(num('sample-every'))
      }
    }
  }

  static long sec(double s) {
    (long) (s * 1e9)
  }

  /** Waits for every plugin to be served by its worker, so the first samples measure the steady state. */
  void awaitRunning(int seconds) {
    long deadline = System.nanoTime() + sec(seconds)
    while (true) {
      def states = (status()?.plugins as List<Map>)?.collect { it.state }
      if (states != null && states.size() == PLUGINS.size() && states.every { it == 'running' }) {
        return
      }
      if (System.nanoTime() > deadline || !host.process.alive) {
        throw new IllegalStateException("plugins not running within $seconds s ($states); host output:\n${host.output}")
      }
      LockSupport.parkNanos(sec(0.2))
    }
  }

  /** SIGKILL to the worker of the next plugin in turn (as an out-of-memory killer or a crash would). */
  void killOneWorker() {
    List<Map> list = status()?.plugins as List<Map>
    Map victim = list?.find { it.id == PLUGINS[killed % PLUGINS.size()] }
    long pid = victim?.pid as Long ?: 0L
    if (pid > 0 && ProcessHandle.of(pid).map { it.destroyForcibly() }.orElse(false)) {
      killed++
    } else {
      System.err.println("soak: no worker to kill for ${PLUGINS[killed % PLUGINS.size()]} (${victim?.state})")
    }
  }

  /** GET /api/status, or null when the host does not answer within 2 s (recorded as a sample without output data). */
  Map status() {
    try {
      def r = host.http.send(HttpRequest.newBuilder(URI.create(host.url() + 'api/status'))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString())
      r.statusCode() == 200 ? new JsonSlurper().parseText(r.body()) as Map : null
    } catch (IOException | InterruptedException e) {
      null
    }
  }

  double ringMb() {
    String[] wh = opts.size.split('x')
    RingDescriptor.fileLength(VIDEO_SLOTS, RingDescriptor.slotCapacityFor((wh[0] as long) * (wh[1] as long) * 4)) /
        SoakSample.MB
  }

  /**
   * Stops the host (SIGTERM, then SIGKILL), removes what it left and prints the summary of the samples so far; once,
   * from main or from the shutdown hook (Ctrl-C, SIGTERM).
   */
  synchronized void finish(String outcome) {
    stopping = true
    if (finished) {
      return
    }
    finished = true
    if (host != null) {
      host.close()
      // a host that had to be killed leaves its shared memory; the next host would reclaim it, but nobody may follow
      host.shmLeftovers().findAll { it ==~ /.*\/host-\d+-[^\/]+/ }.each {
        System.err.println("soak: removing $it left by the host")
        InstanceDirectory.deleteRecursively(Paths.get(it))
      }
    }
    work.toFile().deleteDir()
    def run = [minutes: num('minutes'), size: opts.size, fps: opts.fps as int, plugins: PLUGINS, replaced: replaced,
               killed: killed, outcome: outcome, hostExit: host?.process?.alive ? null : host?.process?.exitValue()]
    println SoakSummary.json(samples, run, ringMb(), opts.fps as int, num('sample-every'))
    System.out.flush()
  }
}
