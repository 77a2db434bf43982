package dev.framebridge.runtime

import dev.framebridge.host.chain.PluginState
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.testing.ChainHarness
import dev.framebridge.testing.PluginJarBuilder
import dev.framebridge.testing.ResourceUsage
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * "Resources are bounded": one live chain goes through hot replacements, kill -9 of its worker and enable/disable
 * toggles, and afterwards this JVM's threads, fds, child processes and shared memory are back where they were.
 *
 * <p>Tolerances, and why they still catch a leak. The churn starts and stops 15 worker JVMs (8 replacements, 3 kills,
 * 2 toggles, and a burst of off/on/off/on), so a leak of one thread, fd, process or channel per worker or per reload
 * leaves at least 8 behind. Threads may exceed the baseline by {@value #THREAD_SLACK} (the JDK's idle process-reaper
 * threads are not counted: see {@link ResourceUsage#IDLE_REAPER}) for threads of the JDK's that come and go on their
 * own; on a 2-core machine CompletableFuture runs each async stage on a new thread (its common pool is off below
 * parallelism 2), and Process.onExit() uses one. The chain's own pools (4 scheduler threads, watcher, heartbeat)
 * are all running at the baseline. Fds may exceed it by {@value #FD_SLACK}: a class-path JAR opened by a class loaded
 * late (99 are open at the baseline) or the /proc listing itself; one worker's pipes alone are 3. Child processes and
 * shared-memory files must be exactly back (1 worker; the same channel files), this JVM must map no more deleted
 * /dev/shm files than at the baseline, and /dev/shm's allocated bytes (df's view: a deleted file still mapped anywhere
 * stays allocated) must be within one ring of the baseline.
 *
 * <p>Checked to fail, each by breaking the production code on purpose and running this spec: not deleting a stopped
 * worker's channel files (shared-memory files 6 -> 24), a worker's frame-reading thread that never ends (threads
 * 21 -> 35, each "worker-stamp-<pid>-frames" listed), a validation class loader never closed (fds 116 -> 124, each
 * staged stamp.jar listed). It also found two real leaks, fixed with it: the host kept the 4 KiB control page of every
 * stopped worker's output channel mapped until a GC collected it (15 deleted mappings after the churn against 1 at the
 * baseline, on a run without a GC), and a worker closed before its start task ran still launched its JVM (10 rapid
 * off/on toggles: JVMs failing with "no channel ... out-stamp-11.ctl").
 */
@Stepwise
class ResourceBoundsSpec extends Specification {
  static final int REPLACEMENTS = 8
  static final int THREAD_SLACK = 2
  static final int FD_SLACK = 4

  @TempDir @Shared Path root
  @Shared ChainHarness h
  @Shared Path shmDir
  @Shared List<Path> builds = []
  @Shared ResourceUsage baseline
  @Shared long ringBytes
  @Shared long shmBeforeChain
  def conditions = new PollingConditions(timeout: 30, delay: 0.05)

  def setupSpec() {
    // every build first: compiling during the churn would only slow it down
    Path staged = Files.createDirectories(root.resolve('staged'))
    (0..REPLACEMENTS + 1).each { int v ->
      builds << PluginJarBuilder.build(Files.createDirectories(staged.resolve("v$v")), 'stamp.jar',
          [id: 'stamp', version: "1.$v", stamp: v + 1])
    }
    shmBeforeChain = ResourceUsage.of(root.resolve('none')).shmOwnUsed
    h = new ChainHarness(root)
    h.start(h.options().maxFailures(10).build()) // 3 kills in a row must not quarantine it
    shmDir = h.chain.sharedMemoryDirectory
  }

  def cleanupSpec() {
    h?.close()
    // whatever a failure left behind is this spec's to remove: worker JVMs, and the chain's shared memory
    ProcessHandle.current().descendants().filter { it.alive }.forEach { it.destroyForcibly() }
    if (shmDir != null) {
      InstanceDirectory.deleteRecursively(shmDir)
    }
  }

  def "warm-up: one plugin serving, and one replacement so the lazily started pools have their threads"() {
    when:
    install(0)
    awaitServing(1, 0)
    long first = pid()
    install(1)
    awaitServing(2, first)
    awaitDead(first)

    and: 'the baseline is taken once exactly one worker runs, its channels in the chain directory'
    conditions.eventually {
      def u = ResourceUsage.of(shmDir)
      assert u.children == 1
      assert u.files.any { it.startsWith('out-stamp-') && it.endsWith('.ring') }
      // settled: the only threads naming a pid (reader threads, process reaper) are the serving worker's
      String serving = String.valueOf(pid())
      assert u.threadNames.findAll { it.startsWith('worker-') || it.contains('(pid ') }.every { it.contains(serving) }
      baseline = u
    }
    ringBytes = ResourceUsage.regularFiles(shmDir).values().max()
    println "resource bounds: baseline $baseline, one ring $ringBytes bytes, files ${baseline.files}"

    then:
    baseline.children == 1
    ringBytes > 0
  }

  def "churn: #REPLACEMENTS hot replacements, 3 kill -9 of the serving worker and 3 enable/disable toggles"() {
    when:
    (2..REPLACEMENTS + 1).each { int v ->
      long old = pid()
      install(v)
      awaitServing(v + 1, old)
      awaitDead(old)
      switch (v) {
        case 3: case 6: case 9:
          kill(v + 1)
          break
        case 4: case 8:
          toggle(v + 1)
          break
        case 5:
          quickToggle(v + 1)
          break
      }
    }

    then:
    h.chain.status.getPlugin('stamp').version == "1.${REPLACEMENTS + 1}"
    h.lastStamp() == REPLACEMENTS + 2
  }

  def "every measure returns to its baseline"() {
    expect:
    conditions.eventually {
      def now = ResourceUsage.of(shmDir)
      String both = "baseline: $baseline\ncurrent:  $now"
      assert now.children == 1 && now.children == baseline.children:
          "child processes\n$both\n${ProcessHandle.current().descendants().filter { it.alive }.collect { it.info() }}"
      assert now.shmFiles == baseline.shmFiles:
          "shared-memory files\n$both\nbaseline ${baseline.files}\ncurrent  ${now.files}"
      assert Math.abs(now.shmOwnUsed - baseline.shmOwnUsed) <= ringBytes:
          "/dev/shm allocated bytes beyond one ring ($ringBytes)\n$both"
      assert now.deletedMappings.size() <= baseline.deletedMappings.size():
          "deleted /dev/shm files this JVM still maps\n$both\nbaseline ${baseline.deletedMappings}\n" +
          "current  ${now.deletedMappings}"
      assert now.threads <= baseline.threads + THREAD_SLACK:
          "threads\n$both\nnew: ${ResourceUsage.added(baseline.threadNames, now.threadNames)}"
      assert now.fds <= baseline.fds + FD_SLACK:
          "file descriptors\n$both\nnew: ${ResourceUsage.added(baseline.fdTargets, now.fdTargets)}"
      println "resource bounds: after the churn $now"
    }
  }

  def "closing the chain stops its worker and leaves nothing in /dev/shm"() {
    when:
    h.close()

    then:
    conditions.eventually {
      assert ProcessHandle.current().descendants().filter { it.alive }.count() == 0
      assert !Files.exists(shmDir)
      def u = ResourceUsage.of(shmDir)
      assert Math.abs(u.shmOwnUsed - shmBeforeChain) <= ringBytes:
          "/dev/shm allocated bytes: before the chain $shmBeforeChain, after closing it ${u.shmOwnUsed}"
    }
  }

  private void install(int v) {
    Files.move(builds[v], h.plugins.resolve('stamp.jar'), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE)
  }

  private long pid() {
    h.chain.status.getPlugin('stamp').pid
  }

  /** Waits for a worker other than {@code notPid} to serve, and for frames of {@code stamp} made after that. */
  private void awaitServing(int stamp, long notPid) {
    conditions.eventually {
      def s = h.chain.status.getPlugin('stamp')
      assert s != null && s.state == PluginState.RUNNING && s.pid > 0 && s.pid != notPid: "$h"
    }
    long t0 = System.nanoTime()
    conditions.eventually {
      assert h.since(t0).count { it[0] == stamp } >= 3: "$h"
    }
  }

  private void awaitDead(long pid) {
    conditions.eventually {
      assert !ProcessHandle.of(pid).map { it.alive }.orElse(false)
    }
  }

  private void kill(int stamp) {
    long victim = pid()
    ProcessHandle.of(victim).get().destroyForcibly()
    awaitDead(victim)
    awaitServing(stamp, victim)
  }

  private void toggle(int stamp) {
    long serving = pid()
    h.chain.setEnabled('stamp', false)
    conditions.eventually {
      assert h.chain.status.getPlugin('stamp').state == PluginState.BYPASSED
      assert h.lastStamp() == 0
    }
    awaitDead(serving)
    h.chain.setEnabled('stamp', true)
    awaitServing(stamp, serving)
  }

  /** Off, on, off and on again at once, as clicks on the web preview's toggle can: a worker closed as it starts. */
  private void quickToggle(int stamp) {
    long serving = pid()
    h.chain.setEnabled('stamp', false)
    h.chain.setEnabled('stamp', true)
    h.chain.setEnabled('stamp', false)
    h.chain.setEnabled('stamp', true)
    awaitServing(stamp, serving)
    awaitDead(serving)
  }
}
