package dev.framebridge.sdk.track;

/**
 * The current values of a track's constrainable properties (MediaTrackSettings): for video the size of the latest
 * frame delivered, its aspect ratio (rounded to the tenth decimal place), an estimate of the frame rate, and the resize
 * mode; for audio the sample rate and channel count of the latest chunk. Immutable.
 */
public final class MediaTrackSettings {
  /** Frames are passed on unmodified. */
  public static final String RESIZE_MODE_NONE = "none";
  /** Frames may be cropped and scaled to fit the track's constraints. */
  public static final String RESIZE_MODE_CROP_AND_SCALE = "crop-and-scale";

  private final int width;
  private final int height;
  private final double aspectRatio;
  private final double frameRate;
  private final String resizeMode;
  private final int sampleRate;
  private final int channelCount;

  private MediaTrackSettings(Builder b) {
    this.width = Math.max(0, b.width);
    this.height = Math.max(0, b.height);
    this.aspectRatio = height == 0 ? 0 : Math.round((double) width / height * 1e10) / 1e10;
    this.frameRate = Math.max(0, b.frameRate);
    this.resizeMode = b.resizeMode;
    this.sampleRate = Math.max(0, b.sampleRate);
    this.channelCount = Math.max(0, b.channelCount);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Width in pixels of the latest frame; 0 before any frame and for audio. */
  public int getWidth() {
    return width;
  }

  /** Height in pixels of the latest frame; 0 before any frame and for audio. */
  public int getHeight() {
    return height;
  }

  /** Width divided by height, rounded to the tenth decimal place; 0 before any frame. */
  public double getAspectRatio() {
    return aspectRatio;
  }

  /** Frames per second, estimated from recent frames; 0 before two frames arrived. */
  public double getFrameRate() {
    return frameRate;
  }

  /** {@link #RESIZE_MODE_NONE} or {@link #RESIZE_MODE_CROP_AND_SCALE}. */
  public String getResizeMode() {
    return resizeMode;
  }

  /** Samples per second of the latest audio chunk; 0 for video. */
  public int getSampleRate() {
    return sampleRate;
  }

  /** Channels of the latest audio chunk; 0 for video. */
  public int getChannelCount() {
    return channelCount;
  }

  @Override
  public String toString() {
    return "MediaTrackSettings(" + width + "x" + height + ", aspectRatio=" + aspectRatio + ", frameRate=" + frameRate
        + ", resizeMode=" + resizeMode + (sampleRate > 0 ? ", sampleRate=" + sampleRate + ", channels="
        + channelCount : "") + ")";
  }

  /** Builds {@link MediaTrackSettings}; the aspect ratio is derived from width and height. */
  public static final class Builder {
    private int width;
    private int height;
    private double frameRate;
    private String resizeMode = RESIZE_MODE_NONE;
    private int sampleRate;
    private int channelCount;

    private Builder() {}

    public Builder width(int width) {
      this.width = width;
      return this;
    }

    public Builder height(int height) {
      this.height = height;
      return this;
    }

    public Builder frameRate(double frameRate) {
      this.frameRate = frameRate;
      return this;
    }

    public Builder resizeMode(String resizeMode) {
      this.resizeMode = resizeMode;
      return this;
    }

    public Builder sampleRate(int sampleRate) {
      this.sampleRate = sampleRate;
      return this;
    }

    public Builder channelCount(int channelCount) {
      this.channelCount = channelCount;
      return this;
    }

    public MediaTrackSettings build() {
      return new MediaTrackSettings(this);
    }
  }
}
