package dev.framebridge.sdk.effects;

import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;

/**
 * A video transform for in-place pixel effects: frames of a format the {@link FormatGate} turns away pass through
 * unchanged; others get a writable output (the input itself when writable, else one copy from the allocator, which
 * in a worker lands straight in shared memory), the effect runs on it, and it is enqueued. Subclass and override
 * {@link #apply}, or wrap a lambda with {@link #of}.
 *
 * <pre>{@code
 * FrameTransform<VideoFrame> invert = PixelTransform.of("invert", (image, ts) -> { ... });
 * }</pre>
 */
public abstract class PixelTransform implements FrameTransform<VideoFrame> {
  private final FormatGate gate;

  protected PixelTransform(String effectName) {
    this(FormatGate.rgb(effectName));
  }

  protected PixelTransform(FormatGate gate) {
    this.gate = gate;
  }

  /** A transform running {@code effect} on every admitted frame. */
  public static PixelTransform of(String effectName, PixelEffect effect) {
    return new PixelTransform(effectName) {
      @Override
      protected void apply(RgbaImage image, long timestampUs) throws Exception {
        effect.apply(image, timestampUs);
      }
    };
  }

  public FormatGate getGate() {
    return gate;
  }

  @Override
  public final void transform(VideoFrame frame, TransformController<VideoFrame> controller) throws Exception {
    if (!gate.admits(frame) || !isActive()) {
      controller.enqueue(frame);
      return;
    }
    VideoFrame output = frame.isWritable() ? frame : controller.getAllocator().copyOf(frame);
    try {
      apply(RgbaImage.of(output), output.getTimestamp());
    } catch (Exception | Error e) {
      if (output != frame) {
        output.close();
      }
      throw e;
    }
    controller.enqueue(output);
  }

  /** Whether the effect currently changes anything; when false frames pass through without a copy. */
  protected boolean isActive() {
    return true;
  }

  /** Applies the effect to the output frame's pixels, in place. */
  protected abstract void apply(RgbaImage image, long timestampUs) throws Exception;
}
