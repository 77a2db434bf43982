package dev.framebridge.sdk.track;

import dev.framebridge.spi.media.MediaFrame;

/**
 * A consumer attached to a track with {@link MediaStreamTrack#addSink}: a processor, a shared-memory publisher, a
 * display. Called on the thread that delivers the frame; it must return quickly (queue, do not process).
 */
@FunctionalInterface
public interface MediaStreamTrackSink {

  /** A frame for this sink alone: the sink owns it and must close it. */
  void onFrame(MediaFrame frame);

  /** The track ended (stopped, or its source ended); no frame follows. */
  default void onEnded() {}
}
