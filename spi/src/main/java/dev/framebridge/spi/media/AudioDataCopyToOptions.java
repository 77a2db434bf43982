package dev.framebridge.spi.media;

import org.jspecify.annotations.Nullable;

/**
 * Options of {@link AudioData#copyTo}: which plane (for interleaved destinations only plane 0 exists), which frames,
 * and the destination format (default: the source's).
 */
public final class AudioDataCopyToOptions {
  private final int planeIndex;
  private final int frameOffset;
  private final @Nullable Integer frameCount;
  private final @Nullable AudioSampleFormat format;

  private AudioDataCopyToOptions(Builder b) {
    this.planeIndex = b.planeIndex;
    this.frameOffset = b.frameOffset;
    this.frameCount = b.frameCount;
    this.format = b.format;
  }

  /** Options for one plane, all frames, the source format. */
  public static AudioDataCopyToOptions plane(int planeIndex) {
    return builder().planeIndex(planeIndex).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int getPlaneIndex() {
    return planeIndex;
  }

  public int getFrameOffset() {
    return frameOffset;
  }

  /** Frames to copy, or null for all from the offset on. */
  public @Nullable Integer getFrameCount() {
    return frameCount;
  }

  /** The destination format, or null for the source's. */
  public @Nullable AudioSampleFormat getFormat() {
    return format;
  }

  /** Builds {@link AudioDataCopyToOptions}. */
  public static final class Builder {
    private int planeIndex;
    private int frameOffset;
    private @Nullable Integer frameCount;
    private @Nullable AudioSampleFormat format;

    private Builder() {}

    public Builder planeIndex(int planeIndex) {
      this.planeIndex = planeIndex;
      return this;
    }

    public Builder frameOffset(int frameOffset) {
      this.frameOffset = frameOffset;
      return this;
    }

    public Builder frameCount(@Nullable Integer frameCount) {
      this.frameCount = frameCount;
      return this;
    }

    public Builder format(@Nullable AudioSampleFormat format) {
      this.format = format;
      return this;
    }

    public AudioDataCopyToOptions build() {
      return new AudioDataCopyToOptions(this);
    }
  }
}
