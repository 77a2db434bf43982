package dev.framebridge.host.supervisor;

import dev.framebridge.spi.media.MediaFrame;

/** Receives the frames a worker produced, on that worker's reader thread; ownership of the frame moves with it. */
@FunctionalInterface
public interface WorkerFrameSink {
  void accept(PluginWorker worker, MediaFrame frame);
}
