package dev.framebridge.host.audio;

import dev.framebridge.host.clock.CaptureClock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The built-in audio source when there is no microphone: a sine tone of known frequency and level, or a linear chirp
 * sweeping between two frequencies and back, identical on every channel. When paced, each chunk is handed out when
 * the capture clock reaches the end of the chunk, as a sound card would; unpaced, chunks come as fast as they are read
 * (for tests and benchmarks), still stamped as if captured in real time.
 */
public final class SyntheticToneSource implements AudioSource {
  /** How many chunks a paced reader may fall behind before samples are skipped (as a 40 ms device buffer). */
  public static final int OVERRUN_CHUNKS = 4;

  private final AudioStreamFormat format;
  private final CaptureClock clock;
  private final boolean paced;
  private final double frequencyHz;
  private final double chirpEndHz;
  private final double chirpPeriodSeconds;
  private final float amplitude;
  private long startUs = Long.MIN_VALUE;
  private long framesProduced;
  private long framesSkipped;
  private double phaseCycles;
  private volatile boolean closed;

  private SyntheticToneSource(Builder b) {
    this.format = b.format;
    this.clock = b.clock != null ? b.clock : CaptureClock.startNow();
    this.paced = b.paced;
    this.frequencyHz = b.frequencyHz;
    this.chirpEndHz = b.chirpEndHz;
    this.chirpPeriodSeconds = b.chirpPeriodSeconds;
    this.amplitude = b.amplitude;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AudioStreamFormat getFormat() {
    return format;
  }

  @Override
  public String getDescription() {
    String level = String.format(Locale.ROOT, "%.1f dBFS", LevelMeter.toDbfs(amplitude));
    return chirpEndHz > 0
        ? "synthetic chirp " + (int) frequencyHz + "-" + (int) chirpEndHz + " Hz at " + level
        : "synthetic tone " + (int) frequencyHz + " Hz at " + level;
  }

  /** The tone's frequency (the chirp's start). */
  public double getFrequencyHz() {
    return frequencyHz;
  }

  /** Peak amplitude in [0, 1]; the RMS of the tone is this over the square root of 2. */
  public float getAmplitude() {
    return amplitude;
  }

  @Override
  public long read(float[][] planes) throws InterruptedException {
    if (closed) {
      throw new IllegalStateException("synthetic tone source is closed");
    }
    int frames = format.getFramesPerChunk();
    int channels = format.getNumberOfChannels();
    if (planes.length < channels) {
      throw new IllegalArgumentException("need " + channels + " planes, got " + planes.length);
    }
    if (startUs == Long.MIN_VALUE) {
      // Anchored at the first read, so a slow start (a worker JVM launching) does not become a burst of chunks.
      startUs = clock.nowMicros();
    } else if (paced) {
      skipIfOverrun();
    }
    long timestampUs = format.timestampOfFrame(startUs, framesProduced);
    if (paced) {
      clock.awaitMicros(format.timestampOfFrame(startUs, framesProduced + frames));
    }
    float[] first = planes[0];
    if (first.length < frames) {
      throw new IllegalArgumentException("plane holds " + first.length + " frames, need " + frames);
    }
    double rate = format.getSampleRate();
    for (int i = 0; i < frames; i++) {
      first[i] = (float) (amplitude * Math.sin(2 * Math.PI * phaseCycles));
      phaseCycles += frequencyAt(framesProduced + i) / rate;
      if (phaseCycles >= 1.0) {
        phaseCycles -= Math.floor(phaseCycles);
      }
    }
    for (int c = 1; c < channels; c++) {
      System.arraycopy(first, 0, planes[c], 0, frames);
    }
    framesProduced += frames;
    return timestampUs;
  }

  /**
   * A reader more than {@link #OVERRUN_CHUNKS} chunks late loses the samples in between, as a sound card's capture
   * buffer overflows: the stream jumps to now (a gap in the timestamps) instead of bursting to catch up.
   */
  private void skipIfOverrun() {
    int frames = format.getFramesPerChunk();
    long dueFrames = (clock.nowMicros() - startUs) * format.getSampleRate() / 1_000_000L;
    long behind = dueFrames - (framesProduced + frames);
    if (behind > (long) OVERRUN_CHUNKS * frames) {
      long skip = behind / frames * frames;
      for (long i = 0; i < skip; i++) {
        phaseCycles += frequencyAt(framesProduced + i) / format.getSampleRate();
      }
      phaseCycles -= Math.floor(phaseCycles);
      framesProduced += skip;
      framesSkipped += skip;
    }
  }

  /** Frames lost because the reader fell more than {@link #OVERRUN_CHUNKS} chunks behind real time. */
  public long getFramesSkipped() {
    return framesSkipped;
  }

  private double frequencyAt(long frame) {
    if (chirpEndHz <= 0) {
      return frequencyHz;
    }
    // Triangle sweep: up from start to end in half a period, back down in the other half.
    double t = (frame / (double) format.getSampleRate()) % chirpPeriodSeconds / chirpPeriodSeconds;
    double x = t < 0.5 ? t * 2 : 2 - t * 2;
    return frequencyHz + (chirpEndHz - frequencyHz) * x;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Builds {@link SyntheticToneSource}: defaults 1000 Hz at 0.25 peak (-12 dBFS), paced, the default format. */
  public static final class Builder {
    private AudioStreamFormat format = AudioStreamFormat.defaults();
    private @Nullable CaptureClock clock;
    private boolean paced = true;
    private double frequencyHz = 1_000;
    private double chirpEndHz;
    private double chirpPeriodSeconds = 2;
    private float amplitude = 0.25f;

    private Builder() {}

    public Builder format(AudioStreamFormat format) {
      this.format = format;
      return this;
    }

    /** The host's capture clock (the camera's); a fresh one if not given. */
    public Builder clock(CaptureClock clock) {
      this.clock = clock;
      return this;
    }

    /** Whether {@link #read} waits for real time (default true). */
    public Builder paced(boolean paced) {
      this.paced = paced;
      return this;
    }

    public Builder frequencyHz(double frequencyHz) {
      this.frequencyHz = frequencyHz;
      return this;
    }

    /** Sweeps from the frequency to {@code endHz} and back every {@code periodSeconds} instead of a steady tone. */
    public Builder chirp(double endHz, double periodSeconds) {
      this.chirpEndHz = endHz;
      this.chirpPeriodSeconds = periodSeconds;
      return this;
    }

    /** Peak amplitude, 0..1 of full scale. */
    public Builder amplitude(float amplitude) {
      this.amplitude = amplitude;
      return this;
    }

    /** Peak level in dBFS (0 is full scale). */
    public Builder levelDbfs(double dbfs) {
      return amplitude((float) Math.pow(10, dbfs / 20));
    }

    /** @throws IllegalArgumentException for a frequency outside (0, Nyquist) or an amplitude outside [0, 1] */
    public SyntheticToneSource build() {
      double nyquist = format.getSampleRate() / 2.0;
      if (!(frequencyHz > 0 && frequencyHz < nyquist)) {
        throw new IllegalArgumentException("tone frequency " + frequencyHz + " Hz is outside (0, " + nyquist + ")");
      }
      if (chirpEndHz != 0 && !(chirpEndHz > 0 && chirpEndHz < nyquist && chirpPeriodSeconds > 0)) {
        throw new IllegalArgumentException("chirp end " + chirpEndHz + " Hz / period " + chirpPeriodSeconds
            + " s is invalid (end in (0, " + nyquist + "), period > 0)");
      }
      if (!(amplitude >= 0 && amplitude <= 1)) {
        throw new IllegalArgumentException("tone amplitude " + amplitude + " is outside [0, 1]");
      }
      return new SyntheticToneSource(this);
    }
  }
}
