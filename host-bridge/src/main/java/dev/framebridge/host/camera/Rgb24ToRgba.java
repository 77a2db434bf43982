package dev.framebridge.host.camera;

import java.nio.ByteBuffer;

/** Converts packed RGB24 (what Webcam Capture delivers) into packed RGBA with opaque alpha, in one pass. */
final class Rgb24ToRgba {
  private Rgb24ToRgba() {}

  /** Converts {@code pixels} pixels from {@code rgb} (index 0) into {@code rgba} (index 0); positions unchanged. */
  static void convert(ByteBuffer rgb, ByteBuffer rgba, int pixels) {
    if (rgb.capacity() < pixels * 3 || rgba.capacity() < pixels * 4) {
      throw new IllegalArgumentException("buffers too small for " + pixels + " pixels");
    }
    if (rgb.order() != java.nio.ByteOrder.BIG_ENDIAN || rgba.order() != java.nio.ByteOrder.BIG_ENDIAN) {
      throw new IllegalArgumentException("both buffers must be big-endian");
    }
    // Four pixels at a time: three int reads become four int writes (big-endian RRGGBBAA).
    int i = 0;
    int s = 0;
    int d = 0;
    for (; i + 4 <= pixels; i += 4, s += 12, d += 16) {
      int a = rgb.getInt(s);
      int b = rgb.getInt(s + 4);
      int c = rgb.getInt(s + 8);
      rgba.putInt(d, a | 0xFF);
      rgba.putInt(d + 4, (a << 24) | ((b >>> 8) & 0xFFFF00) | 0xFF);
      rgba.putInt(d + 8, (b << 16) | ((c >>> 16) & 0xFF00) | 0xFF);
      rgba.putInt(d + 12, (c << 8) | 0xFF);
    }
    for (; i < pixels; i++, s += 3, d += 4) {
      rgba.put(d, rgb.get(s));
      rgba.put(d + 1, rgb.get(s + 1));
      rgba.put(d + 2, rgb.get(s + 2));
      rgba.put(d + 3, (byte) 0xFF);
    }
  }
}
