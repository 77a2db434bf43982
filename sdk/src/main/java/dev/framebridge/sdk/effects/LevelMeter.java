package dev.framebridge.sdk.effects;

/**
 * Peak and RMS level of audio samples (floats in -1..1), in dBFS, with a peak that holds and falls back like a
 * console meter. Feed each chunk's samples with {@link #add}, then {@link #endChunk}; read the levels any time.
 * Not thread-safe for writers; readers on other threads see the last completed chunk (volatile fields).
 */
public final class LevelMeter {
  /** The floor reported for silence. */
  public static final double SILENCE_DB = -120.0;

  private final double fallDbPerSecond;
  private double chunkPeak;
  private double chunkSquares;
  private long chunkSamples;
  private volatile double peakDb = SILENCE_DB;
  private volatile double rmsDb = SILENCE_DB;
  private volatile double heldPeakDb = SILENCE_DB;

  /** A meter whose held peak falls {@code fallDbPerSecond} decibels a second. */
  public LevelMeter(double fallDbPerSecond) {
    if (!(fallDbPerSecond >= 0)) {
      throw new IllegalArgumentException("fall rate must be >= 0 dB/s, got " + fallDbPerSecond);
    }
    this.fallDbPerSecond = fallDbPerSecond;
  }

  /** A meter falling 20 dB a second. */
  public LevelMeter() {
    this(20);
  }

  /** Adds one sample of the current chunk. */
  public void add(float sample) {
    double a = Math.abs(sample);
    if (a > chunkPeak) {
      chunkPeak = a;
    }
    chunkSquares += (double) sample * sample;
    chunkSamples++;
  }

  /** Completes a chunk lasting {@code durationUs}: its peak and RMS become the current levels. */
  public void endChunk(long durationUs) {
    double peak = toDb(chunkPeak);
    double rms = chunkSamples == 0 ? SILENCE_DB : toDb(Math.sqrt(chunkSquares / chunkSamples));
    double fallen = heldPeakDb - fallDbPerSecond * durationUs / 1e6;
    heldPeakDb = Math.max(peak, Math.max(fallen, SILENCE_DB));
    peakDb = peak;
    rmsDb = rms;
    chunkPeak = 0;
    chunkSquares = 0;
    chunkSamples = 0;
  }

  /** The last chunk's peak in dBFS (0 = full scale). */
  public double getPeakDb() {
    return peakDb;
  }

  /** The last chunk's RMS level in dBFS. */
  public double getRmsDb() {
    return rmsDb;
  }

  /** The peak held over recent chunks, falling at the configured rate. */
  public double getHeldPeakDb() {
    return heldPeakDb;
  }

  /** {@code 20 log10(amplitude)}, floored at {@link #SILENCE_DB}. */
  public static double toDb(double amplitude) {
    return amplitude <= 1e-6 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(amplitude));
  }

  /** The amplitude factor of a gain in decibels. */
  public static double fromDb(double db) {
    return Math.pow(10, db / 20);
  }
}
