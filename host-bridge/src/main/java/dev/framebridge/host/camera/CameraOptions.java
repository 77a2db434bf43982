package dev.framebridge.host.camera;

import org.jspecify.annotations.Nullable;

/**
 * What camera to open and how: a selector ({@code "synthetic"}, an index, a name or part of one, or null for the
 * first real camera falling back to the synthetic one), the requested size and frame rate. Immutable.
 */
public final class CameraOptions {
  /** The selector that picks the built-in test pattern. */
  public static final String SYNTHETIC = "synthetic";

  private final @Nullable String camera;
  private final int width;
  private final int height;
  private final double fps;

  private CameraOptions(Builder b) {
    if (b.width < 16 || b.height < 16 || b.width > 8192 || b.height > 8192) {
      throw new IllegalArgumentException("size " + b.width + "x" + b.height + " is outside 16x16..8192x8192");
    }
    if (b.width % 2 != 0 || b.height % 2 != 0) {
      throw new IllegalArgumentException("size " + b.width + "x" + b.height + " must be even in both dimensions");
    }
    if (!(b.fps > 0 && b.fps <= 240)) {
      throw new IllegalArgumentException("fps " + b.fps + " is outside (0, 240]");
    }
    this.camera = b.camera;
    this.width = b.width;
    this.height = b.height;
    this.fps = b.fps;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The selector, or null for automatic choice. */
  public @Nullable String getCamera() {
    return camera;
  }

  public boolean isSynthetic() {
    return SYNTHETIC.equalsIgnoreCase(camera);
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  public double getFps() {
    return fps;
  }

  @Override
  public String toString() {
    return (camera == null ? "auto" : camera) + " " + width + "x" + height + "@" + fps;
  }

  /** Builds {@link CameraOptions}; defaults: automatic camera, 1280x720 at 30 fps. */
  public static final class Builder {
    private @Nullable String camera;
    private int width = 1280;
    private int height = 720;
    private double fps = 30;

    private Builder() {}

    public Builder camera(@Nullable String selector) {
      this.camera = selector == null || selector.isBlank() ? null : selector.trim();
      return this;
    }

    public Builder size(int width, int height) {
      this.width = width;
      this.height = height;
      return this;
    }

    public Builder fps(double fps) {
      this.fps = fps;
      return this;
    }

    public CameraOptions build() {
      return new CameraOptions(this);
    }
  }
}
