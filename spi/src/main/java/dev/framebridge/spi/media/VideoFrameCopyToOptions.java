package dev.framebridge.spi.media;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Options of {@link VideoFrame#copyTo}: the region to copy (default the visible rect) and a destination layout. */
public final class VideoFrameCopyToOptions {
  private static final VideoFrameCopyToOptions DEFAULTS = new Builder().build();

  private final @Nullable Rect rect;
  private final @Nullable List<PlaneLayout> layout;

  private VideoFrameCopyToOptions(Builder b) {
    this.rect = b.rect;
    this.layout = b.layout == null ? null : List.copyOf(b.layout);
  }

  public static VideoFrameCopyToOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The region to copy, or null for the visible rect. */
  public @Nullable Rect getRect() {
    return rect;
  }

  /** One layout per plane, or null for tightly packed planes one after another. */
  public @Nullable List<PlaneLayout> getLayout() {
    return layout;
  }

  /** Builds {@link VideoFrameCopyToOptions}. */
  public static final class Builder {
    private @Nullable Rect rect;
    private @Nullable List<PlaneLayout> layout;

    private Builder() {}

    public Builder rect(@Nullable Rect rect) {
      this.rect = rect;
      return this;
    }

    public Builder layout(@Nullable List<PlaneLayout> layout) {
      this.layout = layout;
      return this;
    }

    public VideoFrameCopyToOptions build() {
      return new VideoFrameCopyToOptions(this);
    }
  }
}
