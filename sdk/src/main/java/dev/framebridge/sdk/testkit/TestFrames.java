package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.effects.RgbaImage;
import dev.framebridge.sdk.media.AudioDataInit;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Input frames for tests: solid colours, a deterministic test pattern, pixels from an ARGB array or an image file,
 * and audio tones. Video frames are read-only like camera frames in a worker, so an effect must allocate or copy its
 * output just as it will in the host. Colours are {@code 0xAARRGGBB} in every packed RGB format.
 */
public final class TestFrames {
  private TestFrames() {}

  /** A frame of one colour. */
  public static VideoFrame solid(VideoPixelFormat format, int width, int height, int argb, long timestampUs) {
    int[] px = new int[width * height];
    java.util.Arrays.fill(px, argb);
    return fromArgb(format, width, height, px, timestampUs);
  }

  /**
   * A deterministic pattern: {@code r = x*255/(w-1)}, {@code g = y*255/(h-1)}, {@code b = ((x/8 + y/8) % 2) * 255},
   * opaque; every pixel is predictable with {@link #patternArgb}.
   */
  public static VideoFrame pattern(VideoPixelFormat format, int width, int height, long timestampUs) {
    int[] px = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        px[y * width + x] = patternArgb(x, y, width, height);
      }
    }
    return fromArgb(format, width, height, px, timestampUs);
  }

  /** The colour {@link #pattern} puts at (x, y). */
  public static int patternArgb(int x, int y, int width, int height) {
    int r = width > 1 ? x * 255 / (width - 1) : 0;
    int g = height > 1 ? y * 255 / (height - 1) : 0;
    int b = ((x / 8 + y / 8) % 2) * 255;
    return 0xFF000000 | (r << 16) | (g << 8) | b;
  }

  /**
   * A read-only frame of a packed RGB format from row-major {@code 0xAARRGGBB} pixels.
   *
   * @throws IllegalArgumentException for a non-RGB format or an array of the wrong size
   */
  public static VideoFrame fromArgb(VideoPixelFormat format, int width, int height, int[] argb, long timestampUs) {
    if (!RgbaImage.supports(format)) {
      throw new IllegalArgumentException("test frames from ARGB need a packed RGB format, not " + format);
    }
    if (argb.length != width * height) {
      throw new IllegalArgumentException(argb.length + " pixels do not make " + width + "x" + height);
    }
    ByteBuffer bytes = ByteBuffer.allocate(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
    boolean rgbOrder = format == VideoPixelFormat.RGBA || format == VideoPixelFormat.RGBX;
    for (int v : argb) {
      int r = (v >>> 16) & 0xFF;
      int g = (v >>> 8) & 0xFF;
      int b = v & 0xFF;
      bytes.put((byte) (rgbOrder ? r : b)).put((byte) g).put((byte) (rgbOrder ? b : r)).put((byte) (v >>> 24));
    }
    bytes.flip();
    return MediaFrames.createVideoFrame(bytes, VideoFrameInit.of(format, width, height, timestampUs));
  }

  /** A frame of an image's pixels. */
  public static VideoFrame fromImage(BufferedImage image, VideoPixelFormat format, long timestampUs) {
    int w = image.getWidth();
    int h = image.getHeight();
    return fromArgb(format, w, h, image.getRGB(0, 0, w, h, null, 0, w), timestampUs);
  }

  /**
   * A frame of an image file ImageIO can read (PNG, JPEG, BMP, GIF).
   *
   * @throws UncheckedIOException if the file cannot be read, naming it
   */
  public static VideoFrame read(Path file, VideoPixelFormat format, long timestampUs) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new IOException("no ImageIO reader understands " + file);
      }
      return fromImage(image, format, timestampUs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test image " + file, e);
    }
  }

  /** The visible pixels of a packed RGB frame as an image (for saving a failure with ImageIO). */
  public static BufferedImage toImage(VideoFrame frame) {
    int[] argb = toArgb(frame);
    int w = frame.getVisibleRect() == null ? 0 : frame.getVisibleRect().getWidth();
    BufferedImage image = new BufferedImage(w, argb.length / Math.max(w, 1), BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, w, image.getHeight(), argb, 0, w);
    return image;
  }

  /** The visible pixels of a packed RGB frame, row-major {@code 0xAARRGGBB}. */
  public static int[] toArgb(VideoFrame frame) {
    RgbaImage image = RgbaImage.of(frame);
    int w = image.getWidth();
    int[] row = new int[w];
    int[] all = new int[w * image.getHeight()];
    for (int y = 0; y < image.getHeight(); y++) {
      image.readRow(y, row);
      System.arraycopy(row, 0, all, y * w, w);
    }
    return all;
  }

  /** The pixel at (x, y) of a packed RGB frame as {@code 0xAARRGGBB} (alpha 0xFF for RGBX/BGRX). */
  public static int argbAt(VideoFrame frame, int x, int y) {
    return RgbaImage.of(frame).getArgb(x, y);
  }

  /** Read-only interleaved f32 audio from samples ({@code channels} interleaved). */
  public static AudioData audio(float[] interleaved, int channels, float sampleRate, long timestampUs) {
    if (channels <= 0 || interleaved.length % channels != 0) {
      throw new IllegalArgumentException(interleaved.length + " samples do not split into " + channels + " channels");
    }
    return MediaFrames.createAudioData(AudioDataInit.builder()
        .format(AudioSampleFormat.F32)
        .sampleRate(sampleRate)
        .numberOfChannels(channels)
        .numberOfFrames(interleaved.length / channels)
        .timestamp(timestampUs)
        .data(interleaved)
        .build());
  }

  /** A sine tone of {@code amplitude} (0..1) at {@code hz}, the same on every channel, interleaved f32. */
  public static AudioData tone(float hz, float amplitude, int channels, int frames, float sampleRate,
      long timestampUs) {
    float[] samples = new float[frames * channels];
    for (int i = 0; i < frames; i++) {
      float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * (i + timestampUs * sampleRate / 1e6) / sampleRate));
      for (int c = 0; c < channels; c++) {
        samples[i * channels + c] = v;
      }
    }
    return audio(samples, channels, sampleRate, timestampUs);
  }

  /** All samples of a chunk as f32, interleaved (converted from its format). */
  public static float[] samples(AudioData audio) {
    int channels = audio.getNumberOfChannels();
    int frames = audio.getNumberOfFrames();
    float[] out = new float[channels * frames];
    ByteBuffer bytes = ByteBuffer.allocate(out.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    audio.copyTo(bytes, dev.framebridge.spi.media.AudioDataCopyToOptions.builder()
        .planeIndex(0).format(AudioSampleFormat.F32).build());
    bytes.asFloatBuffer().get(out);
    return out;
  }
}
