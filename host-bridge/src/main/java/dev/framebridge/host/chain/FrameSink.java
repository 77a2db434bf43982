package dev.framebridge.host.chain;

import dev.framebridge.spi.media.VideoFrame;

/** Takes frames; ownership moves with each frame (the sink closes it). */
@FunctionalInterface
public interface FrameSink {
  void accept(VideoFrame frame);
}
