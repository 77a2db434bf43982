package dev.framebridge.sdk.effects;

/** An effect on the pixels of one frame, in place: the lambda a {@link PixelTransform} runs. */
@FunctionalInterface
public interface PixelEffect {
  /** Changes {@code image} (writable, the output frame's visible pixels) in place. */
  void apply(RgbaImage image, long timestampUs) throws Exception;
}
