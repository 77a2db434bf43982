package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.PlaneLayout;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoColorSpace;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * WebCodecs' VideoFrameBufferInit / VideoFrameInit. Every field may be left unset so that a missing coded size can be
 * expressed; {@link MediaFrames} rejects what a frame needs but lacks.
 */
public final class VideoFrameInit {
  private final @Nullable VideoPixelFormat format;
  private final @Nullable Integer codedWidth;
  private final @Nullable Integer codedHeight;
  private final @Nullable Long timestamp;
  private final @Nullable Long duration;
  private final @Nullable Rect visibleRect;
  private final @Nullable Integer displayWidth;
  private final @Nullable Integer displayHeight;
  private final @Nullable List<PlaneLayout> layout;
  private final @Nullable VideoColorSpace colorSpace;

  private VideoFrameInit(Builder b) {
    this.format = b.format;
    this.codedWidth = b.codedWidth;
    this.codedHeight = b.codedHeight;
    this.timestamp = b.timestamp;
    this.duration = b.duration;
    this.visibleRect = b.visibleRect;
    this.displayWidth = b.displayWidth;
    this.displayHeight = b.displayHeight;
    this.layout = b.layout == null ? null : List.copyOf(b.layout);
    this.colorSpace = b.colorSpace;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for the common case: a tightly packed frame of this format, size and timestamp. */
  public static VideoFrameInit of(VideoPixelFormat format, int codedWidth, int codedHeight, long timestampUs) {
    return builder().format(format).codedWidth(codedWidth).codedHeight(codedHeight).timestamp(timestampUs).build();
  }

  public @Nullable VideoPixelFormat getFormat() {
    return format;
  }

  public @Nullable Integer getCodedWidth() {
    return codedWidth;
  }

  public @Nullable Integer getCodedHeight() {
    return codedHeight;
  }

  /** Presentation timestamp in microseconds. */
  public @Nullable Long getTimestamp() {
    return timestamp;
  }

  /** Duration in microseconds. */
  public @Nullable Long getDuration() {
    return duration;
  }

  public @Nullable Rect getVisibleRect() {
    return visibleRect;
  }

  public @Nullable Integer getDisplayWidth() {
    return displayWidth;
  }

  public @Nullable Integer getDisplayHeight() {
    return displayHeight;
  }

  /** Where each plane lies in the source buffer, or null for tightly packed planes one after another. */
  public @Nullable List<PlaneLayout> getLayout() {
    return layout;
  }

  public @Nullable VideoColorSpace getColorSpace() {
    return colorSpace;
  }

  /** Builds {@link VideoFrameInit}. */
  public static final class Builder {
    private @Nullable VideoPixelFormat format;
    private @Nullable Integer codedWidth;
    private @Nullable Integer codedHeight;
    private @Nullable Long timestamp;
    private @Nullable Long duration;
    private @Nullable Rect visibleRect;
    private @Nullable Integer displayWidth;
    private @Nullable Integer displayHeight;
    private @Nullable List<PlaneLayout> layout;
    private @Nullable VideoColorSpace colorSpace;

    private Builder() {}

    public Builder format(@Nullable VideoPixelFormat format) {
      this.format = format;
      return this;
    }

    public Builder codedWidth(@Nullable Integer codedWidth) {
      this.codedWidth = codedWidth;
      return this;
    }

    public Builder codedHeight(@Nullable Integer codedHeight) {
      this.codedHeight = codedHeight;
      return this;
    }

    public Builder timestamp(@Nullable Long timestampUs) {
      this.timestamp = timestampUs;
      return this;
    }

    public Builder duration(@Nullable Long durationUs) {
      this.duration = durationUs;
      return this;
    }

    public Builder visibleRect(@Nullable Rect visibleRect) {
      this.visibleRect = visibleRect;
      return this;
    }

    public Builder displayWidth(@Nullable Integer displayWidth) {
      this.displayWidth = displayWidth;
      return this;
    }

    public Builder displayHeight(@Nullable Integer displayHeight) {
      this.displayHeight = displayHeight;
      return this;
    }

    public Builder layout(@Nullable List<PlaneLayout> layout) {
      this.layout = layout;
      return this;
    }

    public Builder colorSpace(@Nullable VideoColorSpace colorSpace) {
      this.colorSpace = colorSpace;
      return this;
    }

    public VideoFrameInit build() {
      return new VideoFrameInit(this);
    }
  }
}
