package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.AudioSampleFormat;
import java.nio.ByteBuffer;

/**
 * Converts single samples between WebCodecs sample formats through a double in [-1, 1]: u8 has bias 128 and
 * scale 128, s16 scale 32768, s32 scale 2147483648, f32 is the value itself. Float to integer rounds to nearest and
 * clamps to the integer range, so +1.0 becomes the integer maximum. Double holds every integer sample exactly, so a
 * conversion between equal sample types is lossless.
 */
final class SampleConversion {
  private SampleConversion() {}

  /** Reads the sample at byte {@code index} of {@code src} (little-endian) as a value where full scale is 1. */
  static double read(ByteBuffer src, AudioSampleFormat format, int index) {
    switch (format) {
      case U8:
      case U8_PLANAR:
        return ((src.get(index) & 0xFF) - 128) / 128.0;
      case S16:
      case S16_PLANAR:
        return src.getShort(index) / 32768.0;
      case S32:
      case S32_PLANAR:
        return src.getInt(index) / 2147483648.0;
      default:
        return src.getFloat(index);
    }
  }

  /** Writes {@code value} (full scale 1) as a sample of {@code format} at byte {@code index} of {@code dst}. */
  static void write(ByteBuffer dst, AudioSampleFormat format, int index, double value) {
    switch (format) {
      case U8:
      case U8_PLANAR:
        dst.put(index, (byte) clamp(Math.round(value * 128.0) + 128, 0, 255));
        break;
      case S16:
      case S16_PLANAR:
        dst.putShort(index, (short) clamp(Math.round(value * 32768.0), Short.MIN_VALUE, Short.MAX_VALUE));
        break;
      case S32:
      case S32_PLANAR:
        dst.putInt(index, (int) clamp(Math.round(value * 2147483648.0), Integer.MIN_VALUE, Integer.MAX_VALUE));
        break;
      default:
        dst.putFloat(index, (float) value);
    }
  }

  /** Whether both formats store the same sample type (they may differ in planarity). */
  static boolean sameSampleType(AudioSampleFormat a, AudioSampleFormat b) {
    return a.getBytesPerSample() == b.getBytesPerSample() && isFloat(a) == isFloat(b);
  }

  private static boolean isFloat(AudioSampleFormat f) {
    return f == AudioSampleFormat.F32 || f == AudioSampleFormat.F32_PLANAR;
  }

  private static long clamp(long v, long min, long max) {
    return v < min ? min : Math.min(v, max);
  }
}
