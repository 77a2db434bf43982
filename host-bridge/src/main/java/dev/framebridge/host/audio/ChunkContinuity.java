package dev.framebridge.host.audio;

/**
 * Checks that consecutive audio chunks are sample-continuous: each chunk should start where the previous one ended
 * (its timestamp plus its frames at its rate), within one sample period. Counts gaps (later than expected: samples
 * were lost) and overlaps (earlier: samples repeated or the clock went back), and the frames seen. One thread.
 */
public final class ChunkContinuity {
  private long expectedNextUs = Long.MIN_VALUE;
  private long chunks;
  private long frames;
  private long gaps;
  private long overlaps;
  private long lastErrorUs;
  private long firstDiscontinuityUs = Long.MIN_VALUE;

  /**
   * Records one chunk.
   *
   * @return true if it continued the previous chunk (or is the first)
   */
  public boolean accept(long timestampUs, int numberOfFrames, float sampleRate) {
    boolean continuous = true;
    if (expectedNextUs != Long.MIN_VALUE) {
      long error = timestampUs - expectedNextUs;
      long tolerance = (long) Math.ceil(1_000_000.0 / sampleRate);
      if (error > tolerance) {
        gaps++;
        continuous = false;
        lastErrorUs = error;
      } else if (error < -tolerance) {
        overlaps++;
        continuous = false;
        lastErrorUs = error;
      }
    }
    if (!continuous && firstDiscontinuityUs == Long.MIN_VALUE) {
      firstDiscontinuityUs = timestampUs;
    }
    // Exact end of this chunk; timestamps computed from frame counts stay on the microsecond grid.
    expectedNextUs = timestampUs + Math.round(numberOfFrames * 1_000_000.0 / sampleRate);
    chunks++;
    frames += numberOfFrames;
    return continuous;
  }

  public long getChunks() {
    return chunks;
  }

  /** Frames per channel seen. */
  public long getFrames() {
    return frames;
  }

  /** Chunks that started later than the previous one ended. */
  public long getGaps() {
    return gaps;
  }

  /** Chunks that started before the previous one ended. */
  public long getOverlaps() {
    return overlaps;
  }

  /** The timestamp of the first chunk that did not continue its predecessor, or {@code Long.MIN_VALUE}. */
  public long getFirstDiscontinuityUs() {
    return firstDiscontinuityUs;
  }

  /** The timing error of the last discontinuity, microseconds (positive for a gap), or 0. */
  public long getLastErrorUs() {
    return lastErrorUs;
  }
}
