package dev.framebridge.host.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole WAV file read into planar floats: for tests, and for checking what the host recorded. Reads PCM 8/16/24/32
 * bit, 32/64-bit float and WAVE_FORMAT_EXTENSIBLE of those; skips chunks it does not know (LIST, fact, ...).
 */
public final class WavAudio {
  private final int sampleRate;
  private final int formatTag;
  private final int bitsPerSample;
  private final long declaredDataBytes;
  private final float[][] samples;

  private WavAudio(int sampleRate, int formatTag, int bitsPerSample, long declaredDataBytes, float[][] samples) {
    this.sampleRate = sampleRate;
    this.formatTag = formatTag;
    this.bitsPerSample = bitsPerSample;
    this.declaredDataBytes = declaredDataBytes;
    this.samples = samples;
  }

  /**
   * Reads and decodes {@code path}.
   *
   * @throws IllegalArgumentException if the file is not a WAV this reader understands, naming the file and the cause
   * @throws UncheckedIOException if it cannot be read
   */
  public static WavAudio read(Path path) {
    byte[] all;
    try {
      all = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WAV file " + path + ": " + e, e);
    }
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    if (all.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
      throw bad(path, "no RIFF/WAVE header");
    }
    long riffSize = Integer.toUnsignedLong(b.getInt(4));
    if (riffSize + 8 != all.length) {
      throw bad(path, "RIFF size " + riffSize + " does not match file length " + all.length + " - 8");
    }
    int pos = 12;
    int formatTag = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    while (pos + 8 <= all.length) {
      String id = tag(b, pos);
      long size = Integer.toUnsignedLong(b.getInt(pos + 4));
      int body = pos + 8;
      if (body + size > all.length) {
        throw bad(path, "chunk '" + id + "' at " + pos + " claims " + size + " bytes, past the end of the file");
      }
      if (id.equals("fmt ")) {
        if (size < 16) {
          throw bad(path, "fmt chunk of " + size + " bytes (need 16)");
        }
        formatTag = Short.toUnsignedInt(b.getShort(body));
        channels = Short.toUnsignedInt(b.getShort(body + 2));
        rate = b.getInt(body + 4);
        bits = Short.toUnsignedInt(b.getShort(body + 14));
        if (formatTag == 0xFFFE && size >= 40) {
          formatTag = Short.toUnsignedInt(b.getShort(body + 24));
        }
      } else if (id.equals("data")) {
        if (formatTag < 0) {
          throw bad(path, "data chunk before fmt chunk");
        }
        return new WavAudio(rate, formatTag, bits, size, decode(path, b, body, (int) size, formatTag, channels, bits));
      }
      pos = (int) (body + size + (size & 1));
    }
    throw bad(path, formatTag < 0 ? "no fmt chunk" : "no data chunk");
  }

  private static float[][] decode(Path path, ByteBuffer b, int offset, int size, int formatTag, int channels,
      int bits) {
    if (channels < 1) {
      throw bad(path, channels + " channels");
    }
    boolean pcm = formatTag == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    boolean flt = formatTag == 3 && (bits == 32 || bits == 64);
    if (!pcm && !flt) {
      throw bad(path, "unsupported format tag " + formatTag + " with " + bits + " bits per sample");
    }
    int bytesPerSample = bits / 8;
    int frames = size / (bytesPerSample * channels);
    float[][] out = new float[channels][frames];
    int p = offset;
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        out[c][i] = sample(b, p, bits, flt);
        p += bytesPerSample;
      }
    }
    return out;
  }

  private static float sample(ByteBuffer b, int p, int bits, boolean flt) {
    if (flt) {
      return bits == 32 ? b.getFloat(p) : (float) b.getDouble(p);
    }
    switch (bits) {
      case 8:
        return (Byte.toUnsignedInt(b.get(p)) - 128) / 128f;
      case 16:
        return b.getShort(p) / 32768f;
      case 24:
        int v = (b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16;
        return v / 8388608f;
      default:
        return (float) (b.getInt(p) / 2147483648.0);
    }
  }

  private static String tag(ByteBuffer b, int at) {
    byte[] t = new byte[4];
    for (int i = 0; i < 4; i++) {
      t[i] = b.get(at + i);
    }
    return new String(t, StandardCharsets.US_ASCII);
  }

  private static IllegalArgumentException bad(Path path, String cause) {
    return new IllegalArgumentException("not a readable WAV file " + path + ": " + cause);
  }

  public int getSampleRate() {
    return sampleRate;
  }

  public int getNumberOfChannels() {
    return samples.length;
  }

  /** 1 for PCM, 3 for IEEE float (the sub-format for WAVE_FORMAT_EXTENSIBLE). */
  public int getFormatTag() {
    return formatTag;
  }

  public int getBitsPerSample() {
    return bitsPerSample;
  }

  /** The data chunk's size as its header states it. */
  public long getDeclaredDataBytes() {
    return declaredDataBytes;
  }

  public int getNumberOfFrames() {
    return samples[0].length;
  }

  /** Duration in seconds. */
  public double getDurationSeconds() {
    return getNumberOfFrames() / (double) sampleRate;
  }

  /** The samples of one channel (the array itself; do not modify). */
  public float[] getChannel(int channel) {
    return samples[channel];
  }
}
