package dev.framebridge.sdk.effects;

import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which frames an effect processes: the packed RGB formats by default. Frames of any other format should be
 * passed through unchanged; the gate logs one line per format the first time it turns one away, so a user sees why an
 * effect does nothing without a log line per frame. One instance per transform (one thread).
 */
public final class FormatGate {
  private static final Logger LOG = LoggerFactory.getLogger(FormatGate.class);

  private final String effectName;
  private final Set<VideoPixelFormat> accepted;
  private final Set<VideoPixelFormat> reported = EnumSet.noneOf(VideoPixelFormat.class);

  private FormatGate(String effectName, Set<VideoPixelFormat> accepted) {
    this.effectName = effectName;
    this.accepted = EnumSet.copyOf(accepted);
  }

  /** A gate for RGBA, RGBX, BGRA and BGRX. */
  public static FormatGate rgb(String effectName) {
    return new FormatGate(effectName,
        EnumSet.of(VideoPixelFormat.RGBA, VideoPixelFormat.RGBX, VideoPixelFormat.BGRA, VideoPixelFormat.BGRX));
  }

  /** A gate for the given formats. */
  public static FormatGate of(String effectName, Set<VideoPixelFormat> accepted) {
    if (accepted.isEmpty()) {
      throw new IllegalArgumentException("a format gate needs at least one format");
    }
    return new FormatGate(effectName, accepted);
  }

  public Set<VideoPixelFormat> getAccepted() {
    return EnumSet.copyOf(accepted);
  }

  /** Whether the effect should process this frame; logs once per turned-away format. Closed frames are refused. */
  public boolean admits(VideoFrame frame) {
    VideoPixelFormat format = frame.getFormat();
    if (format == null) {
      return false;
    }
    if (accepted.contains(format)) {
      return true;
    }
    if (reported.add(format)) {
      LOG.info("{}: passing {} frames through unchanged (handles {})", effectName, format, accepted);
    }
    return false;
  }
}
