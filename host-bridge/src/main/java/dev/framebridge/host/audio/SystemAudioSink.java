package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays audio on the system's default output through a {@code javax.sound.sampled} SourceDataLine, as 16-bit PCM.
 * {@link #open} returns empty when there is no output line (headless servers), so the host records to WAV instead.
 * A write blocks while the line's buffer (about 4 chunks) is full: the sound card paces the writer.
 */
public final class SystemAudioSink implements AudioSink {
  private static final Logger LOG = LoggerFactory.getLogger(SystemAudioSink.class);

  private final SourceDataLine line;
  private final int sampleRate;
  private final int numberOfChannels;
  private final PlanarSamples scratch = new PlanarSamples();
  private byte[] out = new byte[0];
  private volatile boolean closed;

  private SystemAudioSink(SourceDataLine line, int sampleRate, int numberOfChannels) {
    this.line = line;
    this.sampleRate = sampleRate;
    this.numberOfChannels = numberOfChannels;
  }

  /** Opens and starts the default output line, or returns empty (logging why). Never throws for a missing device. */
  public static Optional<SystemAudioSink> open(AudioStreamFormat format) {
    AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getNumberOfChannels(), true, false);
    DataLine.Info info = new DataLine.Info(SourceDataLine.class, pcm);
    try {
      if (!AudioSystem.isLineSupported(info)) {
        LOG.info("no audio output supports {}", pcm);
        return Optional.empty();
      }
      SourceDataLine line = (SourceDataLine) AudioSystem.getLine(info);
      line.open(pcm, format.getFramesPerChunk() * format.getNumberOfChannels() * 2 * 4);
      line.start();
      LOG.info("audio output '{}' open at {}", line.getLineInfo(), pcm);
      return Optional.of(new SystemAudioSink(line, format.getSampleRate(), format.getNumberOfChannels()));
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      LOG.info("audio output unavailable ({})", e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void write(AudioData chunk) {
    if (closed) {
      throw new IllegalStateException("system audio sink is closed");
    }
    if (chunk.getNumberOfChannels() != numberOfChannels || Math.round(chunk.getSampleRate()) != sampleRate) {
      throw new IllegalArgumentException("audio output is " + sampleRate + " Hz / " + numberOfChannels
          + " ch; chunk (ts " + chunk.getTimestamp() + ") is " + chunk.getSampleRate() + " Hz / "
          + chunk.getNumberOfChannels() + " ch");
    }
    int frames = scratch.readFrom(chunk);
    float[][] planes = scratch.getPlanes();
    int bytes = frames * numberOfChannels * 2;
    if (out.length < bytes) {
      out = new byte[bytes];
    }
    int p = 0;
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < numberOfChannels; c++) {
        float v = planes[c][i];
        int s = Math.round((v > 1f ? 1f : (v < -1f ? -1f : v)) * 32767f);
        out[p++] = (byte) s;
        out[p++] = (byte) (s >> 8);
      }
    }
    line.write(out, 0, bytes);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    line.drain();
    line.stop();
    line.close();
  }
}
