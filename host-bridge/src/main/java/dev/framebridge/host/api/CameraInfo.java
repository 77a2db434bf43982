package dev.framebridge.host.api;

/** What the status API shows of the camera. Immutable. */
public final class CameraInfo {
  private final String name;
  private final int width;
  private final int height;
  private final double fps;

  public CameraInfo(String name, int width, int height, double fps) {
    this.name = name;
    this.width = width;
    this.height = height;
    this.fps = fps;
  }

  public String getName() {
    return name;
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
}
