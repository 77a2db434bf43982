package dev.framebridge.sdk.media;

import java.nio.ByteBuffer;

/** Row-by-row copies between buffers with absolute indices, so no position changes and no per-row allocation. */
final class PlaneCopier {
  private static final byte[] ZEROS = new byte[4096];

  private PlaneCopier() {}

  static void copyRows(ByteBuffer src, int srcOffset, int srcStride, ByteBuffer dst, int dstOffset, int dstStride,
      int rowBytes, int rows) {
    if (srcStride == rowBytes && dstStride == rowBytes) {
      dst.put(dstOffset, src, srcOffset, rowBytes * rows);
      return;
    }
    for (int r = 0; r < rows; r++) {
      dst.put(dstOffset + r * dstStride, src, srcOffset + r * srcStride, rowBytes);
    }
  }

  /** Writes zeros into {@code dst[0, length)}. */
  static void zero(ByteBuffer dst, int length) {
    for (int i = 0; i < length; i += ZEROS.length) {
      dst.put(i, ZEROS, 0, Math.min(ZEROS.length, length - i));
    }
  }
}
