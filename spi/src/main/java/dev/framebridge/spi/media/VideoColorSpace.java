package dev.framebridge.spi.media;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** WebCodecs' VideoColorSpace: primaries, transfer, matrix (their WebCodecs names) and range; any may be unknown. */
public final class VideoColorSpace {
  /** What RGB frames report: sRGB. */
  public static final VideoColorSpace SRGB = new VideoColorSpace("bt709", "iec61966-2-1", "rgb", true);
  /** What YUV frames default to: BT.709, limited range. */
  public static final VideoColorSpace BT709 = new VideoColorSpace("bt709", "bt709", "bt709", false);
  /** Nothing known. */
  public static final VideoColorSpace UNKNOWN = new VideoColorSpace(null, null, null, null);

  private final @Nullable String primaries;
  private final @Nullable String transfer;
  private final @Nullable String matrix;
  private final @Nullable Boolean fullRange;

  private VideoColorSpace(
      @Nullable String primaries, @Nullable String transfer, @Nullable String matrix, @Nullable Boolean fullRange) {
    this.primaries = primaries;
    this.transfer = transfer;
    this.matrix = matrix;
    this.fullRange = fullRange;
  }

  public static VideoColorSpace of(
      @Nullable String primaries, @Nullable String transfer, @Nullable String matrix, @Nullable Boolean fullRange) {
    return new VideoColorSpace(primaries, transfer, matrix, fullRange);
  }

  public @Nullable String getPrimaries() {
    return primaries;
  }

  public @Nullable String getTransfer() {
    return transfer;
  }

  public @Nullable String getMatrix() {
    return matrix;
  }

  public @Nullable Boolean getFullRange() {
    return fullRange;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof VideoColorSpace)) {
      return false;
    }
    VideoColorSpace c = (VideoColorSpace) o;
    return Objects.equals(primaries, c.primaries)
        && Objects.equals(transfer, c.transfer)
        && Objects.equals(matrix, c.matrix)
        && Objects.equals(fullRange, c.fullRange);
  }

  @Override
  public int hashCode() {
    return Objects.hash(primaries, transfer, matrix, fullRange);
  }

  @Override
  public String toString() {
    return "VideoColorSpace(" + primaries + ", " + transfer + ", " + matrix + ", fullRange=" + fullRange + ")";
  }
}
