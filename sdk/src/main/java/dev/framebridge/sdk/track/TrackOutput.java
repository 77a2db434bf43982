package dev.framebridge.sdk.track;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import org.jspecify.annotations.Nullable;

/**
 * What one track does to the frames of its source: drops frames to meet a frameRate constraint, crops and scales
 * to meet size constraints in "crop-and-scale" mode, and records the settings of what it passes on. Frames are
 * adapted by the delivering thread only; settings are read from any thread.
 */
final class TrackOutput {
  /** Slack when comparing a timestamp with the next due time, so jitter does not halve the rate. */
  private static final long DUE_TOLERANCE_US = 1000;

  private final MediaStreamTrackSource source;
  private final FrameScaler scaler = new FrameScaler();
  private volatile Plan plan = Plan.of(MediaTrackConstraints.none());
  private volatile int width;
  private volatile int height;
  private volatile double frameRate;
  private volatile int sampleRate;
  private volatile int channelCount;
  private boolean haveLast;
  private long lastTimestamp;
  private long nextDueUs;

  TrackOutput(MediaStreamTrackSource source) {
    this.source = source;
  }

  void configure(MediaTrackConstraints constraints) {
    plan = Plan.of(constraints);
  }

  MediaTrackSettings settings() {
    return MediaTrackSettings.builder().width(width).height(height).frameRate(frameRate)
        .resizeMode(plan.resizeMode).sampleRate(sampleRate).channelCount(channelCount).build();
  }

  /** The frame to pass on: {@code frame} itself, a new frame the caller must close, or null to drop it. */
  @Nullable MediaFrame adapt(MediaFrame frame) {
    Plan p = plan;
    long ts = frame.getTimestamp();
    if (p.frameIntervalUs > 0 && haveLast && ts >= lastTimestamp && ts + DUE_TOLERANCE_US < nextDueUs) {
      return null;
    }
    MediaFrame out = frame;
    if (frame instanceof VideoFrame) {
      VideoFrame v = (VideoFrame) frame;
      if (p.cropAndScale) {
        out = cropAndScale(v, p);
      }
      VideoFrame o = (VideoFrame) out;
      width = o.getDisplayWidth();
      height = o.getDisplayHeight();
    } else if (frame instanceof AudioData) {
      AudioData a = (AudioData) frame;
      sampleRate = Math.round(a.getSampleRate());
      channelCount = a.getNumberOfChannels();
    }
    if (haveLast && ts > lastTimestamp) {
      double instant = 1e6 / (ts - lastTimestamp);
      frameRate = frameRate == 0 ? instant : frameRate * 0.8 + instant * 0.2;
    }
    if (p.frameIntervalUs > 0) {
      boolean inStep = haveLast && ts >= lastTimestamp && ts < nextDueUs + p.frameIntervalUs;
      nextDueUs = inStep ? nextDueUs + p.frameIntervalUs : ts + p.frameIntervalUs;
    }
    haveLast = true;
    lastTimestamp = ts;
    return out;
  }

  private VideoFrame cropAndScale(VideoFrame v, Plan p) {
    Rect visible = v.getVisibleRect();
    VideoPixelFormat format = v.getFormat();
    if (visible == null || format == null) {
      return v;
    }
    int vw = visible.getWidth();
    int vh = visible.getHeight();
    Integer cw = target(p.width, vw);
    Integer ch = target(p.height, vh);
    double tw;
    double th;
    if (cw != null && ch != null) {
      tw = cw;
      th = ch;
    } else if (cw != null) {
      tw = cw;
      th = p.aspectRatio != null ? cw / p.aspectRatio : (double) cw * vh / vw;
    } else if (ch != null) {
      th = ch;
      tw = p.aspectRatio != null ? ch * p.aspectRatio : (double) ch * vw / vh;
    } else if (p.aspectRatio != null) {
      // Largest crop of the source with the wanted aspect ratio, unscaled.
      boolean wider = (double) vw / vh > p.aspectRatio;
      tw = wider ? vh * p.aspectRatio : vw;
      th = wider ? vh : vw / p.aspectRatio;
    } else {
      return v;
    }
    int outW = FrameScaler.fitDimension(format, (int) Math.round(tw));
    int outH = FrameScaler.fitDimension(format, (int) Math.round(th));
    if (outW == vw && outH == vh) {
      return v;
    }
    // Crop the source to the output's aspect ratio, centred, then scale.
    double aspect = (double) outW / outH;
    double cropW = vw;
    double cropH = vh;
    if ((double) vw / vh > aspect) {
      cropW = vh * aspect;
    } else {
      cropH = vw / aspect;
    }
    double cropX = visible.getX() + (vw - cropW) / 2;
    double cropY = visible.getY() + (vh - cropH) / 2;
    return scaler.scale(v, cropX, cropY, cropW, cropH, outW, outH, source.getAllocator());
  }

  /** The size a constraint asks for given the source's: exact, else the ideal (never above the source), clamped. */
  private static @Nullable Integer target(@Nullable ConstrainInteger c, int sourceSize) {
    if (c == null) {
      return null;
    }
    if (c.getExact() != null) {
      return c.getExact();
    }
    int v = c.getIdeal() != null ? Math.min(c.getIdeal(), sourceSize) : sourceSize;
    if (c.getMin() != null) {
      v = Math.max(v, c.getMin());
    }
    if (c.getMax() != null) {
      v = Math.min(v, c.getMax());
    }
    return v;
  }

  /** The constraints of one track, digested for the per-frame path. */
  private static final class Plan {
    final boolean cropAndScale;
    final String resizeMode;
    final @Nullable ConstrainInteger width;
    final @Nullable ConstrainInteger height;
    final @Nullable Double aspectRatio;
    final long frameIntervalUs;

    private Plan(MediaTrackConstraints c) {
      this.resizeMode = resizeMode(c);
      this.cropAndScale = MediaTrackSettings.RESIZE_MODE_CROP_AND_SCALE.equals(resizeMode);
      this.width = c.getWidth();
      this.height = c.getHeight();
      ConstrainDouble ar = c.getAspectRatio();
      this.aspectRatio = ar == null ? null : ar.getExact() != null ? ar.getExact() : ar.getIdeal();
      Double fps = rate(c.getFrameRate());
      this.frameIntervalUs = fps == null || fps <= 0 ? 0 : Math.round(1e6 / fps);
    }

    static Plan of(MediaTrackConstraints c) {
      return new Plan(c);
    }

    private static String resizeMode(MediaTrackConstraints c) {
      ConstrainString m = c.getResizeMode();
      if (m != null) {
        if (isMode(m.getExact())) {
          return m.getExact();
        }
        if (isMode(m.getIdeal())) {
          return m.getIdeal();
        }
      }
      return c.constrainsSize() ? MediaTrackSettings.RESIZE_MODE_CROP_AND_SCALE : MediaTrackSettings.RESIZE_MODE_NONE;
    }

    private static boolean isMode(@Nullable String s) {
      return MediaTrackSettings.RESIZE_MODE_NONE.equals(s) || MediaTrackSettings.RESIZE_MODE_CROP_AND_SCALE.equals(s);
    }

    private static @Nullable Double rate(@Nullable ConstrainDouble c) {
      if (c == null) {
        return null;
      }
      if (c.getExact() != null) {
        return c.getExact();
      }
      Double v = c.getIdeal() != null ? c.getIdeal() : c.getMax();
      if (v != null && c.getMin() != null) {
        v = Math.max(v, c.getMin());
      }
      if (v != null && c.getMax() != null) {
        v = Math.min(v, c.getMax());
      }
      return v;
    }
  }
}
