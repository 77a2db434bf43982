package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.PlaneLayout;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * WebCodecs' "compute layout and allocation size": for a rect of a frame and an optional destination layout, where
 * each plane's rows come from and go to, and how many bytes the destination needs. Also describes how a frame's own
 * planes lie in its buffer (the rect is then the coded rect).
 */
final class PlaneCopyLayout {
  final int planeCount;
  final int[] sourceTop;
  final int[] sourceHeight;
  final int[] sourceLeftBytes;
  final int[] sourceWidthBytes;
  final int[] destinationOffset;
  final int[] destinationStride;
  final int allocationSize;
  final boolean tight;
  private final List<PlaneLayout> planeLayouts;

  private PlaneCopyLayout(int planeCount, int[][] columns, int allocationSize, boolean tight) {
    this.planeCount = planeCount;
    this.sourceTop = columns[0];
    this.sourceHeight = columns[1];
    this.sourceLeftBytes = columns[2];
    this.sourceWidthBytes = columns[3];
    this.destinationOffset = columns[4];
    this.destinationStride = columns[5];
    this.allocationSize = allocationSize;
    this.tight = tight;
    List<PlaneLayout> list = new ArrayList<>(planeCount);
    for (int p = 0; p < planeCount; p++) {
      list.add(PlaneLayout.of(destinationOffset[p], destinationStride[p]));
    }
    this.planeLayouts = Collections.unmodifiableList(list);
  }

  /**
   * Computes the layout of {@code rect} (already parsed: inside the coded size and aligned) of {@code format}.
   *
   * @throws IllegalArgumentException if the layout has the wrong plane count, a stride below a row's bytes, a
   *     negative offset, planes that overlap, or sizes beyond 2^31 - 1
   */
  static PlaneCopyLayout compute(Rect rect, VideoPixelFormat format, @Nullable List<PlaneLayout> layout) {
    int planes = format.getPlaneCount();
    if (layout != null && layout.size() != planes) {
      throw new IllegalArgumentException(
          "layout has " + layout.size() + " planes but " + format + " has " + planes);
    }
    int[][] c = new int[6][planes];
    long minAllocationSize = 0;
    boolean tight = true;
    for (int p = 0; p < planes; p++) {
      int sampleBytes = format.getBytesPerSample(p);
      int sampleWidth = format.getHorizontalSubsampling(p);
      int sampleHeight = format.getVerticalSubsampling(p);
      c[0][p] = rect.getY() / sampleHeight;
      c[1][p] = format.rows(p, rect.getHeight());
      c[2][p] = (rect.getX() / sampleWidth) * sampleBytes;
      c[3][p] = format.rowBytes(p, rect.getWidth());
      long offset;
      long stride;
      if (layout != null) {
        PlaneLayout given = layout.get(p);
        offset = given.getOffset();
        stride = given.getStride();
        if (offset < 0) {
          throw new IllegalArgumentException("plane " + p + " has a negative offset " + offset);
        }
        if (stride < c[3][p]) {
          throw new IllegalArgumentException(
              "plane " + p + " stride " + stride + " is below its row width of " + c[3][p] + " bytes");
        }
      } else {
        offset = minAllocationSize;
        stride = c[3][p];
      }
      long planeSize = stride * c[1][p];
      long planeEnd = offset + planeSize;
      if (planeEnd > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("plane " + p + " ends beyond 2^31 - 1 bytes (offset " + offset + ")");
      }
      for (int q = 0; q < p; q++) {
        long qEnd = (long) c[4][q] + (long) c[5][q] * c[1][q];
        if (offset < qEnd && c[4][q] < planeEnd && planeSize > 0) {
          throw new IllegalArgumentException("planes " + q + " and " + p + " overlap");
        }
      }
      c[4][p] = (int) offset;
      c[5][p] = (int) stride;
      tight &= offset == minAllocationSize && stride == c[3][p];
      minAllocationSize = Math.max(minAllocationSize, planeEnd);
    }
    return new PlaneCopyLayout(planes, c, (int) minAllocationSize, tight);
  }

  /** Bytes of plane {@code p} in the destination: stride times rows. */
  int planeSize(int p) {
    return destinationStride[p] * sourceHeight[p];
  }

  List<PlaneLayout> getPlaneLayouts() {
    return planeLayouts;
  }
}
