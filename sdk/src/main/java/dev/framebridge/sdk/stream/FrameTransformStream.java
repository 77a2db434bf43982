package dev.framebridge.sdk.stream;

import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.transform.FrameAllocator;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TransformStream} running a plugin's {@link FrameTransform}. It applies the SPI's ownership rule (an input
 * frame not enqueued is closed once {@code transform} returns, also when it throws) and delivers settings changes
 * between frames. Per frame it allocates nothing of its own.
 */
public final class FrameTransformStream<F extends MediaFrame> extends TransformStream<F, F> {
  private final Adapter<F> adapter;

  public FrameTransformStream(FrameTransform<F> transform, FrameAllocator allocator) {
    this(new Adapter<>(transform, allocator));
  }

  private FrameTransformStream(Adapter<F> adapter) {
    super(adapter);
    this.adapter = adapter;
  }

  /** Hands new settings to the transform's {@link FrameTransform#onSettingsChanged}, before its next frame. */
  public void updateSettings(Settings settings) {
    adapter.pendingSettings.set(settings);
  }

  public FrameTransform<F> getFrameTransform() {
    return adapter.transform;
  }

  public FrameAllocator getAllocator() {
    return adapter.allocator;
  }

  /** Frames handed to {@code transform} so far. */
  public long getTransformedFrameCount() {
    return adapter.frames;
  }

  private static final class Adapter<F extends MediaFrame> implements Transformer<F, F>, TransformController<F> {
    final FrameTransform<F> transform;
    final FrameAllocator allocator;
    final AtomicReference<@Nullable Settings> pendingSettings = new AtomicReference<>();
    volatile long frames;
    private @Nullable TransformStreamController<F> out;
    private @Nullable F current;
    private boolean currentEnqueued;

    Adapter(FrameTransform<F> transform, FrameAllocator allocator) {
      this.transform = transform;
      this.allocator = allocator;
    }

    @Override
    public void start(TransformStreamController<F> controller) throws Exception {
      out = controller;
      transform.start(this);
    }

    @Override
    public void transform(F frame, TransformStreamController<F> controller) throws Exception {
      Settings settings = pendingSettings.getAndSet(null);
      if (settings != null) {
        transform.onSettingsChanged(settings);
      }
      frames++;
      current = frame;
      currentEnqueued = false;
      try {
        transform.transform(frame, this);
      } finally {
        if (!currentEnqueued) {
          frame.close();
        }
        current = null;
      }
    }

    @Override
    public void flush(TransformStreamController<F> controller) throws Exception {
      transform.flush(this);
    }

    // ---- TransformController seen by the plugin ----

    @Override
    public void enqueue(F frame) {
      if (frame == current) {
        currentEnqueued = true;
      }
      try {
        out.enqueue(frame);
      } catch (IllegalStateException e) {
        frame.close();
        throw e;
      }
    }

    @Override
    public void error(Throwable reason) {
      out.error(reason);
    }

    @Override
    public FrameAllocator getAllocator() {
      return allocator;
    }
  }
}
