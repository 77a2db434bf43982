package dev.framebridge.spi.media;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A chunk of audio samples, as WebCodecs defines AudioData. After {@link #close()} the format reads null and the
 * rate and counts read 0; the timestamp is kept.
 */
public interface AudioData extends MediaFrame {

  /** The sample format, or null once closed. */
  @Nullable AudioSampleFormat getFormat();

  /** Samples per second per channel; 0 once closed. */
  float getSampleRate();

  int getNumberOfFrames();

  int getNumberOfChannels();

  /** Duration in microseconds: frames / rate; kept after close. */
  long getDuration();

  /**
   * Bytes {@link #copyTo} needs with these options.
   *
   * @throws IllegalStateException if closed
   * @throws IndexOutOfBoundsException for a plane index or frame range outside the data
   */
  int allocationSize(AudioDataCopyToOptions options);

  /**
   * Copies (and converts, if a format is given) the selected samples into {@code destination} from its index 0.
   *
   * @throws IllegalStateException if closed
   * @throws IndexOutOfBoundsException for a plane index or frame range outside the data
   * @throws IllegalArgumentException if the destination is too small
   */
  void copyTo(ByteBuffer destination, AudioDataCopyToOptions options);

  @Override
  AudioData clone();
}
