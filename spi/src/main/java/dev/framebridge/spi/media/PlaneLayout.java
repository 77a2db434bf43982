package dev.framebridge.spi.media;

/** Where one plane lies in a buffer: the byte offset of its first row and the bytes from one row to the next. */
public final class PlaneLayout {
  private final int offset;
  private final int stride;

  private PlaneLayout(int offset, int stride) {
    this.offset = offset;
    this.stride = stride;
  }

  public static PlaneLayout of(int offset, int stride) {
    return new PlaneLayout(offset, stride);
  }

  public int getOffset() {
    return offset;
  }

  public int getStride() {
    return stride;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlaneLayout && ((PlaneLayout) o).offset == offset && ((PlaneLayout) o).stride == stride;
  }

  @Override
  public int hashCode() {
    return offset * 31 + stride;
  }

  @Override
  public String toString() {
    return "{offset=" + offset + ", stride=" + stride + "}";
  }
}
