package dev.framebridge.runtime

import dev.framebridge.host.chain.PluginState
import dev.framebridge.testing.ChainHarness
import dev.framebridge.testing.PluginJarBuilder
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path

/**
 * Acceptance 2: bad JARs and misbehaving plugins never take the host down. One chain, one live camera, one worker
 * JVM at a time for the faulty plugin; every fault is switched on through its settings (or by killing the worker).
 */
@Stepwise
class FaultsSpec extends Specification {
  @TempDir @Shared Path root
  @Shared ChainHarness h
  def conditions = new PollingConditions(timeout: 30, delay: 0.05)

  def setupSpec() {
    h = new ChainHarness(root).start(new ChainHarness(root).options().maxFailures(4).build())
    PluginJarBuilder.build(h.plugins, 'faulty.jar', [id: 'faulty', version: '1.0', stamp: 3])
  }

  def cleanupSpec() {
    h?.close()
  }

  def "the faulty plugin runs normally first, even printing to System.out"() {
    given:
    conditions.eventually {
      assert h.chain.order == ['faulty']
    }

    when:
    h.chain.updateSettings('faulty', [fault: 'print'])

    then:
    conditions.eventually {
      assert h.chain.status.getPlugin('faulty').state == PluginState.RUNNING
      assert h.lastStamp() == 3
    }
    when: 'it keeps running while it prints'
    int before = h.received.size()
    then:
    conditions.eventually {
      assert h.received.size() > before + 15
      assert h.lastStamp() == 3
      assert h.chain.status.getPlugin('faulty').restarts == 0
    }
  }

  def "fault '#fault' leaves the host serving frames and is reported: #cause"() {
    given:
    def before = h.chain.status.getPlugin('faulty')
    long t0 = System.nanoTime()

    when:
    if (fault == 'kill') {
      ProcessHandle.of(before.pid).ifPresent { it.destroyForcibly() }
    } else {
      h.chain.updateSettings('faulty', [fault: fault])
    }

    then: 'the failure is reported with its cause'
    conditions.eventually {
      def s = h.chain.status.getPlugin('faulty')
      assert s.restarts > before.restarts
      assert s.lastError != null && s.lastError.contains(cause)
      assert s.lastError.startsWith('faulty.jar: ')
    }

    and: 'the camera frames kept flowing through the failure'
    conditions.eventually {
      assert h.since(t0).size() > 20
    }
    ChainHarness.maxGapMs(h.since(t0)) < 1000

    when: 'the fault is switched off'
    if (fault != 'kill') {
      h.chain.updateSettings('faulty', [fault: 'none'])
    }

    then: 'the plugin is restarted and serves again'
    conditions.eventually {
      assert h.chain.status.getPlugin('faulty').state == PluginState.RUNNING
      assert h.lastStamp() == 3
    }

    where:
    fault       | cause
    'throw'     | 'transform() threw IllegalStateException: boom from faulty'
    'wrongKind' | 'enqueued a frame of the wrong kind (BufferAudioData) on a video track'
    'exit'      | 'exited unexpectedly with code 42'
    'kill'      | 'killed (signal 9)'
    'oom'       | 'out of memory'
    'hang'      | 'missed its frame deadline'
    'silent'    | 'transform() enqueues nothing'
  }

  def "bad JARs are rejected one by one with their cause while the chain keeps serving"() {
    given:
    def bad = Files.createDirectories(root.resolve('bad'))
    PluginJarBuilder.notAZip(bad, 'nozip.jar')
    PluginJarBuilder.build(bad, 'noprovider.jar', [id: 'noprovider', serviceEntry: null])
    PluginJarBuilder.build(bad, 'noclass.jar', [id: 'noclass', omitClasses: true])
    PluginJarBuilder.build(bad, 'ctor.jar', [id: 'ctor', ctorThrows: true])
    PluginJarBuilder.build(bad, 'newspi.jar', [id: 'newspi', spi: '1.7'])
    PluginJarBuilder.build(bad, 'dup.jar', [id: 'faulty', stamp: 9, pkg: 'fbtest.dup'])

    when:
    Files.list(bad).each { Files.move(it, h.plugins.resolve(it.fileName)) }

    then:
    conditions.eventually {
      def byJar = h.chain.status.plugins.collectEntries { [(it.jar): it] }
      assert byJar['nozip.jar']?.lastError?.contains('not a JAR (zip)')
      assert byJar['noprovider.jar']?.lastError?.contains('no META-INF/services/dev.framebridge.spi.FramebridgePlugin entry')
      assert byJar['noclass.jar']?.lastError?.contains('is not in the JAR')
      assert byJar['ctor.jar']?.lastError?.contains('constructor threw IllegalStateException: constructor refuses')
      assert byJar['newspi.jar']?.lastError?.contains('needs SPI 1.7 but the host runs SPI 1.0')
      assert byJar['dup.jar']?.lastError?.contains("duplicate plugin id 'faulty', already provided by faulty.jar")
      assert ['nozip.jar', 'noprovider.jar', 'noclass.jar', 'ctor.jar', 'newspi.jar', 'dup.jar'].every {
        byJar[it].state == PluginState.QUARANTINED
      }
    }
    h.chain.status.getPlugin('faulty').state == PluginState.RUNNING
    h.chain.order == ['faulty']

    when:
    int before = h.received.size()

    then:
    conditions.eventually {
      assert h.received.size() > before + 10
      assert h.lastStamp() == 3
    }
  }

  def "a plugin failing again and again is quarantined until its JAR changes"() {
    when:
    PluginJarBuilder.build(h.plugins, 'doomed.jar', [id: 'doomed', stamp: 4, fault: 'throw'])

    then:
    conditions.eventually {
      def s = h.chain.status.getPlugin('doomed')
      assert s.state == PluginState.QUARANTINED
      assert s.restarts == 4
      assert s.lastError.contains('boom from doomed')
    }
    h.lastStamp() == 3

    when: 'a fixed build replaces it'
    def staged = Files.createDirectories(root.resolve('staged'))
    def fixed = PluginJarBuilder.build(staged, 'doomed.jar', [id: 'doomed', version: '1.1', stamp: 4])
    Files.move(fixed, h.plugins.resolve('doomed.jar'), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE)

    then:
    conditions.eventually {
      def s = h.chain.status.getPlugin('doomed')
      assert s.state == PluginState.RUNNING
      assert s.version == '1.1'
      assert h.lastStamp() == 4
    }
  }
}
