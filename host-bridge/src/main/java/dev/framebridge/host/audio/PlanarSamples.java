package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioDataCopyToOptions;
import dev.framebridge.spi.media.AudioSampleFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * A reusable scratch area that reads any AudioData as planar floats (WebCodecs converts every format to f32-planar).
 * Grows to the largest chunk seen, then allocates nothing; one instance per consuming thread.
 */
public final class PlanarSamples {
  private float[][] planes = new float[0][0];
  private ByteBuffer bytes = ByteBuffer.allocateDirect(0);
  private final @Nullable AudioDataCopyToOptions[] options = new AudioDataCopyToOptions[32];

  /**
   * Copies {@code chunk}'s samples into {@link #getPlanes()}, channel by channel.
   *
   * @return the number of frames copied
   * @throws IllegalStateException if the chunk is closed
   */
  public int readFrom(AudioData chunk) {
    if (chunk.isClosed()) {
      throw new IllegalStateException("audio chunk (ts " + chunk.getTimestamp() + ") is closed");
    }
    int channels = chunk.getNumberOfChannels();
    int frames = chunk.getNumberOfFrames();
    ensure(channels, frames);
    for (int c = 0; c < channels; c++) {
      bytes.clear();
      chunk.copyTo(bytes, optionsFor(c));
      bytes.position(0).limit(frames * 4);
      bytes.asFloatBuffer().get(planes[c], 0, frames);
    }
    return frames;
  }

  /** The planes of the last chunk read: {@code [channel][frame]}; arrays may be longer than the chunk. */
  public float[][] getPlanes() {
    return planes;
  }

  private AudioDataCopyToOptions optionsFor(int channel) {
    if (channel >= options.length) {
      return AudioDataCopyToOptions.builder().planeIndex(channel).format(AudioSampleFormat.F32_PLANAR).build();
    }
    AudioDataCopyToOptions o = options[channel];
    if (o == null) {
      o = AudioDataCopyToOptions.builder().planeIndex(channel).format(AudioSampleFormat.F32_PLANAR).build();
      options[channel] = o;
    }
    return o;
  }

  private void ensure(int channels, int frames) {
    if (planes.length < channels || planes[0].length < frames) {
      int n = Math.max(channels, planes.length);
      int f = Math.max(frames, planes.length == 0 ? 0 : planes[0].length);
      planes = new float[n][f];
    }
    if (bytes.capacity() < frames * 4) {
      bytes = ByteBuffer.allocateDirect(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
