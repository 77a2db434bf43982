package dev.framebridge.runtime

import dev.framebridge.host.plugin.PluginFolderWatcher
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

class PluginFolderWatcherSpec extends Specification {
  @TempDir Path dir
  def conditions = new PollingConditions(timeout: 10, delay: 0.02)

  def "a JAR still being written is reported only once its size and mtime have settled"() {
    given:
    def reports = new CopyOnWriteArrayList<Map<Path, String>>()
    def watcher = PluginFolderWatcher.start(dir, Duration.ofMillis(100), Duration.ofMillis(400)) { reports << it }
    def jar = dir.resolve('slow.jar')
    byte[] chunk = new byte[64 * 1024]

    when: 'a slow copy writes the file in 5 chunks, 100 ms apart (each pause shorter than the settle time)'
    Files.newOutputStream(jar).withCloseable { out ->
      5.times {
        out.write(chunk)
        out.flush()
        Thread.sleep(100) // simulates a slow copy; not synchronisation
      }
    }

    then: 'it is reported with its full size, never half-written'
    conditions.eventually {
      assert reports.any { it.containsKey(jar) }
    }
    reports.findAll { it.containsKey(jar) }.every { it[jar].startsWith("${5 * chunk.length}:") }

    when: 'it is deleted'
    Files.delete(jar)

    then:
    conditions.eventually {
      assert reports.last().isEmpty()
    }

    cleanup:
    watcher?.close()
  }

  def "hidden and non-JAR files are ignored; plugin directories are entries"() {
    given:
    def reports = new CopyOnWriteArrayList<Map<Path, String>>()
    Files.writeString(dir.resolve('.copying.jar'), 'x')
    Files.writeString(dir.resolve('notes.txt'), 'x')
    Files.createDirectories(dir.resolve('withlib/lib'))
    Files.writeString(dir.resolve('withlib/withlib.jar'), 'x')

    when:
    def watcher = PluginFolderWatcher.start(dir, Duration.ofMillis(100), Duration.ofMillis(100)) { reports << it }

    then:
    conditions.eventually {
      assert reports && reports.last().keySet() == [dir.resolve('withlib')] as Set
    }

    cleanup:
    watcher?.close()
  }
}
