package dev.framebridge.sdk.testkit;

import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import java.util.List;

/**
 * What a plugin test drives: frames in, the frames the transform enqueued out. {@link TransformHarness} runs the
 * transform in this thread; {@link WorkerHarness} runs it in a worker JVM over shared memory exactly as the host does.
 * A test written against this interface runs either way ({@link PluginHarness#video(java.util.Map, boolean)}).
 * The harness owns the outputs and closes them in {@link #close()}.
 *
 * @param <F> VideoFrame or AudioData
 */
public interface FrameHarness<F extends MediaFrame> extends AutoCloseable {
  /**
   * Runs one frame through the transform and returns the frames it enqueued for it. The harness takes ownership of
   * {@code frame}.
   *
   * @throws IllegalStateException if the transform failed now or earlier, or after {@link #flush}
   */
  List<F> push(F frame);

  /**
   * Runs one frame and returns its single output.
   *
   * @throws AssertionError if the transform enqueued no frame or several
   */
  default F process(F frame) {
    List<F> out = push(frame);
    if (out.size() != 1) {
      throw new AssertionError("expected one output frame, the transform enqueued " + out.size());
    }
    return out.get(0);
  }

  /** Ends the input: the transform's {@code flush} runs; returns what it enqueued. */
  List<F> flush();

  /** Delivers new settings, applied before the next frame, as the host does. */
  void updateSettings(Settings settings);

  /** Every frame enqueued so far, in order; owned by the harness. */
  List<F> getOutputs();

  /** The last frame enqueued, or throws AssertionError if none was. */
  default F getLastOutput() {
    List<F> outputs = getOutputs();
    if (outputs.isEmpty()) {
      throw new AssertionError("the transform has enqueued no frame");
    }
    return outputs.get(outputs.size() - 1);
  }

  /** Closes and forgets the outputs collected so far (long runs, benchmarks). */
  void clearOutputs();

  /** Closes every collected output frame (and, for a worker, stops its JVM). */
  @Override
  void close();
}
