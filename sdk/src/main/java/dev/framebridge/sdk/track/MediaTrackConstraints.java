package dev.framebridge.sdk.track;

import org.jspecify.annotations.Nullable;

/**
 * The constraints of {@link MediaStreamTrack#applyConstraints} (MediaTrackConstraints) for the properties a generated
 * video track supports: width, height, frameRate, aspectRatio and resizeMode. Absent means unconstrained. Immutable.
 */
public final class MediaTrackConstraints {
  private static final MediaTrackConstraints NONE = builder().build();

  private final @Nullable ConstrainInteger width;
  private final @Nullable ConstrainInteger height;
  private final @Nullable ConstrainDouble frameRate;
  private final @Nullable ConstrainDouble aspectRatio;
  private final @Nullable ConstrainString resizeMode;

  private MediaTrackConstraints(Builder b) {
    this.width = b.width;
    this.height = b.height;
    this.frameRate = b.frameRate;
    this.aspectRatio = b.aspectRatio;
    this.resizeMode = b.resizeMode;
  }

  /** No constraint at all. */
  public static MediaTrackConstraints none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public @Nullable ConstrainInteger getWidth() {
    return width;
  }

  public @Nullable ConstrainInteger getHeight() {
    return height;
  }

  public @Nullable ConstrainDouble getFrameRate() {
    return frameRate;
  }

  public @Nullable ConstrainDouble getAspectRatio() {
    return aspectRatio;
  }

  public @Nullable ConstrainString getResizeMode() {
    return resizeMode;
  }

  /** Whether a size constraint (width, height or aspectRatio) is present. */
  public boolean constrainsSize() {
    return width != null || height != null || aspectRatio != null;
  }

  @Override
  public String toString() {
    return "MediaTrackConstraints(width=" + width + ", height=" + height + ", frameRate=" + frameRate
        + ", aspectRatio=" + aspectRatio + ", resizeMode=" + resizeMode + ")";
  }

  /** Builds {@link MediaTrackConstraints}; the plain-value setters mean "ideal", as bare values do in the spec. */
  public static final class Builder {
    private @Nullable ConstrainInteger width;
    private @Nullable ConstrainInteger height;
    private @Nullable ConstrainDouble frameRate;
    private @Nullable ConstrainDouble aspectRatio;
    private @Nullable ConstrainString resizeMode;

    private Builder() {}

    public Builder width(@Nullable ConstrainInteger width) {
      this.width = width;
      return this;
    }

    public Builder width(int ideal) {
      return width(ConstrainInteger.ideal(ideal));
    }

    public Builder height(@Nullable ConstrainInteger height) {
      this.height = height;
      return this;
    }

    public Builder height(int ideal) {
      return height(ConstrainInteger.ideal(ideal));
    }

    public Builder frameRate(@Nullable ConstrainDouble frameRate) {
      this.frameRate = frameRate;
      return this;
    }

    public Builder frameRate(double ideal) {
      return frameRate(ConstrainDouble.ideal(ideal));
    }

    public Builder aspectRatio(@Nullable ConstrainDouble aspectRatio) {
      this.aspectRatio = aspectRatio;
      return this;
    }

    public Builder aspectRatio(double ideal) {
      return aspectRatio(ConstrainDouble.ideal(ideal));
    }

    public Builder resizeMode(@Nullable ConstrainString resizeMode) {
      this.resizeMode = resizeMode;
      return this;
    }

    public Builder resizeMode(String ideal) {
      return resizeMode(ConstrainString.ideal(ideal));
    }

    public MediaTrackConstraints build() {
      return new MediaTrackConstraints(this);
    }
  }
}
