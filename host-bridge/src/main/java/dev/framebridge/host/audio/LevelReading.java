package dev.framebridge.host.audio;

import java.util.Locale;

/**
 * One snapshot of a {@link LevelMeter}: per-channel RMS and peak as linear amplitudes (1.0 = full scale) over the
 * meter's window and over the whole stream, and counters. {@link #toJson()} is what {@code GET /api/audio} serves.
 */
public final class LevelReading {
  private final double[] rms;
  private final double[] peak;
  private final double[] totalRms;
  private final double[] totalPeak;
  private final long frames;
  private final long chunks;
  private final long lastTimestampUs;
  private final float sampleRate;

  LevelReading(double[] rms, double[] peak, double[] totalRms, double[] totalPeak, long frames, long chunks,
      long lastTimestampUs, float sampleRate) {
    this.rms = rms;
    this.peak = peak;
    this.totalRms = totalRms;
    this.totalPeak = totalPeak;
    this.frames = frames;
    this.chunks = chunks;
    this.lastTimestampUs = lastTimestampUs;
    this.sampleRate = sampleRate;
  }

  public int getNumberOfChannels() {
    return rms.length;
  }

  /** Windowed RMS of a channel, linear. */
  public double getRms(int channel) {
    return rms[channel];
  }

  /** Windowed peak of a channel, linear. */
  public double getPeak(int channel) {
    return peak[channel];
  }

  /** RMS of a channel over everything measured, linear. */
  public double getTotalRms(int channel) {
    return totalRms[channel];
  }

  /** Peak of a channel over everything measured, linear. */
  public double getTotalPeak(int channel) {
    return totalPeak[channel];
  }

  /** The loudest channel's windowed RMS in dBFS. */
  public double getRmsDbfs() {
    double m = 0;
    for (double v : rms) {
      m = Math.max(m, v);
    }
    return LevelMeter.toDbfs(m);
  }

  /** The loudest channel's windowed peak in dBFS. */
  public double getPeakDbfs() {
    double m = 0;
    for (double v : peak) {
      m = Math.max(m, v);
    }
    return LevelMeter.toDbfs(m);
  }

  /** Frames (per channel) measured so far. */
  public long getFrames() {
    return frames;
  }

  public long getChunks() {
    return chunks;
  }

  /** The timestamp of the last chunk measured, microseconds on the capture clock. */
  public long getLastTimestampUs() {
    return lastTimestampUs;
  }

  public float getSampleRate() {
    return sampleRate;
  }

  /**
   * {@code {"rmsDbfs":-15.1,"peakDbfs":-12.0,"channels":[{"rmsDbfs":..,"peakDbfs":..}],"frames":..,"chunks":..,
   * "timestampUs":..,"sampleRate":48000}}; levels rounded to 0.01 dB.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder(160);
    b.append("{\"rmsDbfs\":").append(db(getRmsDbfs())).append(",\"peakDbfs\":").append(db(getPeakDbfs()));
    b.append(",\"channels\":[");
    for (int c = 0; c < rms.length; c++) {
      if (c > 0) {
        b.append(',');
      }
      b.append("{\"rmsDbfs\":").append(db(LevelMeter.toDbfs(rms[c])))
          .append(",\"peakDbfs\":").append(db(LevelMeter.toDbfs(peak[c]))).append('}');
    }
    b.append("],\"frames\":").append(frames).append(",\"chunks\":").append(chunks)
        .append(",\"timestampUs\":").append(lastTimestampUs)
        .append(",\"sampleRate\":").append(Math.round(sampleRate)).append('}');
    return b.toString();
  }

  private static String db(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
