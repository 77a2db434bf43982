package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;

/**
 * Assertions on frames that throw {@link AssertionError} with a readable message, so they work the same in JUnit 5,
 * Spock and plain Kotlin. Colours are {@code 0xAARRGGBB}; a tolerance allows that much difference per channel.
 */
public final class FrameAssertions {
  private FrameAssertions() {}

  /** The pixel at (x, y) equals {@code expectedArgb} exactly. */
  public static void assertPixel(VideoFrame frame, int x, int y, int expectedArgb) {
    assertPixel(frame, x, y, expectedArgb, 0);
  }

  /** Each channel of the pixel at (x, y) is within {@code tolerance} of {@code expectedArgb}'s. */
  public static void assertPixel(VideoFrame frame, int x, int y, int expectedArgb, int tolerance) {
    int actual = TestFrames.argbAt(frame, x, y);
    if (channelDistance(actual, expectedArgb) > tolerance) {
      throw new AssertionError(String.format("pixel (%d, %d): expected #%08X (+-%d per channel) but was #%08X",
          x, y, expectedArgb, tolerance, actual));
    }
  }

  /** The largest per-channel difference between two {@code 0xAARRGGBB} colours. */
  public static int channelDistance(int a, int b) {
    int max = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      max = Math.max(max, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
    }
    return max;
  }

  /** The visible size is {@code width x height}. */
  public static void assertSize(VideoFrame frame, int width, int height) {
    Rect r = frame.getVisibleRect();
    if (r == null) {
      throw new AssertionError("expected a " + width + "x" + height + " frame but it is closed");
    }
    if (r.getWidth() != width || r.getHeight() != height) {
      throw new AssertionError("expected a " + width + "x" + height + " frame but was " + r.getWidth() + "x"
          + r.getHeight());
    }
  }

  public static void assertFormat(VideoFrame frame, VideoPixelFormat format) {
    if (frame.getFormat() != format) {
      throw new AssertionError("expected format " + format + " but was " + frame.getFormat());
    }
  }

  public static void assertTimestamp(MediaFrame frame, long timestampUs) {
    if (frame.getTimestamp() != timestampUs) {
      throw new AssertionError("expected timestamp " + timestampUs + " us but was " + frame.getTimestamp());
    }
  }

  public static void assertClosed(MediaFrame frame) {
    if (!frame.isClosed()) {
      throw new AssertionError("expected " + frame + " to be closed");
    }
  }

  public static void assertOpen(MediaFrame frame) {
    if (frame.isClosed()) {
      throw new AssertionError("expected " + frame + " to be open");
    }
  }

  /** Open frames in this JVM now, to compare with {@link #assertNoFramesLeaked} later. */
  public static long openFrameCount() {
    return MediaFrames.getOpenFrameCount();
  }

  /** No more frames are open than {@code baseline} (taken with {@link #openFrameCount()}). */
  public static void assertNoFramesLeaked(long baseline) {
    long now = MediaFrames.getOpenFrameCount();
    if (now > baseline) {
      throw new AssertionError((now - baseline) + " frame(s) left open (open now " + now + ", before " + baseline + ")");
    }
  }
}
