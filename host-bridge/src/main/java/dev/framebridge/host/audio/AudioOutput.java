package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the host's audio path: every processed chunk goes to the output level meter and to each sink, then is
 * closed. Tracks timestamp continuity (gaps, overlaps) for the status API and tests. A sink that throws is logged,
 * closed and dropped, so a full disk or a lost device never stops the stream or the host.
 *
 * <p>{@link #open} chooses the sinks: a WAV recorder when a file is requested (the host CLI's
 * {@code --audio-out FILE.wav}); otherwise the system output when one exists; otherwise a WAV recorder at the
 * fallback path, if given.
 */
public final class AudioOutput implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AudioOutput.class);

  private final List<AudioSink> sinks;
  private final List<String> sinkNames;
  private final LevelMeter meter;
  private final ChunkContinuity continuity = new ChunkContinuity();
  private volatile long chunks;
  private volatile long gaps;
  private volatile long overlaps;
  private volatile long frames;
  private volatile long firstTimestampUs = Long.MIN_VALUE;
  private volatile long firstDiscontinuityUs = Long.MIN_VALUE;
  private boolean closed;

  /** An output feeding {@code meter} and {@code sinks} (named for the status API). */
  public AudioOutput(LevelMeter meter, List<AudioSink> sinks, List<String> sinkNames) {
    if (sinks.size() != sinkNames.size()) {
      throw new IllegalArgumentException(sinks.size() + " sinks but " + sinkNames.size() + " names");
    }
    this.meter = meter;
    this.sinks = new ArrayList<>(sinks);
    this.sinkNames = new ArrayList<>(sinkNames);
  }

  /**
   * Opens the sinks as the class describes.
   *
   * @param requestedWav a WAV file the user asked for, or null
   * @param fallbackWav where to record when there is no system output and no file was requested, or null for none
   * @param encoding the WAV sample encoding
   * @throws java.io.UncheckedIOException if a requested WAV file cannot be created (naming it)
   */
  public static AudioOutput open(AudioStreamFormat format, @Nullable Path requestedWav, @Nullable Path fallbackWav,
      WavSampleEncoding encoding) {
    List<AudioSink> sinks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (requestedWav != null) {
      sinks.add(WavWriter.create(requestedWav, format, encoding));
      names.add("wav " + requestedWav);
    } else {
      Optional<SystemAudioSink> system = SystemAudioSink.open(format);
      if (system.isPresent()) {
        sinks.add(system.get());
        names.add("system output");
      } else if (fallbackWav != null) {
        LOG.info("no system audio output; recording processed audio to {}", fallbackWav);
        sinks.add(WavWriter.create(fallbackWav, format, encoding));
        names.add("wav " + fallbackWav);
      } else {
        LOG.info("no system audio output and no WAV file requested; audio is metered only");
      }
    }
    return new AudioOutput(new LevelMeter(), sinks, names);
  }

  /** Whether a sink plays in real time (the system output), so the output must not fall behind. */
  public synchronized boolean isRealTime() {
    return sinks.stream().anyMatch(s -> s instanceof SystemAudioSink);
  }

  /** The meter of what leaves the host. */
  public LevelMeter getMeter() {
    return meter;
  }

  /** Names of the active sinks, e.g. {@code ["wav out.wav"]}. */
  public synchronized List<String> getSinkNames() {
    return List.copyOf(sinkNames);
  }

  /** Meters, writes to every sink, then closes {@code chunk}. Never throws for a sink failure. */
  public void deliver(AudioData chunk) {
    try {
      if (firstTimestampUs == Long.MIN_VALUE) {
        firstTimestampUs = chunk.getTimestamp();
      }
      if (!continuity.accept(chunk.getTimestamp(), chunk.getNumberOfFrames(), chunk.getSampleRate())) {
        if (firstDiscontinuityUs == Long.MIN_VALUE) {
          firstDiscontinuityUs = chunk.getTimestamp();
          LOG.info("first audio discontinuity: {} us at ts {} (stream began at ts {})", continuity.getLastErrorUs(),
              chunk.getTimestamp(), firstTimestampUs);
        } else {
          LOG.debug("audio discontinuity of {} us at ts {}", continuity.getLastErrorUs(), chunk.getTimestamp());
        }
      }
      frames = continuity.getFrames();
      gaps = continuity.getGaps();
      overlaps = continuity.getOverlaps();
      meter.write(chunk);
      synchronized (this) {
        for (int i = 0; i < sinks.size(); i++) {
          try {
            sinks.get(i).write(chunk);
          } catch (RuntimeException e) {
            LOG.warn("audio sink '{}' failed and is removed: {}", sinkNames.get(i), e.toString());
            AudioSink failed = sinks.remove(i);
            sinkNames.remove(i);
            try {
              failed.close();
            } catch (RuntimeException ignored) {
              // it already failed; closing is best effort
            }
            i--;
          }
        }
      }
      chunks++;
    } finally {
      chunk.close();
    }
  }

  /** Chunks delivered. */
  public long getChunks() {
    return chunks;
  }

  /** Frames (per channel) delivered. */
  public long getFrames() {
    return frames;
  }

  /** Chunks that started after a gap in the timestamps. */
  public long getGaps() {
    return gaps;
  }

  /** Chunks that started before the previous one ended. */
  public long getOverlaps() {
    return overlaps;
  }

  /** The timestamp of the first chunk delivered, or {@code Long.MIN_VALUE}. */
  public long getFirstTimestampUs() {
    return firstTimestampUs;
  }

  /** The timestamp of the first chunk after a gap or overlap, or {@code Long.MIN_VALUE}. */
  public long getFirstDiscontinuityUs() {
    return firstDiscontinuityUs;
  }

  /** Closes every sink (a WAV file gets its final sizes). Never throws. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AudioSink s : sinks) {
      s.close();
    }
    sinks.clear();
  }
}
