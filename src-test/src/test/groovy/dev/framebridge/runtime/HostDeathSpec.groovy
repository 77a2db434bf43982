package dev.framebridge.runtime

import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.testing.ChainHostMain
import dev.framebridge.testing.ChildJvm
import dev.framebridge.testing.PluginJarBuilder
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path

/** Acceptance 3: workers die with their host, even when the host is killed with SIGKILL. */
class HostDeathSpec extends Specification {
  @TempDir Path root

  def "after kill -9 of the host no worker JVM remains after 10 s"() {
    given: 'a host-like JVM running a chain of two plugins'
    def plugins = Files.createDirectories(root.resolve('plugins'))
    PluginJarBuilder.build(plugins, 'a.jar', [id: 'a', stamp: 1])
    PluginJarBuilder.build(plugins, 'b.jar', [id: 'b', stamp: 2])
    def host = ChildJvm.start(ChainHostMain, [root.toString(), '2'], ['-Xmx192m', '-XX:+UseSerialGC'])
    List<Long> workers = host.awaitKey('worker', 60).split(',').collect { it as long }
    List<ProcessHandle> handles = workers.collect { ProcessHandle.of(it).orElseThrow() }

    expect: 'its workers are alive and are its children'
    workers.size() == 2
    handles.every { it.alive && it.parent().map { p -> p.pid() }.orElse(-1L) == host.process.pid() }

    when: 'the host is killed with SIGKILL'
    host.process.destroyForcibly() // SIGKILL on Linux: no shutdown hook runs
    host.process.waitFor()

    then: 'every worker exits by itself within 10 s'
    new PollingConditions(timeout: 10, delay: 0.1).eventually {
      assert handles.every { !it.alive }
    }

    cleanup:
    handles?.each { it.destroyForcibly() }
    host?.close()
    // the killed host could not delete its shared memory; delete directories whose owner process is dead
    InstanceDirectory.reclaim(InstanceDirectory.userDirectory(InstanceDirectory.DEFAULT_ROOT))
  }
}
