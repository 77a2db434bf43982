package dev.framebridge.sdk.track;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ranges a track's constrainable properties can take (MediaTrackCapabilities). Video ranges are null for audio
 * tracks. Immutable.
 */
public final class MediaTrackCapabilities {
  /** The largest width or height a VideoFrame may have here (as Chromium's media limits). */
  public static final int MAX_DIMENSION = 32767;
  /** The highest frame rate a track reports it can carry. */
  public static final double MAX_FRAME_RATE = 1000;

  private static final MediaTrackCapabilities VIDEO = builder()
      .width(IntegerRange.of(1, MAX_DIMENSION))
      .height(IntegerRange.of(1, MAX_DIMENSION))
      .aspectRatio(DoubleRange.of(1.0 / MAX_DIMENSION, MAX_DIMENSION))
      .frameRate(DoubleRange.of(0, MAX_FRAME_RATE))
      .resizeMode(List.of(MediaTrackSettings.RESIZE_MODE_NONE, MediaTrackSettings.RESIZE_MODE_CROP_AND_SCALE))
      .build();
  private static final MediaTrackCapabilities AUDIO = builder().build();

  private final @Nullable IntegerRange width;
  private final @Nullable IntegerRange height;
  private final @Nullable DoubleRange aspectRatio;
  private final @Nullable DoubleRange frameRate;
  private final List<String> resizeMode;

  private MediaTrackCapabilities(Builder b) {
    this.width = b.width;
    this.height = b.height;
    this.aspectRatio = b.aspectRatio;
    this.frameRate = b.frameRate;
    this.resizeMode = List.copyOf(b.resizeMode);
  }

  /** What a generated video track can carry: any VideoFrame size, frame rates 0..1000, both resize modes. */
  public static MediaTrackCapabilities video() {
    return VIDEO;
  }

  /** An audio track: no video ranges. */
  public static MediaTrackCapabilities audio() {
    return AUDIO;
  }

  public static Builder builder() {
    return new Builder();
  }

  public @Nullable IntegerRange getWidth() {
    return width;
  }

  public @Nullable IntegerRange getHeight() {
    return height;
  }

  public @Nullable DoubleRange getAspectRatio() {
    return aspectRatio;
  }

  public @Nullable DoubleRange getFrameRate() {
    return frameRate;
  }

  /** The resize modes supported: both {@code "none"} and {@code "crop-and-scale"} for video, empty for audio. */
  public List<String> getResizeMode() {
    return resizeMode;
  }

  @Override
  public String toString() {
    return "MediaTrackCapabilities(width=" + width + ", height=" + height + ", aspectRatio=" + aspectRatio
        + ", frameRate=" + frameRate + ", resizeMode=" + resizeMode + ")";
  }

  /** Builds {@link MediaTrackCapabilities}. */
  public static final class Builder {
    private @Nullable IntegerRange width;
    private @Nullable IntegerRange height;
    private @Nullable DoubleRange aspectRatio;
    private @Nullable DoubleRange frameRate;
    private List<String> resizeMode = List.of();

    private Builder() {}

    public Builder width(@Nullable IntegerRange width) {
      this.width = width;
      return this;
    }

    public Builder height(@Nullable IntegerRange height) {
      this.height = height;
      return this;
    }

    public Builder aspectRatio(@Nullable DoubleRange aspectRatio) {
      this.aspectRatio = aspectRatio;
      return this;
    }

    public Builder frameRate(@Nullable DoubleRange frameRate) {
      this.frameRate = frameRate;
      return this;
    }

    public Builder resizeMode(List<String> resizeMode) {
      this.resizeMode = resizeMode;
      return this;
    }

    public MediaTrackCapabilities build() {
      return new MediaTrackCapabilities(this);
    }
  }
}
