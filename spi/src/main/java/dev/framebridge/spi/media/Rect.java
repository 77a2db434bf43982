package dev.framebridge.spi.media;

/** An immutable integer rectangle in pixels (DOMRectReadOnly restricted to whole pixels). */
public final class Rect {
  private final int x;
  private final int y;
  private final int width;
  private final int height;

  private Rect(int x, int y, int width, int height) {
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
  }

  /** Any values are accepted here; frames and copy options validate a rect against their sizes. */
  public static Rect of(int x, int y, int width, int height) {
    return new Rect(x, y, width, height);
  }

  public int getX() {
    return x;
  }

  public int getY() {
    return y;
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  public int getRight() {
    return x + width;
  }

  public int getBottom() {
    return y + height;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rect)) {
      return false;
    }
    Rect r = (Rect) o;
    return r.x == x && r.y == y && r.width == width && r.height == height;
  }

  @Override
  public int hashCode() {
    return ((x * 31 + y) * 31 + width) * 31 + height;
  }

  @Override
  public String toString() {
    return "Rect(" + x + ", " + y + ", " + width + "x" + height + ")";
  }
}
