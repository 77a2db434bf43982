package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import java.util.Arrays;

/**
 * RMS and peak level of an audio stream, per channel, over a sliding window of recent chunks (default 30, 300 ms at
 * 10 ms chunks) and over everything seen; read by the web preview's {@code GET /api/audio}. Fed from one thread, read
 * from any: {@link #getReading()} returns an immutable snapshot.
 *
 * <p>dBFS here is {@code 20·log10(x)} with full scale 1.0, so a full-scale sine has peak 0 dBFS and RMS -3.01 dBFS;
 * silence reads {@link #SILENCE_DBFS}.
 */
public final class LevelMeter implements AudioSink {
  /** The floor reported for silence, since JSON has no -Infinity. */
  public static final double SILENCE_DBFS = -120.0;

  private final int windowChunks;
  private final PlanarSamples scratch = new PlanarSamples();
  private int channels;
  private double[][] windowSumSquares = new double[0][];
  private float[][] windowPeaks = new float[0][];
  private int[] windowFrames = new int[0];
  private int windowNext;
  private double[] totalSumSquares = new double[0];
  private float[] totalPeaks = new float[0];
  private long totalFrames;
  private long chunks;
  private long lastTimestampUs;
  private float sampleRate;

  /** A meter over the last 30 chunks. */
  public LevelMeter() {
    this(30);
  }

  /** A meter whose window is the last {@code windowChunks} chunks. */
  public LevelMeter(int windowChunks) {
    if (windowChunks < 1) {
      throw new IllegalArgumentException("window of " + windowChunks + " chunks; need at least 1");
    }
    this.windowChunks = windowChunks;
  }

  /** Converts a linear amplitude (1.0 = full scale) to dBFS, floored at {@link #SILENCE_DBFS}. */
  public static double toDbfs(double amplitude) {
    if (!(amplitude > 0)) {
      return SILENCE_DBFS;
    }
    return Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude));
  }

  /** Measures one chunk (the chunk stays open; the caller closes it). */
  @Override
  public void write(AudioData chunk) {
    int frames = scratch.readFrom(chunk);
    accept(scratch.getPlanes(), chunk.getNumberOfChannels(), frames, chunk.getTimestamp(), chunk.getSampleRate());
  }

  /** Measures one chunk given as planar floats. */
  public synchronized void accept(float[][] planes, int numberOfChannels, int frames, long timestampUs,
      float sampleRate) {
    if (numberOfChannels != channels) {
      reset(numberOfChannels);
    }
    int slot = windowNext;
    windowNext = (windowNext + 1) % windowChunks;
    for (int c = 0; c < numberOfChannels; c++) {
      float[] p = planes[c];
      double sum = 0;
      float peak = 0;
      for (int i = 0; i < frames; i++) {
        float v = p[i];
        sum += (double) v * v;
        float a = Math.abs(v);
        if (a > peak) {
          peak = a;
        }
      }
      windowSumSquares[c][slot] = sum;
      windowPeaks[c][slot] = peak;
      totalSumSquares[c] += sum;
      totalPeaks[c] = Math.max(totalPeaks[c], peak);
    }
    windowFrames[slot] = frames;
    totalFrames += frames;
    chunks++;
    lastTimestampUs = timestampUs;
    this.sampleRate = sampleRate;
  }

  private void reset(int numberOfChannels) {
    channels = numberOfChannels;
    windowSumSquares = new double[numberOfChannels][windowChunks];
    windowPeaks = new float[numberOfChannels][windowChunks];
    windowFrames = new int[windowChunks];
    windowNext = 0;
    totalSumSquares = new double[numberOfChannels];
    totalPeaks = new float[numberOfChannels];
    totalFrames = 0;
    chunks = 0;
  }

  /** A snapshot of the levels now. */
  public synchronized LevelReading getReading() {
    long windowFrameCount = Arrays.stream(windowFrames).asLongStream().sum();
    double[] rms = new double[channels];
    double[] peak = new double[channels];
    double[] totalRms = new double[channels];
    double[] totalPeak = new double[channels];
    for (int c = 0; c < channels; c++) {
      double sum = Arrays.stream(windowSumSquares[c]).sum();
      float p = 0;
      for (float v : windowPeaks[c]) {
        p = Math.max(p, v);
      }
      rms[c] = windowFrameCount == 0 ? 0 : Math.sqrt(sum / windowFrameCount);
      peak[c] = p;
      totalRms[c] = totalFrames == 0 ? 0 : Math.sqrt(totalSumSquares[c] / totalFrames);
      totalPeak[c] = totalPeaks[c];
    }
    return new LevelReading(rms, peak, totalRms, totalPeak, totalFrames, chunks, lastTimestampUs, sampleRate);
  }

  /** Nothing to release. */
  @Override
  public void close() {}
}
