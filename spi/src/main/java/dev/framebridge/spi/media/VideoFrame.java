package dev.framebridge.spi.media;

import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A video frame, as WebCodecs defines it: pixels of a {@link VideoPixelFormat} in a coded size, with a visible rect,
 * a display size, a timestamp in microseconds and an optional duration.
 *
 * <p>After {@link #close()} the format, rects and sizes read as null or 0 while timestamp and duration are kept.
 */
public interface VideoFrame extends MediaFrame {

  /** The pixel format, or null once closed. */
  @Nullable VideoPixelFormat getFormat();

  int getCodedWidth();

  int getCodedHeight();

  /** {@code (0, 0, codedWidth, codedHeight)}, or null once closed. */
  @Nullable Rect getCodedRect();

  /** The region of the coded pixels that is shown, or null once closed. */
  @Nullable Rect getVisibleRect();

  int getDisplayWidth();

  int getDisplayHeight();

  /** Duration in microseconds, or null when the frame has none. Kept after close. */
  @Nullable Long getDuration();

  VideoColorSpace getColorSpace();

  /**
   * Bytes per row of plane {@code index} in the buffer returned by {@link #getPlane}.
   *
   * @throws IllegalStateException if the frame is closed
   */
  int getPlaneStride(int index);

  /** Bytes {@link #copyTo(ByteBuffer)} needs for the visible rect in the tightly packed default layout. */
  default int allocationSize() {
    return allocationSize(VideoFrameCopyToOptions.defaults());
  }

  /**
   * Bytes {@link #copyTo(ByteBuffer, VideoFrameCopyToOptions)} needs with these options.
   *
   * @throws IllegalStateException if the frame is closed
   * @throws IllegalArgumentException if the options do not fit this frame
   */
  int allocationSize(VideoFrameCopyToOptions options);

  /** Copies the visible rect, tightly packed, into {@code destination}; see the other overload. */
  default List<PlaneLayout> copyTo(ByteBuffer destination) {
    return copyTo(destination, VideoFrameCopyToOptions.defaults());
  }

  /**
   * Copies pixels into {@code destination} from its index 0 (its position is ignored and left unchanged) and returns
   * where each plane went. Padding between and after rows of a custom layout is written as zero.
   *
   * @throws IllegalStateException if the frame is closed
   * @throws IllegalArgumentException if the destination is too small or the options do not fit this frame
   */
  List<PlaneLayout> copyTo(ByteBuffer destination, VideoFrameCopyToOptions options);

  @Override
  VideoFrame clone();
}
