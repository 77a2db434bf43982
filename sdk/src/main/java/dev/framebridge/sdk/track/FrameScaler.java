package dev.framebridge.sdk.track;

import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;
import org.joml.Matrix3x2d;
import org.joml.Vector2d;

/**
 * Crops a region of a frame and scales it bilinearly to a new size, plane by plane, for every supported format
 * (packed RGB as 4 channels, I420/I422/I444/I420A planes as 1, NV12's UV plane as 2). A JOML affine maps output pixel
 * centres to source positions; per-column and per-row lookup tables keep the inner loop free of maths and allocation.
 * One instance per track, used by the delivering thread only.
 */
final class FrameScaler {
  private static final int ONE = 256;

  private final Matrix3x2d toSource = new Matrix3x2d();
  private final Vector2d point = new Vector2d();
  private int[] colOffset0 = new int[0];
  private int[] colOffset1 = new int[0];
  private int[] colWeight = new int[0];
  private int[] rowIndex0 = new int[0];
  private int[] rowIndex1 = new int[0];
  private int[] rowWeight = new int[0];

  /** Output size rounded up to even for subsampled formats, as a VideoFrame of them requires. */
  static int fitDimension(VideoPixelFormat format, int size) {
    int s = Math.max(1, size);
    return format.isSubsampled() && (s & 1) != 0 ? s + 1 : s;
  }

  /**
   * A new frame of {@code width x height} holding the region {@code (cropX, cropY, cropWidth, cropHeight)} (in coded
   * pixels) of {@code source}, scaled; same format and timestamp.
   */
  VideoFrame scale(VideoFrame source, double cropX, double cropY, double cropWidth, double cropHeight,
      int width, int height, FrameAllocator allocator) {
    VideoPixelFormat format = source.getFormat();
    if (format == null) {
      throw new IllegalStateException("frame is closed");
    }
    VideoFrame out = allocator.allocateVideoFrame(format, width, height, source.getTimestamp());
    try {
      for (int p = 0; p < format.getPlaneCount(); p++) {
        scalePlane(source, out, format, p, cropX, cropY, cropWidth, cropHeight, width, height);
      }
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private void scalePlane(VideoFrame source, VideoFrame out, VideoPixelFormat format, int p, double cropX,
      double cropY, double cropWidth, double cropHeight, int width, int height) {
    int channels = format.getBytesPerSample(p);
    int hs = format.getHorizontalSubsampling(p);
    int vs = format.getVerticalSubsampling(p);
    int srcW = format.rowBytes(p, source.getCodedWidth()) / channels;
    int srcH = format.rows(p, source.getCodedHeight());
    int dstW = format.rowBytes(p, width) / channels;
    int dstH = format.rows(p, height);
    // Output pixel centre (x + 0.5, y + 0.5) -> source position, in this plane's samples.
    toSource.translation(cropX / hs, cropY / vs).scale(cropWidth / hs / dstW, cropHeight / vs / dstH);
    buildColumns(dstW, srcW, channels);
    buildRows(dstH, srcH);

    ByteBuffer src = source.getPlane(p);
    int srcStride = source.getPlaneStride(p);
    ByteBuffer dst = out.getPlane(p);
    int dstStride = out.getPlaneStride(p);
    for (int y = 0; y < dstH; y++) {
      int row0 = rowIndex0[y] * srcStride;
      int row1 = rowIndex1[y] * srcStride;
      int wy = rowWeight[y];
      int dstRow = y * dstStride;
      for (int x = 0; x < dstW; x++) {
        int a = row0 + colOffset0[x];
        int b = row0 + colOffset1[x];
        int c = row1 + colOffset0[x];
        int d = row1 + colOffset1[x];
        int wx = colWeight[x];
        int o = dstRow + x * channels;
        for (int ch = 0; ch < channels; ch++) {
          int top = (src.get(a + ch) & 0xff) * (ONE - wx) + (src.get(b + ch) & 0xff) * wx;
          int bottom = (src.get(c + ch) & 0xff) * (ONE - wx) + (src.get(d + ch) & 0xff) * wx;
          dst.put(o + ch, (byte) ((top * (ONE - wy) + bottom * wy + ONE * ONE / 2) >> 16));
        }
      }
    }
  }

  private void buildColumns(int dstW, int srcW, int channels) {
    if (colWeight.length < dstW) {
      colOffset0 = new int[dstW];
      colOffset1 = new int[dstW];
      colWeight = new int[dstW];
    }
    for (int x = 0; x < dstW; x++) {
      double sx = toSource.transformPosition(point.set(x + 0.5, 0)).x - 0.5;
      sx = Math.max(0, Math.min(srcW - 1, sx));
      int x0 = (int) sx;
      colOffset0[x] = x0 * channels;
      colOffset1[x] = Math.min(x0 + 1, srcW - 1) * channels;
      colWeight[x] = (int) Math.round((sx - x0) * ONE);
    }
  }

  private void buildRows(int dstH, int srcH) {
    if (rowWeight.length < dstH) {
      rowIndex0 = new int[dstH];
      rowIndex1 = new int[dstH];
      rowWeight = new int[dstH];
    }
    for (int y = 0; y < dstH; y++) {
      double sy = toSource.transformPosition(point.set(0, y + 0.5)).y - 0.5;
      sy = Math.max(0, Math.min(srcH - 1, sy));
      int y0 = (int) sy;
      rowIndex0[y] = y0;
      rowIndex1[y] = Math.min(y0 + 1, srcH - 1);
      rowWeight[y] = (int) Math.round((sy - y0) * ONE);
    }
  }
}
