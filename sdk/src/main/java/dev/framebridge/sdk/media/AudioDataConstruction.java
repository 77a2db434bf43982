package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** WebCodecs' AudioData constructor (copying) and its in-place twin over a {@link FrameBuffer}. */
final class AudioDataConstruction {
  private AudioDataConstruction() {}

  static AudioData copyOf(AudioDataInit init) {
    AudioSampleFormat format = require(init.getFormat(), "format");
    float rate = require(init.getSampleRate(), "sampleRate");
    int frames = require(init.getNumberOfFrames(), "numberOfFrames");
    int channels = require(init.getNumberOfChannels(), "numberOfChannels");
    long timestamp = require(init.getTimestamp(), "timestamp");
    ByteBuffer data = require(init.getData(), "data");
    int size = checkShape(format, rate, frames, channels, data.remaining(), "data");
    FrameBuffer buffer = FrameBuffer.allocate(size);
    buffer.getMemory().put(0, data, data.position(), size);
    return new BufferAudioData(buffer, null, false, format, rate, frames, channels, timestamp);
  }

  static AudioData wrap(FrameBuffer buffer, AudioSampleFormat format, float rate, int frames, int channels,
      long timestampUs) {
    try {
      checkShape(format, rate, frames, channels, buffer.getCapacity(), "FrameBuffer");
      return new BufferAudioData(buffer, null, buffer.isWritable(), format, rate, frames, channels, timestampUs);
    } catch (RuntimeException e) {
      buffer.release();
      throw e;
    }
  }

  /** A writable chunk of a fresh buffer. */
  static AudioData allocate(AudioSampleFormat format, int channels, int frames, float rate, long timestampUs) {
    int size = checkShape(format, rate, frames, channels, Long.MAX_VALUE, "allocation");
    return new BufferAudioData(FrameBuffer.allocate(size), null, true, format, rate, frames, channels, timestampUs);
  }

  /** Checks rate, counts and available bytes; returns the bytes the samples take. */
  private static int checkShape(AudioSampleFormat format, float rate, int frames, int channels, long available,
      String what) {
    if (!(rate > 0) || Float.isInfinite(rate)) {
      throw new IllegalArgumentException("AudioData sampleRate must be positive and finite, was " + rate);
    }
    if (frames <= 0) {
      throw new IllegalArgumentException("AudioData numberOfFrames must be positive, was " + frames);
    }
    if (channels <= 0) {
      throw new IllegalArgumentException("AudioData numberOfChannels must be positive, was " + channels);
    }
    long size = BufferAudioData.byteSize(format, frames, channels);
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("AudioData of " + size + " bytes exceeds 2^31 - 1");
    }
    if (available < size) {
      throw new IllegalArgumentException("AudioData " + what + " of " + available + " bytes is too small for "
          + channels + " channels x " + frames + " frames of " + format.getWebName() + ", which need " + size);
    }
    return (int) size;
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("AudioData init has no " + name);
    }
    return value;
  }
}
