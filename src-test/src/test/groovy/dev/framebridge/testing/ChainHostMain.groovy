package dev.framebridge.testing

import dev.framebridge.host.chain.PluginState

import java.nio.file.Path

/**
 * A host-like child JVM for specs: runs a plugin chain on the plugins folder in args[0] with the synthetic camera,
 * and prints "@worker=<pid>" lines (the pids of its RUNNING workers, comma-separated) once every plugin runs.
 */
class ChainHostMain {
  static void main(String[] args) {
    Path root = Path.of(args[0])
    int expected = args.length > 1 ? args[1] as int : 1
    def h = new ChainHarness(root).start()
    while (true) {
      def running = h.chain.status.plugins.findAll { it.state == PluginState.RUNNING && it.pid > 0 }
      if (running.size() >= expected) {
        println "@worker=" + running*.pid.join(',')
        System.out.flush()
        break
      }
      Thread.sleep(50) // polling the child's own status before reporting; the spec waits on the printed key
    }
    Thread.sleep(Long.MAX_VALUE) // serve until killed
  }
}
