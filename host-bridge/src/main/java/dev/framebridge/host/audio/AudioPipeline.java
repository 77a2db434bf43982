package dev.framebridge.host.audio;

import dev.framebridge.host.clock.CaptureClock;
import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator;
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.stream.ReadResult;
import dev.framebridge.sdk.stream.ReadableStreamReader;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's audio path, end to end:
 *
 * <pre>
 * AudioSource (microphone | synthetic tone) ─ AudioCapture ─▶ MediaStreamTrackGenerator("audio")   [input meter]
 *   ─▶ AudioTrackChain (plugins; pass-through by default) ─▶ MediaStreamTrackProcessor (10 chunks)
 *   ─▶ AudioOutput (output meter, system output | WAV)
 * </pre>
 *
 * Chunks are f32-planar AudioData stamped on the host's {@link CaptureClock}, the camera's clock, so audio and video
 * timestamps compare directly. {@link #getLevelHandler()} serves {@code GET /api/audio}.
 *
 * <pre>{@code
 * try (AudioPipeline audio = AudioPipeline.builder().clock(clock).audioOut(Path.of("out.wav")).start()) {
 *   server.route("/api/audio", audio.getLevelHandler());
 *   ...
 * }
 * }</pre>
 */
public final class AudioPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AudioPipeline.class);
  /** The output buffer when no sink plays in real time (WAV, meter only): 500 ms of 10 ms chunks. */
  public static final int FILE_OUTPUT_BUFFER_CHUNKS = 50;

  private final AudioSource source;
  private final MediaStreamTrackGenerator inputTrack;
  private final WritableStreamWriter<MediaFrame> inputWriter;
  private final LevelMeter inputMeter = new LevelMeter();
  private final ChunkContinuity inputContinuity = new ChunkContinuity();
  private final AudioCapture capture;
  private final MediaStreamTrack outputTrack;
  private final int outputBufferChunks;
  private volatile MediaStreamTrackProcessor<AudioData> processor;
  private volatile ReadableStreamReader<AudioData> reader;
  private volatile boolean bypassed;
  private volatile long droppedBeforeBypass;
  private final AudioOutput output;
  private final Thread playout;
  private final AudioLevelHandler levelHandler;
  private volatile boolean closed;

  private AudioPipeline(AudioSource source, AudioTrackChain chain, AudioOutput output, int outputBufferChunks) {
    this.source = source;
    this.output = output;
    this.inputTrack = new MediaStreamTrackGenerator("audio");
    this.inputWriter = inputTrack.getWritable().getWriter();
    this.outputTrack = chain.connect(inputTrack);
    if (!"audio".equals(outputTrack.getKind())) {
      throw new IllegalArgumentException("the audio chain returned a track of kind '" + outputTrack.getKind() + "'");
    }
    this.outputBufferChunks = outputBufferChunks;
    this.processor = new MediaStreamTrackProcessor<>(outputTrack, outputBufferChunks);
    this.reader = processor.getReadable().getReader();
    this.capture = new AudioCapture(source, MediaFrames.heapAllocator(), chunk -> {
      inputMeter.write(chunk);
      synchronized (inputContinuity) {
        inputContinuity.accept(chunk.getTimestamp(), chunk.getNumberOfFrames(), chunk.getSampleRate());
      }
      return inputWriter.write(chunk);
    });
    this.playout = new Thread(this::playOut, "framebridge-audio-out");
    this.playout.setDaemon(true);
    this.levelHandler = new AudioLevelHandler(source::getDescription, output.getMeter(), inputMeter);
  }

  public static Builder builder() {
    return new Builder();
  }

  private AudioPipeline startThreads() {
    playout.start();
    capture.start();
    LOG.info("audio: {} -> {} ({})", source.getDescription(), output.getSinkNames(), source.getFormat());
    return this;
  }

  private void playOut() {
    try {
      while (true) {
        ReadResult<AudioData> r = reader.read().get();
        AudioData chunk = r.getValue();
        if (r.isDone() || chunk == null) {
          if (closed || bypassed || !capture.isRunning()) {
            return;
          }
          bypass();
          continue;
        }
        output.deliver(chunk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      if (!closed) {
        LOG.warn("audio output track failed: {}", e.getCause() != null ? e.getCause().toString() : e.toString());
      }
    }
  }

  /**
   * The chain's output ended while capture goes on (its plugin worker died, or the chain gave up): the captured audio
   * is played unprocessed from now on, so the user keeps hearing it.
   */
  private void bypass() {
    LOG.warn("audio chain output ended while capturing; passing the captured audio through unprocessed");
    droppedBeforeBypass = processor.getDroppedFrames();
    MediaStreamTrackProcessor<AudioData> p = new MediaStreamTrackProcessor<>(inputTrack, outputBufferChunks);
    processor = p;
    reader = p.getReadable().getReader();
    bypassed = true;
  }

  /** Whether the chain's output ended and the captured audio now plays unprocessed. */
  public boolean isBypassed() {
    return bypassed;
  }

  /** What the audio comes from. */
  public AudioSource getSource() {
    return source;
  }

  /** The captured track, before any plugin. */
  public MediaStreamTrack getInputTrack() {
    return inputTrack;
  }

  /** The processed track the output plays. */
  public MediaStreamTrack getOutputTrack() {
    return outputTrack;
  }

  /** The level before the plugin chain. */
  public LevelMeter getInputMeter() {
    return inputMeter;
  }

  /** The output stage: its meter, sinks and continuity counters. */
  public AudioOutput getOutput() {
    return output;
  }

  /**
   * Gaps in the captured stream itself: the source overran (a microphone's buffer overflowed, or the tone source's
   * reader fell more than {@link SyntheticToneSource#OVERRUN_CHUNKS} chunks behind). Output gaps beyond these were
   * lost on the way.
   */
  public long getCaptureGaps() {
    synchronized (inputContinuity) {
      return inputContinuity.getGaps();
    }
  }

  /** Chunks captured and written into the input track. */
  public long getCapturedChunks() {
    return capture.getChunksWritten();
  }

  /** How many chunks the output processor holds before dropping the oldest. */
  public int getOutputBufferChunks() {
    return processor.getMaxBufferSize();
  }

  /** Chunks the output processor dropped because playout fell its buffer's length behind. */
  public long getDroppedChunks() {
    return droppedBeforeBypass + processor.getDroppedFrames();
  }

  /** The {@code GET /api/audio} handler for the host's HTTP server. */
  public AudioLevelHandler getLevelHandler() {
    return levelHandler;
  }

  /**
   * Stops capture, ends the input track (the chain then ends its output), lets the output drain what is in flight,
   * and closes the sinks (a WAV file gets its final sizes). Never throws.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    capture.close();
    try {
      inputWriter.close().get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.debug("closing the audio input track: {}", e.toString());
    }
    try {
      playout.join(2_000);
      if (playout.isAlive()) {
        // The chain did not end its output (e.g. a worker gone); stop waiting for it.
        outputTrack.stop();
        reader.cancel(null);
        playout.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inputTrack.stop();
    output.close();
    LOG.info("audio stopped: {} chunks captured ({} capture gaps), {} delivered ({} gaps), {} dropped at the output",
        capture.getChunksWritten(), getCaptureGaps(), output.getChunks(), output.getGaps(),
        getDroppedChunks());
  }

  /** Builds and starts an {@link AudioPipeline}. */
  public static final class Builder {
    private AudioStreamFormat format = AudioStreamFormat.defaults();
    private @Nullable CaptureClock clock;
    private @Nullable AudioSource source;
    private boolean preferMicrophone = true;
    private AudioTrackChain chain = AudioTrackChain.PASS_THROUGH;
    private @Nullable AudioOutput output;
    private @Nullable Path audioOut;
    private @Nullable Path fallbackAudioOut;
    private WavSampleEncoding encoding = WavSampleEncoding.PCM_16;
    private int outputBufferChunks;

    private Builder() {}

    /**
     * How many chunks the output processor holds before dropping the oldest. By default the audio default of 10 when
     * playing on a device (so a stall cannot leave lasting latency), and {@value AudioPipeline#FILE_OUTPUT_BUFFER_CHUNKS} when only
     * recording or metering: a file has no deadline, so the output may fall half a second behind rather than lose
     * audio.
     */
    public Builder outputBufferChunks(int chunks) {
      if (chunks < 1 || chunks > 65_535) {
        throw new IllegalArgumentException("output buffer of " + chunks + " chunks is outside 1..65535");
      }
      this.outputBufferChunks = chunks;
      return this;
    }

    /** The stream format (default 48 kHz mono, 10 ms chunks). */
    public Builder format(AudioStreamFormat format) {
      this.format = format;
      return this;
    }

    /** The host's capture clock, shared with the camera. */
    public Builder clock(CaptureClock clock) {
      this.clock = clock;
      return this;
    }

    /** A source of one's own; otherwise the microphone if present, else the synthetic tone. */
    public Builder source(AudioSource source) {
      this.source = source;
      return this;
    }

    /** Whether to try the microphone before the synthetic tone (default true). */
    public Builder preferMicrophone(boolean preferMicrophone) {
      this.preferMicrophone = preferMicrophone;
      return this;
    }

    public Builder chain(AudioTrackChain chain) {
      this.chain = chain;
      return this;
    }

    /** An output of one's own; otherwise one is opened from {@link #audioOut} and {@link #fallbackAudioOut}. */
    public Builder output(AudioOutput output) {
      this.output = output;
      return this;
    }

    /** Record the processed audio to this WAV file instead of playing it (the CLI's {@code --audio-out}). */
    public Builder audioOut(@Nullable Path wavFile) {
      this.audioOut = wavFile;
      return this;
    }

    /** Where to record when there is no system output and no {@link #audioOut}; null (the default) meters only. */
    public Builder fallbackAudioOut(@Nullable Path wavFile) {
      this.fallbackAudioOut = wavFile;
      return this;
    }

    /** WAV sample encoding (default 16-bit PCM). */
    public Builder wavEncoding(WavSampleEncoding encoding) {
      this.encoding = encoding;
      return this;
    }

    /**
     * Opens source and output, connects the chain and starts capture and playout.
     *
     * @throws java.io.UncheckedIOException if the requested WAV file cannot be created
     * @throws IllegalArgumentException if the chain returns a track that is not audio
     */
    public AudioPipeline start() {
      CaptureClock c = clock != null ? clock : CaptureClock.startNow();
      AudioSource s = source;
      if (s == null) {
        s = preferMicrophone ? MicrophoneSource.open(format, c).orElse(null) : null;
        if (s == null) {
          s = SyntheticToneSource.builder().format(format).clock(c).build();
        }
      }
      AudioOutput o;
      try {
        o = output != null ? output : AudioOutput.open(s.getFormat(), audioOut, fallbackAudioOut, encoding);
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
      try {
        int buffer = outputBufferChunks > 0 ? outputBufferChunks
            : o.isRealTime() ? MediaStreamTrackProcessor.DEFAULT_AUDIO_BUFFER_SIZE : FILE_OUTPUT_BUFFER_CHUNKS;
        return new AudioPipeline(s, chain, o, buffer).startThreads();
      } catch (RuntimeException e) {
        s.close();
        o.close();
        throw e;
      }
    }
  }
}
