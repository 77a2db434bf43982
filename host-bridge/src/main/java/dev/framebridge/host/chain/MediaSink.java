package dev.framebridge.host.chain;

import dev.framebridge.spi.media.MediaFrame;

/** Takes frames or chunks of the chain's track kind inside the chain; ownership moves with each (the sink closes it). */
@FunctionalInterface
interface MediaSink {
  void accept(MediaFrame frame);
}
