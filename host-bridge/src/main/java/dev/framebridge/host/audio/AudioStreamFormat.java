package dev.framebridge.host.audio;

/**
 * The shape of an audio stream in the host: sample rate, channel count and frames per chunk. Chunks travel as
 * f32-planar AudioData; the default is 48 kHz mono in 10 ms chunks (480 frames).
 */
public final class AudioStreamFormat {
  private final int sampleRate;
  private final int numberOfChannels;
  private final int framesPerChunk;

  private AudioStreamFormat(Builder b) {
    if (b.sampleRate < 1_000 || b.sampleRate > 384_000) {
      throw new IllegalArgumentException("sample rate " + b.sampleRate + " Hz is outside 1000..384000");
    }
    if (b.numberOfChannels < 1 || b.numberOfChannels > 32) {
      throw new IllegalArgumentException("channel count " + b.numberOfChannels + " is outside 1..32");
    }
    if (b.framesPerChunk < 1 || b.framesPerChunk > b.sampleRate) {
      throw new IllegalArgumentException("frames per chunk " + b.framesPerChunk + " is outside 1.." + b.sampleRate);
    }
    this.sampleRate = b.sampleRate;
    this.numberOfChannels = b.numberOfChannels;
    this.framesPerChunk = b.framesPerChunk;
  }

  /** 48 kHz, mono, 480 frames (10 ms) per chunk. */
  public static AudioStreamFormat defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Samples per second per channel. */
  public int getSampleRate() {
    return sampleRate;
  }

  public int getNumberOfChannels() {
    return numberOfChannels;
  }

  public int getFramesPerChunk() {
    return framesPerChunk;
  }

  /** The duration of one chunk in microseconds (rounded down). */
  public long getChunkDurationMicros() {
    return framesPerChunk * 1_000_000L / sampleRate;
  }

  /**
   * The timestamp of the frame {@code frameIndex} frames after a stream that started at {@code startUs}. Computed from
   * the frame count, never accumulated, so consecutive chunks neither drift nor overlap.
   */
  public long timestampOfFrame(long startUs, long frameIndex) {
    return startUs + frameIndex * 1_000_000L / sampleRate;
  }

  @Override
  public String toString() {
    return sampleRate + " Hz, " + numberOfChannels + " ch, " + framesPerChunk + " frames/chunk";
  }

  /** Builds {@link AudioStreamFormat}; starts from the defaults. */
  public static final class Builder {
    private int sampleRate = 48_000;
    private int numberOfChannels = 1;
    private int framesPerChunk = 480;

    private Builder() {}

    public Builder sampleRate(int sampleRate) {
      this.sampleRate = sampleRate;
      return this;
    }

    public Builder numberOfChannels(int numberOfChannels) {
      this.numberOfChannels = numberOfChannels;
      return this;
    }

    public Builder framesPerChunk(int framesPerChunk) {
      this.framesPerChunk = framesPerChunk;
      return this;
    }

    /** @throws IllegalArgumentException for a rate, channel count or chunk size out of range */
    public AudioStreamFormat build() {
      return new AudioStreamFormat(this);
    }
  }
}
