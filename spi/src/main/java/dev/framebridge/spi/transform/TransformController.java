package dev.framebridge.spi.transform;

import dev.framebridge.spi.media.MediaFrame;

/** What a running {@link FrameTransform} can do with its output: the TransformStreamDefaultController of Streams. */
public interface TransformController<F extends MediaFrame> {

  /** Passes a frame downstream; ownership moves with it (the runtime closes it once written). */
  void enqueue(F frame);

  /** Fails the transform: the input is cancelled and the output errored; the host bypasses the plugin. */
  void error(Throwable reason);

  /** Allocates output frames; inside a worker they are written straight into shared memory. */
  FrameAllocator getAllocator();
}
