package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoColorSpace;
import dev.framebridge.spi.media.VideoPixelFormat;
import org.jspecify.annotations.Nullable;

/** The checks WebCodecs runs on a VideoFrame's init and on copy rects; every failure is IllegalArgumentException. */
final class VideoFrameRules {
  private VideoFrameRules() {}

  static VideoPixelFormat requireFormat(@Nullable VideoPixelFormat format) {
    if (format == null) {
      throw new IllegalArgumentException("VideoFrame init has no format");
    }
    return format;
  }

  static int requirePositive(@Nullable Integer value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("VideoFrame init has no " + name);
    }
    if (value <= 0) {
      throw new IllegalArgumentException("VideoFrame " + name + " must be positive, was " + value);
    }
    return value;
  }

  static long requireTimestamp(@Nullable Long timestamp) {
    if (timestamp == null) {
      throw new IllegalArgumentException("VideoFrame init has no timestamp");
    }
    return timestamp;
  }

  static @Nullable Long checkDuration(@Nullable Long duration) {
    if (duration != null && duration < 0) {
      throw new IllegalArgumentException("VideoFrame duration must not be negative, was " + duration);
    }
    return duration;
  }

  /**
   * WebCodecs' "parse visible rect": the override if given (non-empty, inside the coded size, aligned to the format's
   * subsampling), else the default.
   */
  static Rect parseRect(
      Rect defaultRect, @Nullable Rect override, int codedWidth, int codedHeight, VideoPixelFormat format, String what) {
    if (override == null) {
      return defaultRect;
    }
    if (override.getX() < 0 || override.getY() < 0) {
      throw new IllegalArgumentException(what + " " + override + " has a negative origin");
    }
    if (override.getWidth() <= 0 || override.getHeight() <= 0) {
      throw new IllegalArgumentException(what + " " + override + " is empty");
    }
    if ((long) override.getX() + override.getWidth() > codedWidth
        || (long) override.getY() + override.getHeight() > codedHeight) {
      throw new IllegalArgumentException(
          what + " " + override + " lies outside the coded size " + codedWidth + "x" + codedHeight);
    }
    for (int p = 0; p < format.getPlaneCount(); p++) {
      if (override.getX() % format.getHorizontalSubsampling(p) != 0
          || override.getY() % format.getVerticalSubsampling(p) != 0) {
        throw new IllegalArgumentException(
            what + " " + override + " does not start on a sample of subsampled format " + format);
      }
    }
    return override;
  }

  /**
   * The display size: both given (positive), or neither, then scaled from the default display size the way the
   * visible rect changed (WebCodecs' "initialize visible rect and display size").
   */
  static int[] displaySize(
      @Nullable Integer displayWidth,
      @Nullable Integer displayHeight,
      Rect defaultVisible,
      int defaultDisplayWidth,
      int defaultDisplayHeight,
      Rect visible) {
    if ((displayWidth == null) != (displayHeight == null)) {
      throw new IllegalArgumentException("VideoFrame displayWidth and displayHeight must be given together");
    }
    if (displayWidth != null && displayHeight != null) {
      if (displayWidth <= 0 || displayHeight <= 0) {
        throw new IllegalArgumentException(
            "VideoFrame display size must be positive, was " + displayWidth + "x" + displayHeight);
      }
      return new int[] {displayWidth, displayHeight};
    }
    int w = defaultVisible.getWidth() == visible.getWidth()
        ? defaultDisplayWidth
        : (int) Math.max(1, Math.round((double) defaultDisplayWidth * visible.getWidth() / defaultVisible.getWidth()));
    int h = defaultVisible.getHeight() == visible.getHeight()
        ? defaultDisplayHeight
        : (int) Math.max(1,
            Math.round((double) defaultDisplayHeight * visible.getHeight() / defaultVisible.getHeight()));
    return new int[] {w, h};
  }

  /** The given colour space, else sRGB for RGB formats and BT.709 limited range for YUV ones. */
  static VideoColorSpace colorSpace(@Nullable VideoColorSpace given, VideoPixelFormat format) {
    if (given != null) {
      return given;
    }
    return format.isRgb() ? VideoColorSpace.SRGB : VideoColorSpace.BT709;
  }
}
