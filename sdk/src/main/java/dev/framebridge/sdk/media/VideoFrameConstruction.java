package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoColorSpace;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoFrameCopyToOptions;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** WebCodecs' VideoFrame constructors: from bytes (copied), over a {@link FrameBuffer} (in place), from a frame. */
final class VideoFrameConstruction {
  private VideoFrameConstruction() {}

  /** The validated init of a frame over a buffer: everything but the memory. */
  private static final class Checked {
    final VideoPixelFormat format;
    final int codedWidth;
    final int codedHeight;
    final Rect visible;
    final int[] display;
    final long timestamp;
    final @Nullable Long duration;
    final PlaneCopyLayout layout;

    Checked(VideoFrameInit init) {
      format = VideoFrameRules.requireFormat(init.getFormat());
      codedWidth = VideoFrameRules.requirePositive(init.getCodedWidth(), "codedWidth");
      codedHeight = VideoFrameRules.requirePositive(init.getCodedHeight(), "codedHeight");
      timestamp = VideoFrameRules.requireTimestamp(init.getTimestamp());
      duration = VideoFrameRules.checkDuration(init.getDuration());
      Rect coded = Rect.of(0, 0, codedWidth, codedHeight);
      visible = VideoFrameRules.parseRect(coded, init.getVisibleRect(), codedWidth, codedHeight, format, "visibleRect");
      display = VideoFrameRules.displaySize(init.getDisplayWidth(), init.getDisplayHeight(), visible,
          visible.getWidth(), visible.getHeight(), visible);
      layout = PlaneCopyLayout.compute(coded, format, init.getLayout());
    }

    void requireBytes(long available, String what) {
      if (available < layout.allocationSize) {
        throw new IllegalArgumentException(what + " of " + available + " bytes is too small for a " + format + " "
            + codedWidth + "x" + codedHeight + " frame with layout " + layout.getPlaneLayouts() + ", which needs "
            + layout.allocationSize);
      }
    }

    BufferVideoFrame frame(FrameBuffer buffer, boolean writable, PlaneCopyLayout planes, VideoFrameInit init) {
      return new BufferVideoFrame(buffer, null, writable, format, codedWidth, codedHeight,
          planes.destinationOffset, planes.destinationStride, visible, display[0], display[1], timestamp, duration,
          VideoFrameRules.colorSpace(init.getColorSpace(), format));
    }
  }

  static VideoFrame copyOf(ByteBuffer data, VideoFrameInit init) {
    Checked c = new Checked(init);
    c.requireBytes(data.remaining(), "VideoFrame data");
    PlaneCopyLayout tight = PlaneCopyLayout.compute(Rect.of(0, 0, c.codedWidth, c.codedHeight), c.format, null);
    FrameBuffer buffer = FrameBuffer.allocate(tight.allocationSize);
    ByteBuffer dst = buffer.getMemory();
    int start = data.position();
    for (int p = 0; p < tight.planeCount; p++) {
      PlaneCopier.copyRows(data, start + c.layout.destinationOffset[p], c.layout.destinationStride[p], dst,
          tight.destinationOffset[p], tight.destinationStride[p], tight.sourceWidthBytes[p], tight.sourceHeight[p]);
    }
    return c.frame(buffer, false, tight, init);
  }

  static VideoFrame wrap(FrameBuffer buffer, VideoFrameInit init) {
    try {
      Checked c = new Checked(init);
      c.requireBytes(buffer.getCapacity(), "FrameBuffer");
      return c.frame(buffer, buffer.isWritable(), c.layout, init);
    } catch (RuntimeException e) {
      buffer.release();
      throw e;
    }
  }

  static VideoFrame fromFrame(VideoFrame source, VideoFrameInit init) {
    VideoPixelFormat format = source.getFormat();
    Rect sourceVisible = source.getVisibleRect();
    if (format == null || sourceVisible == null || source.isClosed()) {
      throw new IllegalStateException("new VideoFrame(frame) from a closed VideoFrame");
    }
    int cw = source.getCodedWidth();
    int ch = source.getCodedHeight();
    if ((init.getFormat() != null && init.getFormat() != format)
        || (init.getCodedWidth() != null && init.getCodedWidth() != cw)
        || (init.getCodedHeight() != null && init.getCodedHeight() != ch)
        || init.getLayout() != null) {
      throw new IllegalArgumentException(
          "new VideoFrame(frame) keeps the source's format, coded size and layout; only timestamp, duration, "
              + "visibleRect and display size may be overridden");
    }
    Rect visible = VideoFrameRules.parseRect(sourceVisible, init.getVisibleRect(), cw, ch, format, "visibleRect");
    int[] display = VideoFrameRules.displaySize(init.getDisplayWidth(), init.getDisplayHeight(), sourceVisible,
        source.getDisplayWidth(), source.getDisplayHeight(), visible);
    long timestamp = init.getTimestamp() != null ? init.getTimestamp() : source.getTimestamp();
    Long duration = init.getDuration() != null
        ? VideoFrameRules.checkDuration(init.getDuration()) : source.getDuration();
    BufferVideoFrame shared = source instanceof BufferVideoFrame
        ? (BufferVideoFrame) source : copyForeign(source, format, cw, ch);
    try {
      return shared.derive(visible, display[0], display[1], timestamp, duration);
    } finally {
      if (shared != source) {
        shared.close();
      }
    }
  }

  /** Another VideoFrame implementation: copy its coded pixels once into a buffer of ours. */
  private static BufferVideoFrame copyForeign(VideoFrame source, VideoPixelFormat format, int cw, int ch) {
    Rect coded = Rect.of(0, 0, cw, ch);
    VideoFrameCopyToOptions all = VideoFrameCopyToOptions.builder().rect(coded).build();
    FrameBuffer buffer = FrameBuffer.allocate(source.allocationSize(all));
    PlaneCopyLayout tight = PlaneCopyLayout.compute(coded, format, null);
    try {
      source.copyTo(buffer.getMemory(), all);
    } catch (RuntimeException e) {
      buffer.release();
      throw e;
    }
    return new BufferVideoFrame(buffer, null, false, format, cw, ch, tight.destinationOffset,
        tight.destinationStride, coded, cw, ch, source.getTimestamp(), source.getDuration(), source.getColorSpace());
  }

  /** A writable, tightly packed frame of a fresh buffer. */
  static VideoFrame allocate(VideoPixelFormat format, int width, int height, long timestampUs) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive, was " + width + "x" + height);
    }
    if (format.isSubsampled() && (width % 2 != 0 || height % 2 != 0)) {
      throw new IllegalArgumentException(
          "subsampled format " + format + " needs an even frame size, was " + width + "x" + height);
    }
    return allocateUnchecked(format, width, height, timestampUs, null, width, height,
        VideoFrameRules.colorSpace(null, format));
  }

  static BufferVideoFrame allocateUnchecked(VideoPixelFormat format, int width, int height, long timestampUs,
      @Nullable Long duration, int displayWidth, int displayHeight, VideoColorSpace cs) {
    Rect rect = Rect.of(0, 0, width, height);
    PlaneCopyLayout tight = PlaneCopyLayout.compute(rect, format, null);
    FrameBuffer buffer = FrameBuffer.allocate(tight.allocationSize);
    return new BufferVideoFrame(buffer, null, true, format, width, height, tight.destinationOffset,
        tight.destinationStride, rect, displayWidth, displayHeight, timestampUs, duration, cs);
  }

  /** A writable copy of the visible pixels of {@code source}. */
  static VideoFrame writableCopy(VideoFrame source) {
    VideoPixelFormat format = source.getFormat();
    Rect visible = source.getVisibleRect();
    if (format == null || visible == null) {
      throw new IllegalStateException("copyOf a closed VideoFrame");
    }
    BufferVideoFrame copy = allocateUnchecked(format, visible.getWidth(), visible.getHeight(), source.getTimestamp(),
        source.getDuration(), source.getDisplayWidth(), source.getDisplayHeight(), source.getColorSpace());
    try {
      source.copyTo(copy.getBuffer().getMemory());
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
    return copy;
  }
}
