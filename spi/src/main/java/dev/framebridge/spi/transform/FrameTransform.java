package dev.framebridge.spi.transform;

import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;

/**
 * A plugin's per-frame logic, shaped like the Streams TransformStream transformer: {@link #start}, then
 * {@link #transform} for each frame, then {@link #flush} when the input ends. Only {@code transform} is abstract, so a
 * lambda (Java or Kotlin) is a transform.
 *
 * <p>Ownership: the input frame is the transform's during the call. Enqueue it to pass it on unchanged (no copy), or
 * enqueue a new frame from {@link TransformController#getAllocator()}; the runtime closes whatever input was not
 * enqueued when {@code transform} returns, so a transform never needs to close its input itself. A frame kept past the
 * call must be a {@link MediaFrame#clone() clone}, which the transform then closes.
 *
 * <p>Calls come from one thread, one at a time. A thrown exception is reported like {@link TransformController#error}.
 *
 * @param <F> {@link dev.framebridge.spi.media.VideoFrame} or {@link dev.framebridge.spi.media.AudioData}
 */
@FunctionalInterface
public interface FrameTransform<F extends MediaFrame> {

  /** Called once before the first frame. */
  default void start(TransformController<F> controller) throws Exception {}

  /** Called for every frame; enqueue zero or more frames. */
  void transform(F frame, TransformController<F> controller) throws Exception;

  /** Called once when the input ends normally; may enqueue final frames. */
  default void flush(TransformController<F> controller) throws Exception {}

  /** Called, between frames, with the full new settings whenever the user changes them. */
  default void onSettingsChanged(Settings settings) {}
}
