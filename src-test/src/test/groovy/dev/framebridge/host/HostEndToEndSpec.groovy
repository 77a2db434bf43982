package dev.framebridge.host

import dev.framebridge.host.camera.TestPatternRenderer
import dev.framebridge.testing.PluginJarBuilder
import java.nio.file.Files
import java.nio.file.Path
import javax.imageio.ImageIO
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * The host as a user runs it: bin/framebridge in a child process, headless, synthetic camera, one plugin; checked
 * from outside through the web preview's JSON and snapshot PNGs.
 */
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
class HostEndToEndSpec extends Specification {

  @TempDir
  Path dir

  static int[] rgb(Path png, int x, int y) {
    def img = ImageIO.read(png.toFile())
    int v = img.getRGB(x, y)
    [(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF] as int[]
  }

  def "headless host: frames at the requested rate carry the plugin's effect, then a clean exit that leaves no shared memory"() {
    given:
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    PluginJarBuilder.build(plugins, 'stamper.jar', [id: 'stamper', stamp: 77, level: 33])
    Path snaps = dir.resolve('snaps')
    def host = new HostProcess(['--camera', 'synthetic', '--size', '320x240', '--fps', '30', '--preview', 'web',
        '--port', '0', '--plugins', plugins.toString(), '--snapshot-dir', snaps.toString(), '--duration', '15'], dir)
    def conditions = new PollingConditions(timeout: 12, initialDelay: 0.2, delay: 0.2)

    expect: "the plugin runs and output flows at about the requested rate"
    conditions.eventually {
      def h = host.json('api/host')
      assert h.camera.synthetic
      assert h.camera.width == 320 && h.camera.height == 240
      assert h.pluginsRunning == 1
      assert h.output.fps >= 24 && h.output.fps <= 36
      def status = host.json('api/status')
      assert status.plugins*.id == ['stamper']
      assert status.plugins[0].state == 'running'
      assert status.output.fps >= 24 && status.output.fps <= 36
    }

    when: "a snapshot is taken"
    def snap = host.post('api/snapshot', '{}')

    then: "the output carries the plugin's stamp while the input is the untouched pattern"
    snap.statusCode() == 200
    def out = Path.of(new groovy.json.JsonSlurper().parseText(snap.body()).output as String)
    def input = Path.of(new groovy.json.JsonSlurper().parseText(snap.body()).input as String)
    rgb(out, 0, 0) == [77, 33, 255] as int[]
    rgb(input, 0, 0) == [255, 255, 255] as int[]
    // away from the stamped first pixel the bars pass through unchanged
    rgb(out, 300, 100) == [0, 0, 255] as int[]
    TestPatternRenderer.BAR_COLORS[6] == 0x0000FF

    and: "while running, the host's frames cross through its own shared-memory directory"
    !host.shmLeftovers().isEmpty()

    and: "the live frame endpoint agrees"
    host.getBytes('frame/output.png').statusCode() == 200

    when: "the duration ends"
    Integer code = host.waitFor(30)

    then: "the host exits 0 and leaves nothing new in /dev/shm"
    code == 0
    host.shmLeftovers().isEmpty()
    host.output.toString().contains('shutting down')

    cleanup:
    host?.close()
    println "---- host output ----\n${host?.output}"
  }

  /** Waits until the first plugin runs and returns its worker's pid (a plain method: explicit asserts). */
  static long runningWorkerPid(HostProcess host) {
    def pid = new java.util.concurrent.atomic.AtomicLong(-1)
    new PollingConditions(timeout: 20, delay: 0.2).eventually {
      def p = host.json('api/status').plugins[0]
      assert p.state == 'running'
      pid.set(p.pid as long)
    }
    pid.get()
  }

  def "Ctrl-C (SIGINT to the host and its workers, as a terminal sends it) stops the workers in order, removes the shared memory and exits 0"() {
    given:
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    PluginJarBuilder.build(plugins, 'stamper.jar', [id: 'stamper', stamp: 5, level: 6])
    def host = new HostProcess(['--camera', 'synthetic', '--size', '160x120', '--preview', 'web', '--port', '0',
        '--plugins', plugins.toString()], dir)
    long workerPid = runningWorkerPid(host)

    expect:
    ProcessHandle.of(workerPid).map { it.alive }.orElse(false)
    !host.shmLeftovers().isEmpty()

    when: 'Ctrl-C in a terminal interrupts the whole foreground process group: the host and its worker JVMs at once'
    def kill = new ProcessBuilder('kill', '-INT', host.process.pid().toString(), workerPid.toString()).start()
    kill.waitFor()
    Integer code = host.waitFor(30)

    then: 'the worker ignored it and was stopped by the host: no crash reported, nothing restarted'
    code == 0
    host.output.contains('SIGINT received')
    !host.output.contains('exited unexpectedly')
    !host.output.contains('restarting in')
    !ProcessHandle.of(workerPid).map { it.alive }.orElse(false)
    host.shmLeftovers().isEmpty()

    cleanup:
    host?.close()
  }
}
