package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.transform.FrameAllocator;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link FrameTransform} the way the worker runtime does, in this thread: {@code start} before the first
 * frame, {@code transform} per frame, {@code flush} at the end, and the ownership rule of the SPI (an input the
 * transform did not enqueue is closed when the call returns). Frames the transform enqueues are collected; the
 * harness owns them and closes them in {@link #close()}, so a test only reads them.
 *
 * <p>A transform that throws, calls {@code error}, or enqueues a closed frame fails the harness: the call throws
 * {@link IllegalStateException} carrying the reason, as the host would bypass the plugin.
 *
 * @param <F> VideoFrame or AudioData
 */
public final class TransformHarness<F extends MediaFrame> implements FrameHarness<F> {
  private final FrameTransform<F> transform;
  private final FrameAllocator allocator;
  private final List<F> outputs = new ArrayList<>();
  private final List<F> pending = new ArrayList<>();
  private final Controller controller = new Controller();
  private boolean started;
  private boolean flushed;
  private @Nullable Throwable error;

  private TransformHarness(FrameTransform<F> transform, FrameAllocator allocator) {
    this.transform = transform;
    this.allocator = allocator;
  }

  /** A harness over {@code transform} whose allocator hands out heap frames. */
  public static <F extends MediaFrame> TransformHarness<F> of(FrameTransform<F> transform) {
    return new TransformHarness<>(transform, MediaFrames.heapAllocator());
  }

  /** A harness with a custom allocator (for example one that counts allocations). */
  public static <F extends MediaFrame> TransformHarness<F> of(FrameTransform<F> transform, FrameAllocator allocator) {
    return new TransformHarness<>(transform, allocator);
  }

  public FrameTransform<F> getTransform() {
    return transform;
  }

  /** Runs one frame through the transform, starting it first if needed (see {@link FrameHarness#push}). */
  @Override
  public List<F> push(F frame) {
    ensureRunning();
    boolean enqueued = false;
    try {
      ensureStarted();
      transform.transform(frame, controller);
    } catch (Exception | Error e) {
      fail(e);
    } finally {
      for (F out : pending) {
        enqueued |= out == frame;
      }
      if (!enqueued) {
        frame.close();
      }
    }
    return drain();
  }

  /** Ends the input: calls {@code flush} and returns what it enqueued. */
  @Override
  public List<F> flush() {
    ensureRunning();
    try {
      ensureStarted();
      transform.flush(controller);
    } catch (Exception | Error e) {
      fail(e);
    }
    flushed = true;
    return drain();
  }

  /** Delivers new settings between frames, as the host does. */
  @Override
  public void updateSettings(Settings settings) {
    ensureRunning();
    try {
      transform.onSettingsChanged(settings);
    } catch (RuntimeException | Error e) {
      fail(e);
    }
  }

  /** Every frame enqueued so far, in order; owned by the harness. */
  @Override
  public List<F> getOutputs() {
    return Collections.unmodifiableList(outputs);
  }

  /** Closes and forgets the outputs collected so far (long runs, benchmarks). */
  @Override
  public void clearOutputs() {
    for (F f : outputs) {
      f.close();
    }
    outputs.clear();
  }

  /** Why the transform failed, or null. */
  public @Nullable Throwable getError() {
    return error;
  }

  public boolean isStarted() {
    return started;
  }

  /** Closes every collected output frame. */
  @Override
  public void close() {
    for (F f : outputs) {
      f.close();
    }
    for (F f : pending) {
      f.close();
    }
  }

  private void ensureRunning() {
    if (error != null) {
      throw new IllegalStateException("the transform has failed: " + error, error);
    }
    if (flushed) {
      throw new IllegalStateException("the input has ended (flush was called)");
    }
  }

  private void ensureStarted() throws Exception {
    if (!started) {
      started = true;
      transform.start(controller);
    }
  }

  private List<F> drain() {
    List<F> batch = new ArrayList<>(pending);
    pending.clear();
    outputs.addAll(batch);
    if (error != null) {
      throw new IllegalStateException("the transform failed: " + error, error);
    }
    return batch;
  }

  private void fail(Throwable e) {
    if (error == null) {
      error = e;
    }
  }

  private final class Controller implements TransformController<F> {
    @Override
    public void enqueue(F frame) {
      if (frame.isClosed()) {
        fail(new IllegalArgumentException("enqueued a closed frame"));
        return;
      }
      pending.add(frame);
    }

    @Override
    public void error(Throwable reason) {
      fail(reason);
    }

    @Override
    public FrameAllocator getAllocator() {
      return allocator;
    }
  }
}
