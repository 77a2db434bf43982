package dev.framebridge.host.audio;

import dev.framebridge.host.clock.CaptureClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The host CLI's audio options, as a picocli mixin: add {@code @Mixin AudioOptions audio;} to the command and call
 * {@link #start} with the host's clock and audio chain.
 *
 * <pre>
 *   --audio-out FILE.wav        record the processed audio to FILE.wav instead of playing it
 *   --audio-source auto|mic|tone|none   (auto: the microphone if present, else the tone)
 *   --tone-hz HZ                the synthetic tone's frequency (default 1000)
 *   --audio-float               record 32-bit float WAV instead of 16-bit PCM
 * </pre>
 */
public final class AudioOptions {

  /** Where the audio comes from. */
  public enum SourceChoice { AUTO, MIC, TONE, NONE }

  @Option(names = "--audio-out", paramLabel = "FILE.wav",
      description = "Record the processed audio to this WAV file instead of playing it.")
  @Nullable Path audioOut;

  @Option(names = "--audio-source", paramLabel = "auto|mic|tone|none", defaultValue = "auto",
      converter = SourceConverter.class,
      description = "Audio source: the microphone if present (auto), the microphone, a synthetic tone, or no audio.")
  SourceChoice source = SourceChoice.AUTO;

  @Option(names = "--tone-hz", paramLabel = "HZ", defaultValue = "1000",
      description = "Frequency of the synthetic tone (default ${DEFAULT-VALUE}).")
  double toneHz = 1000;

  @Option(names = "--audio-float", description = "Record 32-bit float WAV instead of 16-bit PCM.")
  boolean floatWav;

  /** The requested WAV file, or null. */
  public @Nullable Path getAudioOut() {
    return audioOut;
  }

  public SourceChoice getSource() {
    return source;
  }

  public double getToneHz() {
    return toneHz;
  }

  public boolean isFloatWav() {
    return floatWav;
  }

  /**
   * Starts the host's audio as the options say, or returns null for {@code --audio-source none}. The caller closes
   * the pipeline (before its chain), and registers {@link AudioPipeline#getLevelHandler()} on {@code /api/audio}.
   *
   * @throws IllegalArgumentException if {@code --audio-out}'s directory does not exist, naming the file, or
   *     {@code --audio-source mic} is asked for and there is no microphone
   */
  public @Nullable AudioPipeline start(CaptureClock clock, AudioTrackChain chain) {
    if (source == SourceChoice.NONE) {
      return null;
    }
    Path out = audioOut;
    if (out != null) {
      Path dir = out.toAbsolutePath().getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--audio-out " + out + ": directory " + dir + " does not exist");
      }
    }
    AudioStreamFormat format = AudioStreamFormat.defaults();
    AudioPipeline.Builder b = AudioPipeline.builder().clock(clock).format(format).chain(chain).audioOut(out)
        .wavEncoding(floatWav ? WavSampleEncoding.FLOAT_32 : WavSampleEncoding.PCM_16);
    switch (source) {
      case MIC:
        b.source(MicrophoneSource.open(format, clock).orElseThrow(() ->
            new IllegalArgumentException("--audio-source mic: no microphone is available")));
        break;
      case TONE:
        b.source(SyntheticToneSource.builder().format(format).clock(clock).frequencyHz(toneHz).build());
        break;
      default:
        b.preferMicrophone(true);
        MicrophoneSource.open(format, clock).ifPresentOrElse(b::source, () ->
            b.source(SyntheticToneSource.builder().format(format).clock(clock).frequencyHz(toneHz).build()));
    }
    return b.start();
  }

  /** Parses auto|mic|tone|none case-insensitively. */
  static final class SourceConverter implements picocli.CommandLine.ITypeConverter<SourceChoice> {
    @Override
    public SourceChoice convert(String value) {
      try {
        return SourceChoice.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not an audio source (auto, mic, tone or none)");
      }
    }
  }
}
