package dev.framebridge.host.supervisor;

import dev.framebridge.spi.media.MediaFrame;

/** Where a supervisor sends the frames of its serving worker: the rest of the chain. Ownership moves with it. */
@FunctionalInterface
public interface SlotOutput {
  void forward(MediaFrame frame);
}
