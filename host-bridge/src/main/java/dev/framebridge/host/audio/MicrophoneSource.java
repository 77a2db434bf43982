package dev.framebridge.host.audio;

import dev.framebridge.host.clock.CaptureClock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's default microphone through {@code javax.sound.sampled}, captured as 16-bit little-endian PCM and
 * handed out as planar floats. {@link #open} returns empty when there is no capture line (headless servers, no
 * sound card, a device in use), so the host falls back to the {@link SyntheticToneSource}.
 *
 * <p>The first chunk is stamped with the capture clock when capture starts; later ones follow from the frame count,
 * so the sound card's own clock paces the stream and timestamps stay sample-continuous.
 */
public final class MicrophoneSource implements AudioSource {
  private static final Logger LOG = LoggerFactory.getLogger(MicrophoneSource.class);

  private final AudioStreamFormat format;
  private final TargetDataLine line;
  private final CaptureClock clock;
  private final byte[] raw;
  private final ByteBuffer rawView;
  private long startUs = Long.MIN_VALUE;
  private long framesRead;
  private volatile boolean closed;

  private MicrophoneSource(AudioStreamFormat format, TargetDataLine line, CaptureClock clock) {
    this.format = format;
    this.line = line;
    this.clock = clock;
    this.raw = new byte[format.getFramesPerChunk() * format.getNumberOfChannels() * 2];
    this.rawView = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Opens and starts the default capture line in {@code format}, or returns empty (logging why) when none is
   * available. Never throws for a missing device.
   */
  public static Optional<MicrophoneSource> open(AudioStreamFormat format, CaptureClock clock) {
    AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getNumberOfChannels(), true, false);
    DataLine.Info info = new DataLine.Info(TargetDataLine.class, pcm);
    try {
      if (!AudioSystem.isLineSupported(info)) {
        LOG.info("no microphone supports {}; using the synthetic tone", pcm);
        return Optional.empty();
      }
      TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
      // A buffer of 4 chunks: enough to ride out a GC pause, small enough to keep latency near 40 ms.
      line.open(pcm, format.getFramesPerChunk() * format.getNumberOfChannels() * 2 * 4);
      line.start();
      LOG.info("microphone '{}' open at {}", line.getLineInfo(), pcm);
      return Optional.of(new MicrophoneSource(format, line, clock));
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      LOG.info("microphone unavailable ({}); using the synthetic tone", e.toString());
      return Optional.empty();
    }
  }

  @Override
  public AudioStreamFormat getFormat() {
    return format;
  }

  @Override
  public String getDescription() {
    return "microphone " + line.getLineInfo();
  }

  @Override
  public long read(float[][] planes) throws InterruptedException {
    int frames = format.getFramesPerChunk();
    int channels = format.getNumberOfChannels();
    if (planes.length < channels || planes[0].length < frames) {
      throw new IllegalArgumentException("need " + channels + " planes of " + frames + " frames");
    }
    int filled = 0;
    while (filled < raw.length) {
      if (closed) {
        throw new IllegalStateException("microphone source is closed");
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while capturing audio");
      }
      // TargetDataLine.read blocks until the requested bytes arrive (or the line stops).
      filled += line.read(raw, filled, raw.length - filled);
    }
    if (startUs == Long.MIN_VALUE) {
      startUs = clock.nowMicros() - format.getChunkDurationMicros();
    }
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        planes[c][i] = rawView.getShort((i * channels + c) * 2) / 32768f;
      }
    }
    long ts = format.timestampOfFrame(startUs, framesRead);
    framesRead += frames;
    return ts;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    line.stop();
    line.close();
  }
}
