package dev.framebridge.host

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/** bin/framebridge as a user meets it: --help, a bad option, and a short headless run with no camera or display. */
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
class HostCliSpec extends Specification {

  @TempDir
  Path dir

  def "--help documents every option and exits 0"() {
    given:
    def host = new HostProcess(['--help'], dir)

    when:
    Integer code = host.waitFor(30)

    then:
    code == 0
    ['--camera', '--size', '--fps', '--plugins', '--preview', '--port', '--duration', '--snapshot-dir',
     '--snapshot-every', '--help', 'synthetic', 'window|web|none'].every { host.output.contains(it) }

    cleanup:
    host?.close()
  }

  def "a bad option value exits 2 naming the option"() {
    given:
    def host = new HostProcess(['--preview', 'hologram', '--duration', '1'], dir)

    when:
    Integer code = host.waitFor(30)

    then:
    code == 2
    host.output.contains('--preview')
    host.output.contains('hologram')

    cleanup:
    host?.close()
  }

  def "--preview none --duration runs headless with no camera, seeds ./plugins, and exits 0"() {
    given:
    def host = new HostProcess(['--preview', 'none', '--duration', '3', '--size', '320x240'], dir)

    when:
    Integer code = host.waitFor(60)

    then:
    code == 0
    Files.isDirectory(dir.resolve('plugins'))
    host.output.contains('shutting down after')
    !(host.output =~ /shutting down after 0 output frames/)
    host.shmLeftovers().isEmpty()

    cleanup:
    host?.close()
    println "---- host output ----\n${host?.output}"
  }
}
