package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.PlaneLayout;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoColorSpace;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoFrameCopyToOptions;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VideoFrame} viewing the planes of a {@link FrameBuffer} in place. It holds one reference of the buffer and
 * drops it on the first {@link #close()}; clones hold their own.
 */
final class BufferVideoFrame implements VideoFrame {
  private static final Logger LOG = LoggerFactory.getLogger(BufferVideoFrame.class);
  private static final AtomicIntegerFieldUpdater<BufferVideoFrame> CLOSED =
      AtomicIntegerFieldUpdater.newUpdater(BufferVideoFrame.class, "closed");

  private final FrameBuffer buffer;
  /** Absolute reads/writes only: shared with clones. */
  private final ByteBuffer base;
  private final boolean writable;
  private final VideoPixelFormat format;
  private final int codedWidth;
  private final int codedHeight;
  private final int[] planeOffsets;
  private final int[] planeStrides;
  private final Rect codedRect;
  private final Rect visibleRect;
  private final int displayWidth;
  private final int displayHeight;
  private final long timestamp;
  private final @Nullable Long duration;
  private final VideoColorSpace colorSpace;
  private final @Nullable ByteBuffer[] planeViews;
  /** The layout of a default copyTo (visible rect, tightly packed), computed on first use. */
  private @Nullable PlaneCopyLayout defaultCopyLayout;
  private volatile int closed;

  BufferVideoFrame(
      FrameBuffer buffer,
      @Nullable ByteBuffer base,
      boolean writable,
      VideoPixelFormat format,
      int codedWidth,
      int codedHeight,
      int[] planeOffsets,
      int[] planeStrides,
      Rect visibleRect,
      int displayWidth,
      int displayHeight,
      long timestamp,
      @Nullable Long duration,
      VideoColorSpace colorSpace) {
    this.buffer = buffer;
    this.writable = writable;
    this.base = base != null ? base : baseView(buffer, writable);
    this.format = format;
    this.codedWidth = codedWidth;
    this.codedHeight = codedHeight;
    this.planeOffsets = planeOffsets;
    this.planeStrides = planeStrides;
    this.codedRect = Rect.of(0, 0, codedWidth, codedHeight);
    this.visibleRect = visibleRect;
    this.displayWidth = displayWidth;
    this.displayHeight = displayHeight;
    this.timestamp = timestamp;
    this.duration = duration;
    this.colorSpace = colorSpace;
    this.planeViews = new ByteBuffer[planeOffsets.length];
    MediaFrames.OPEN_FRAMES.increment();
  }

  private static ByteBuffer baseView(FrameBuffer buffer, boolean writable) {
    ByteBuffer m = buffer.getMemory();
    return (writable ? m : m.asReadOnlyBuffer()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The buffer this frame views (for transports that recognise their own slots by its tag). */
  FrameBuffer getBuffer() {
    return buffer;
  }

  @Override
  public @Nullable VideoPixelFormat getFormat() {
    return isClosed() ? null : format;
  }

  @Override
  public int getCodedWidth() {
    return isClosed() ? 0 : codedWidth;
  }

  @Override
  public int getCodedHeight() {
    return isClosed() ? 0 : codedHeight;
  }

  @Override
  public @Nullable Rect getCodedRect() {
    return isClosed() ? null : codedRect;
  }

  @Override
  public @Nullable Rect getVisibleRect() {
    return isClosed() ? null : visibleRect;
  }

  @Override
  public int getDisplayWidth() {
    return isClosed() ? 0 : displayWidth;
  }

  @Override
  public int getDisplayHeight() {
    return isClosed() ? 0 : displayHeight;
  }

  @Override
  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public @Nullable Long getDuration() {
    return duration;
  }

  @Override
  public VideoColorSpace getColorSpace() {
    return colorSpace;
  }

  @Override
  public int getPlaneCount() {
    return isClosed() ? 0 : planeOffsets.length;
  }

  @Override
  public ByteBuffer getPlane(int index) {
    checkOpen("getPlane");
    ByteBuffer view = planeViews[checkPlane(index)];
    if (view == null) {
      int size = planeStrides[index] * format.rows(index, codedHeight);
      view = base.slice(planeOffsets[index], size).order(ByteOrder.LITTLE_ENDIAN);
      planeViews[index] = view;
    }
    view.clear();
    return view;
  }

  int getPlaneOffset(int index) {
    checkOpen("getPlaneOffset");
    return planeOffsets[checkPlane(index)];
  }

  @Override
  public int getPlaneStride(int index) {
    checkOpen("getPlaneStride");
    return planeStrides[checkPlane(index)];
  }

  @Override
  public boolean isWritable() {
    return writable;
  }

  @Override
  public boolean isClosed() {
    return closed != 0;
  }

  @Override
  public int allocationSize(VideoFrameCopyToOptions options) {
    return copyLayout(options, "allocationSize").allocationSize;
  }

  @Override
  public List<PlaneLayout> copyTo(ByteBuffer destination, VideoFrameCopyToOptions options) {
    PlaneCopyLayout layout = copyLayout(options, "copyTo");
    if (destination.limit() < layout.allocationSize) {
      throw new IllegalArgumentException(
          "copyTo destination holds " + destination.limit() + " bytes but needs " + layout.allocationSize);
    }
    if (!layout.tight) {
      PlaneCopier.zero(destination, layout.allocationSize);
    }
    for (int p = 0; p < layout.planeCount; p++) {
      int srcStride = planeStrides[p];
      int src = planeOffsets[p] + layout.sourceTop[p] * srcStride + layout.sourceLeftBytes[p];
      PlaneCopier.copyRows(base, src, srcStride, destination, layout.destinationOffset[p],
          layout.destinationStride[p], layout.sourceWidthBytes[p], layout.sourceHeight[p]);
    }
    return layout.getPlaneLayouts();
  }

  private PlaneCopyLayout copyLayout(VideoFrameCopyToOptions options, String what) {
    checkOpen(what);
    if (options.getRect() == null && options.getLayout() == null) {
      PlaneCopyLayout cached = defaultCopyLayout;
      if (cached == null) {
        cached = PlaneCopyLayout.compute(visibleRect, format, null);
        defaultCopyLayout = cached;
      }
      return cached;
    }
    Rect rect = VideoFrameRules.parseRect(
        visibleRect, options.getRect(), codedWidth, codedHeight, format, "copy rect");
    return PlaneCopyLayout.compute(rect, format, options.getLayout());
  }

  @Override
  public VideoFrame clone() {
    checkOpen("clone");
    return new BufferVideoFrame(buffer.retain(), base, writable, format, codedWidth, codedHeight, planeOffsets,
        planeStrides, visibleRect, displayWidth, displayHeight, timestamp, duration, colorSpace);
  }

  /** A frame sharing this one's memory with new timing and visible region (WebCodecs' frame-from-frame). */
  BufferVideoFrame derive(Rect visible, int displayW, int displayH, long timestampUs, @Nullable Long durationUs) {
    checkOpen("new VideoFrame(frame)");
    return new BufferVideoFrame(buffer.retain(), base, writable, format, codedWidth, codedHeight, planeOffsets,
        planeStrides, visible, displayW, displayH, timestampUs, durationUs, colorSpace);
  }

  @Override
  public void close() {
    if (!CLOSED.compareAndSet(this, 0, 1)) {
      return;
    }
    MediaFrames.OPEN_FRAMES.decrement();
    try {
      buffer.release();
    } catch (RuntimeException e) {
      LOG.warn("releasing the memory of a closed VideoFrame failed", e);
    }
  }

  private void checkOpen(String what) {
    if (isClosed()) {
      throw new IllegalStateException(what + " on a closed VideoFrame");
    }
  }

  private int checkPlane(int index) {
    if (index < 0 || index >= planeOffsets.length) {
      throw new IndexOutOfBoundsException("plane " + index + " of a " + format + " frame with "
          + planeOffsets.length + " planes");
    }
    return index;
  }

  @Override
  public String toString() {
    return isClosed()
        ? "VideoFrame(closed, ts=" + timestamp + ")"
        : "VideoFrame(" + format + " " + codedWidth + "x" + codedHeight + ", ts=" + timestamp + ")";
  }
}
