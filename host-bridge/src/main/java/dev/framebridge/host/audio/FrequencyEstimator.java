package dev.framebridge.host.audio;

/**
 * Estimates the frequency of a steady tone from its rising zero crossings, interpolated between samples, continuously
 * across chunks: frequency = (crossings - 1) / (time of last crossing - time of first). Precise to well under 0.1%
 * for a clean tone over a second; meant for checking that a transform kept a tone's pitch, not for music.
 */
public final class FrequencyEstimator {
  private final double sampleRate;
  private long sampleIndex;
  private float previous;
  private boolean havePrevious;
  private double firstCrossing = Double.NaN;
  private double lastCrossing = Double.NaN;
  private long crossings;

  public FrequencyEstimator(double sampleRate) {
    if (!(sampleRate > 0)) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " must be positive");
    }
    this.sampleRate = sampleRate;
  }

  /** Feeds the next {@code frames} samples of one channel. */
  public void accept(float[] samples, int frames) {
    for (int i = 0; i < frames; i++) {
      float v = samples[i];
      if (havePrevious && previous < 0 && v >= 0) {
        double at = sampleIndex - 1 + previous / (double) (previous - v);
        if (crossings == 0) {
          firstCrossing = at;
        }
        lastCrossing = at;
        crossings++;
      }
      previous = v;
      havePrevious = true;
      sampleIndex++;
    }
  }

  /** The estimated frequency in Hz, or NaN before two rising crossings were seen. */
  public double getFrequencyHz() {
    if (crossings < 2) {
      return Double.NaN;
    }
    return (crossings - 1) * sampleRate / (lastCrossing - firstCrossing);
  }

  /** Samples fed so far. */
  public long getSampleCount() {
    return sampleIndex;
  }
}
