package dev.framebridge.host.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop request, so the host shuts down on its main thread and exits
 * with 0 rather than the JVM's 130/143. Where signals cannot be handled the JVM's shutdown hook still closes the
 * host.
 */
final class ShutdownSignals {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  static void install(Runnable onStop) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
          LOG.info("SIG{} received; shutting down", name);
          onStop.run();
        });
      } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
        LOG.debug("cannot handle SIG{} ({}); relying on the shutdown hook", name, e.toString());
      }
    }
  }
}
