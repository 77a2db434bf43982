package dev.framebridge.audio

import dev.framebridge.host.audio.AudioPipeline
import dev.framebridge.host.audio.AudioTrackChain
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.host.chain.ChainOptions
import dev.framebridge.host.chain.PluginChain
import dev.framebridge.host.chain.PluginState
import dev.framebridge.host.chain.PluginStatus
import dev.framebridge.host.clock.CaptureClock
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.spi.TrackKind
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration
import java.util.zip.ZipEntry
import java.util.zip.ZipInputStream
import java.util.zip.ZipOutputStream
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * The synthetic tone through the example gain plugin's JAR in a supervised worker JVM: the runtime's audio
 * {@link PluginChain} as the pipeline's {@link AudioTrackChain}, nothing stood in.
 */
class AudioGainPluginSpec extends Specification {
  static final int CHUNK = 480
  static final double AMPLITUDE = 0.25
  /** Chunks that may have been queued between the chain and the WAV file when the status was read (0.5 s). */
  static final int MARGIN = 50

  @TempDir
  Path dir

  PluginChain chain
  AudioPipeline pipeline
  Path wavFile

  static Path gainJar() {
    for (Path p = Paths.get('').toAbsolutePath(); p != null; p = p.parent) {
      Path jar = p.resolve('plugins-example/target/plugins/framebridge-plugin-audio-gain.jar')
      if (Files.isRegularFile(jar)) return jar
    }
    throw new IllegalStateException('framebridge-plugin-audio-gain.jar not found; run mvn package first')
  }

  /** The gain plugin in a plugins folder, its gain persisted, and the tone running through an audio chain. */
  void startTone(double gainDb, ChainOptions.Builder tuning = null) {
    def plugins = Files.createDirectories(dir.resolve('plugins'))
    Files.copy(gainJar(), plugins.resolve('framebridge-plugin-audio-gain.jar'))
    def options = (tuning ?: ChainOptions.builder(plugins))
    // generous deadlines: on a loaded 2-core machine a worker stalled for 250 ms is not a faulty plugin
    def built = options.trackKind(TrackKind.AUDIO).frameDeadline(Duration.ofSeconds(3))
        .heartbeatTimeout(Duration.ofSeconds(6)).workerHeapMb(64).build()
    Files.writeString(built.chainFile, "order=audio-gain\nsetting.audio-gain/gainDb=$gainDb\n")
    def connect = { MediaStreamTrack input ->
      chain = PluginChain.start(input, built)
      chain.output
    } as AudioTrackChain
    def clock = CaptureClock.startNow()
    def tone = SyntheticToneSource.builder().clock(clock).frequencyHz(1000).amplitude((float) AMPLITUDE).build()
    wavFile = dir.resolve('gain.wav')
    pipeline = AudioPipeline.builder().clock(clock).source(tone).chain(connect).audioOut(wavFile)
        .wavEncoding(WavSampleEncoding.FLOAT_32).start()
  }

  PluginStatus gain() {
    chain.status.plugins.find { it.id == 'audio-gain' }
  }

  /** RMS of each whole chunk of the file's first channel. */
  static double[] chunkRms(float[] samples, int chunks) {
    double[] r = new double[chunks]
    for (int c = 0; c < chunks; c++) {
      double sum = 0
      for (int i = c * CHUNK; i < (c + 1) * CHUNK; i++) {
        sum += (double) samples[i] * samples[i]
      }
      r[c] = Math.sqrt(sum / CHUNK)
    }
    r
  }

  def cleanup() {
    pipeline?.close()
    chain?.close()
  }

  def "10 s of tone through the gain plugin in a supervised worker JVM: RMS scaled by the gain within 1%, pitch kept, no sample lost or repeated"() {
    given:
    startTone(gainDb)
    def expected = Math.pow(10, gainDb / 20)

    when: "the worker serves, then 10 s flow through it"
    new PollingConditions(timeout: 90, delay: 0.2).eventually {
      assert gain()?.state == PluginState.RUNNING
      assert gain().pid > 0
    }
    long servingFrom = pipeline.output.chunks
    new PollingConditions(timeout: 90, delay: 0.5).eventually {
      assert pipeline.output.chunks >= servingFrom + MARGIN + 1000
    }
    def status = gain()
    pipeline.close()
    def wav = WavAudio.read(wavFile)
    float[] samples = wav.getChannel(0)
    int chunks = (int) (wav.numberOfFrames / CHUNK)
    double[] rms = chunkRms(samples, chunks)
    // the worker took over before servingFrom; chunks passed through before that may still have been queued then
    int from = (int) servingFrom + MARGIN
    double sum = 0
    for (int i = from * CHUNK; i < chunks * CHUNK; i++) {
      sum += (double) samples[i] * samples[i]
    }
    double processedRms = Math.sqrt(sum / ((chunks - from) * CHUNK))
    double inRms = pipeline.inputMeter.reading.getTotalRms(0)
    def est = new FrequencyEstimator(48000)
    est.accept(Arrays.copyOfRange(samples, from * CHUNK, chunks * CHUNK), (chunks - from) * CHUNK)

    then: "the plugin ran in its own worker JVM under the supervisor, with no restart"
    status.kind == TrackKind.AUDIO
    status.restarts == 0
    status.pid != ProcessHandle.current().pid()

    and: "the level of 10 s of processed audio is scaled by the configured gain, within 1%"
    chunks - from >= 1000
    Math.abs(processedRms / inRms - expected) / expected < 0.01

    and: "every processed chunk is at the gain (none passed through unprocessed)"
    (from..<chunks).every { Math.abs(rms[it] / inRms - expected) / expected < 0.01 }

    and: "the frequency is unchanged"
    Math.abs(est.frequencyHz - 1000) / 1000 < 0.001

    and: "sample count continuous: every captured chunk came out once, in order, through the hand-over too"
    pipeline.output.chunks == pipeline.capturedChunks
    pipeline.output.overlaps == 0
    pipeline.output.gaps == pipeline.captureGaps
    wav.numberOfFrames == pipeline.capturedChunks * CHUNK
    pipeline.output.meter.reading.lastTimestampUs == pipeline.inputMeter.reading.lastTimestampUs

    where:
    gainDb << [-6.0]
  }

  def "kill -9 of the audio plugin's worker: audio keeps flowing, passed through, and the supervisor restarts the worker"() {
    given: "backoff long enough that the pass-through shows in the output"
    startTone(-12.0, ChainOptions.builder(dir.resolve('plugins')).backoffInitial(Duration.ofMillis(1000))
        .backoffMax(Duration.ofMillis(2000)))
    double expected = Math.pow(10, -12.0 / 20)

    when: "the worker serves"
    new PollingConditions(timeout: 90, delay: 0.2).eventually {
      assert gain()?.state == PluginState.RUNNING
    }
    long pid = gain().pid
    long killedAt = pipeline.output.chunks

    and: "it is killed with SIGKILL"
    ProcessHandle.of(pid).ifPresent { it.destroyForcibly() }

    then: "the supervisor reports it and restarts it"
    new PollingConditions(timeout: 30, delay: 0.05).eventually {
      def s = gain()
      assert s.restarts == 1
      assert s.lastError?.contains('killed')
    }
    new PollingConditions(timeout: 90, delay: 0.2).eventually {
      def s = gain()
      assert s.state == PluginState.RUNNING
      assert s.pid > 0 && s.pid != pid
    }
    !ProcessHandle.of(pid).map { it.alive }.orElse(false)

    when: "audio flows a while after the restart"
    long restartedAt = pipeline.output.chunks
    new PollingConditions(timeout: 60, delay: 0.2).eventually {
      assert pipeline.output.chunks >= restartedAt + MARGIN + 200
    }
    pipeline.close()
    def wav = WavAudio.read(wavFile)
    int chunks = (int) (wav.numberOfFrames / CHUNK)
    double[] rms = chunkRms(wav.getChannel(0), chunks)
    double inRms = pipeline.inputMeter.reading.getTotalRms(0)
    def atGain = { int i -> Math.abs(rms[i] / inRms - expected) / expected < 0.01 }
    def atUnity = { int i -> Math.abs(rms[i] / inRms - 1) < 0.01 }
    int passedThrough = ((int) killedAt..<(int) restartedAt).count { atUnity(it) }

    then: "while no worker served, the captured audio was passed through unprocessed (the output never stopped)"
    passedThrough >= 10

    and: "after the restart the gain applies again"
    ((int) restartedAt + MARGIN..<chunks).every { atGain(it) }

    and: "no chunk twice, and only the few in flight in the killed worker lost"
    pipeline.output.overlaps == 0
    pipeline.output.gaps - pipeline.captureGaps <= 3
    pipeline.capturedChunks - pipeline.output.chunks <= 20
  }

  /** A new build of the gain plugin: the same classes with one more entry, so its content (fingerprint) differs. */
  static void writeRebuild(Path from, Path to) {
    new ZipInputStream(Files.newInputStream(from)).withCloseable { zin ->
      new ZipOutputStream(Files.newOutputStream(to)).withCloseable { zout ->
        ZipEntry e
        while ((e = zin.nextEntry) != null) {
          zout.putNextEntry(new ZipEntry(e.name))
          zout << zin
          zout.closeEntry()
        }
        zout.putNextEntry(new ZipEntry('META-INF/framebridge-rebuild.txt'))
        zout << 'build 2'.bytes
        zout.closeEntry()
      }
    }
  }

  def "hot reload of the audio plugin: the new build takes over with no chunk lost or repeated"() {
    given:
    startTone(-6.0, ChainOptions.builder(dir.resolve('plugins')).settleTime(Duration.ofMillis(100))
        .rescanInterval(Duration.ofMillis(200)))
    double expected = Math.pow(10, -6.0 / 20)
    new PollingConditions(timeout: 90, delay: 0.2).eventually {
      assert gain()?.state == PluginState.RUNNING
    }
    long oldPid = gain().pid
    long servingFrom = pipeline.output.chunks

    when: "a new build is moved into the plugins folder over the old one"
    Path staged = dir.resolve('plugins/.rebuild.jar')
    writeRebuild(gainJar(), staged)
    Files.move(staged, dir.resolve('plugins/framebridge-plugin-audio-gain.jar'),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE)

    then: "the new build's worker serves, the old one is gone"
    new PollingConditions(timeout: 90, delay: 0.2).eventually {
      def s = gain()
      assert s.state == PluginState.RUNNING
      assert s.pid > 0 && s.pid != oldPid
    }
    new PollingConditions(timeout: 30, delay: 0.2).eventually {
      assert !ProcessHandle.of(oldPid).map { it.alive }.orElse(false)
    }

    when: "audio flows a while through the new build"
    long swappedAt = pipeline.output.chunks
    new PollingConditions(timeout: 60, delay: 0.2).eventually {
      assert pipeline.output.chunks >= swappedAt + 100
    }
    def restarts = gain().restarts
    pipeline.close()
    def wav = WavAudio.read(wavFile)
    int chunks = (int) (wav.numberOfFrames / CHUNK)
    double[] rms = chunkRms(wav.getChannel(0), chunks)
    double inRms = pipeline.inputMeter.reading.getTotalRms(0)

    then: "every chunk since the first worker served is at the gain, across the switch (no pass-through, no failure)"
    restarts == 0
    ((int) servingFrom + MARGIN..<chunks).every { Math.abs(rms[it] / inRms - expected) / expected < 0.01 }

    and: "no chunk lost or repeated at the switch"
    pipeline.output.overlaps == 0
    pipeline.output.gaps == pipeline.captureGaps
    pipeline.output.chunks == pipeline.capturedChunks
  }
}
