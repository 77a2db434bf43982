package dev.framebridge.host

import dev.framebridge.testing.PluginJarBuilder
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * A full shared-memory filesystem, for real: the host runs with {@code --shm-dir} on a 5 MB tmpfs mounted for the
 * test, which holds one plugin's rings at 320x240 but not two. The plugin that does not fit is bypassed with one
 * clear line naming the file and the cause, the other keeps serving, the camera never stops, and the bypassed one
 * comes back by itself once space is free.
 */
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
@Requires(value = { SharedMemoryFullSpec.canMountTmpfs() }, reason = 'mounting a small tmpfs needs root (CI runs as root)')
class SharedMemoryFullSpec extends Specification {
  @TempDir Path dir

  static boolean canMountTmpfs() {
    Path probe = Files.createTempDirectory('fb-mount-probe')
    try {
      return run('mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.toString()) == 0 &&
          run('umount', probe.toString()) == 0
    } catch (IOException ignored) {
      return false
    } finally {
      Files.deleteIfExists(probe)
    }
  }

  static int run(String... command) {
    def p = new ProcessBuilder(command).redirectErrorStream(true).start()
    p.inputStream.text
    p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1
  }

  static int stampAtOrigin(HostProcess host) {
    def r = host.getBytes('frame/output.png')
    assert r.statusCode() == 200
    (ImageIO.read(new ByteArrayInputStream(r.body())).getRGB(0, 0) >> 16) & 0xFF
  }

  def "a plugin that does not fit in shared memory is bypassed with a clear reason, and recovers when space frees"() {
    given: 'a 5 MB tmpfs and two stamping plugins, the second staged outside the plugins folder'
    Path shm = Files.createDirectories(dir.resolve('shm'))
    assert run('mount', '-t', 'tmpfs', '-o', 'size=5m,mode=1777', 'tmpfs', shm.toString()) == 0
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    Path staged = Files.createDirectories(dir.resolve('staged'))
    PluginJarBuilder.build(plugins, 'first.jar', [id: 'first', stamp: 11])
    Path second = PluginJarBuilder.build(staged, 'second.jar', [id: 'second', stamp: 22])
    def host = new HostProcess(['--camera', 'synthetic', '--size', '320x240', '--fps', '30', '--preview', 'web',
        '--port', '0', '--plugins', plugins.toString(), '--shm-dir', shm.toString(), '--audio-source', 'none'], dir)
    def conditions = new PollingConditions(timeout: 30, initialDelay: 0.2, delay: 0.2)

    expect: 'the first plugin serves'
    conditions.eventually {
      assert host.json('api/status').plugins.find { it.id == 'first' }?.state == 'running'
      assert stampAtOrigin(host) == 11
    }

    when: 'the second plugin arrives and its input ring does not fit'
    Files.move(second, plugins.resolve('second.jar'), StandardCopyOption.ATOMIC_MOVE)

    then: 'it is bypassed with the cause and the file; the first keeps serving and the output keeps flowing'
    conditions.eventually {
      def status = host.json('api/status')
      def s = status.plugins.find { it.id == 'second' }
      assert s != null && s.state in ['restarting', 'bypassed']
      assert s.lastError.contains('No space left on device')
      assert s.lastError.contains(shm.toString()) && s.lastError.contains('in-second')
      assert status.plugins.find { it.id == 'first' }.state == 'running'
    }
    long framesThen = host.json('api/status').output.frames as long
    conditions.eventually {
      assert (host.json('api/status').output.frames as long) > framesThen + 30
      assert stampAtOrigin(host) == 11
    }

    and: 'one log line says so, not one per frame or per retry'
    host.output.readLines().count { it.contains('No space left on device') } == 1

    when: 'the first plugin is removed, freeing its rings'
    Files.delete(plugins.resolve('first.jar'))

    then: 'the second comes back by itself (it was never quarantined) and its effect is in the output'
    new PollingConditions(timeout: 30, delay: 0.25).eventually {
      def s = host.json('api/status').plugins.find { it.id == 'second' }
      assert s.state == 'running'
      assert stampAtOrigin(host) == 22
    }

    when: 'the host stops'
    host.process.destroy()

    then: 'it exits 0 and leaves nothing on the small filesystem'
    host.waitFor(30) == 0
    Files.list(shm).withCloseable { it.toList() }.isEmpty()

    cleanup:
    host?.close()
    run('umount', shm.toString())
    println "---- host output ----\n${host?.output}"
  }
}
