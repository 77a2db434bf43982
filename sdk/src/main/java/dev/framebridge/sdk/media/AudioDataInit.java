package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.AudioSampleFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * WebCodecs' AudioDataInit. Every field may be left unset; {@link MediaFrames#createAudioData} rejects what is
 * missing. The array forms of {@code data} copy the array into little-endian bytes at once.
 */
public final class AudioDataInit {
  private final @Nullable AudioSampleFormat format;
  private final @Nullable Float sampleRate;
  private final @Nullable Integer numberOfFrames;
  private final @Nullable Integer numberOfChannels;
  private final @Nullable Long timestamp;
  private final @Nullable ByteBuffer data;

  private AudioDataInit(Builder b) {
    this.format = b.format;
    this.sampleRate = b.sampleRate;
    this.numberOfFrames = b.numberOfFrames;
    this.numberOfChannels = b.numberOfChannels;
    this.timestamp = b.timestamp;
    this.data = b.data;
  }

  public static Builder builder() {
    return new Builder();
  }

  public @Nullable AudioSampleFormat getFormat() {
    return format;
  }

  public @Nullable Float getSampleRate() {
    return sampleRate;
  }

  public @Nullable Integer getNumberOfFrames() {
    return numberOfFrames;
  }

  public @Nullable Integer getNumberOfChannels() {
    return numberOfChannels;
  }

  /** Presentation timestamp in microseconds. */
  public @Nullable Long getTimestamp() {
    return timestamp;
  }

  /** The samples, from the buffer's position to its limit; null if unset. */
  public @Nullable ByteBuffer getData() {
    return data == null ? null : data.duplicate();
  }

  /** Builds {@link AudioDataInit}. */
  public static final class Builder {
    private @Nullable AudioSampleFormat format;
    private @Nullable Float sampleRate;
    private @Nullable Integer numberOfFrames;
    private @Nullable Integer numberOfChannels;
    private @Nullable Long timestamp;
    private @Nullable ByteBuffer data;

    private Builder() {}

    public Builder format(@Nullable AudioSampleFormat format) {
      this.format = format;
      return this;
    }

    public Builder sampleRate(@Nullable Float sampleRate) {
      this.sampleRate = sampleRate;
      return this;
    }

    public Builder numberOfFrames(@Nullable Integer numberOfFrames) {
      this.numberOfFrames = numberOfFrames;
      return this;
    }

    public Builder numberOfChannels(@Nullable Integer numberOfChannels) {
      this.numberOfChannels = numberOfChannels;
      return this;
    }

    public Builder timestamp(@Nullable Long timestampUs) {
      this.timestamp = timestampUs;
      return this;
    }

    /** The samples from the buffer's position to its limit, read little-endian; copied when the AudioData is built. */
    public Builder data(@Nullable ByteBuffer data) {
      this.data = data;
      return this;
    }

    public Builder data(float[] samples) {
      ByteBuffer b = little(samples.length * Float.BYTES);
      b.asFloatBuffer().put(samples);
      this.data = b;
      return this;
    }

    public Builder data(short[] samples) {
      ByteBuffer b = little(samples.length * Short.BYTES);
      b.asShortBuffer().put(samples);
      this.data = b;
      return this;
    }

    public Builder data(int[] samples) {
      ByteBuffer b = little(samples.length * Integer.BYTES);
      b.asIntBuffer().put(samples);
      this.data = b;
      return this;
    }

    public Builder data(byte[] samples) {
      this.data = little(samples.length).put(0, samples);
      return this;
    }

    public AudioDataInit build() {
      return new AudioDataInit(this);
    }

    private static ByteBuffer little(int bytes) {
      return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
