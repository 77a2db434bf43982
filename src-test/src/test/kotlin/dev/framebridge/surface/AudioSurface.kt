@file:Suppress("unused", "UNUSED_VARIABLE")

package dev.framebridge.surface

import dev.framebridge.host.audio.AudioCapture
import dev.framebridge.host.audio.AudioChunkWriter
import dev.framebridge.host.audio.AudioLevelHandler
import dev.framebridge.host.audio.AudioOutput
import dev.framebridge.host.audio.AudioPipeline
import dev.framebridge.host.audio.AudioSink
import dev.framebridge.host.audio.AudioSource
import dev.framebridge.host.audio.AudioStreamFormat
import dev.framebridge.host.audio.AudioTrackChain
import dev.framebridge.host.audio.ChunkContinuity
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.InProcessAudioTransform
import dev.framebridge.host.audio.LevelMeter
import dev.framebridge.host.audio.LevelReading
import dev.framebridge.host.audio.MicrophoneSource
import dev.framebridge.host.audio.PlanarSamples
import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.audio.SystemAudioSink
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.host.audio.WavWriter
import dev.framebridge.host.clock.CaptureClock
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.transform.FrameTransform
import java.nio.file.Path
import java.util.Optional
import java.util.concurrent.CompletableFuture

/**
 * Compile-only: the host's audio API as a Kotlin caller sees it (properties, SAM lambdas, nullability). Never run.
 */
fun audioSurface(path: Path) {
  val clock: CaptureClock = CaptureClock.startingAt(CaptureClock().startNanos)
  val now: Long = clock.nowMicros()
  val micros: Long = clock.toMicros(System.nanoTime())
  val format: AudioStreamFormat = AudioStreamFormat.builder().sampleRate(48_000).numberOfChannels(2)
    .framesPerChunk(480).build()
  val chunkUs: Long = format.chunkDurationMicros
  val tone: SyntheticToneSource = SyntheticToneSource.builder().format(format).clock(clock).frequencyHz(440.0)
    .levelDbfs(-12.0).chirp(880.0, 2.0).paced(true).build()
  val skipped: Long = tone.framesSkipped
  val mic: Optional<MicrophoneSource> = MicrophoneSource.open(format, clock)
  val source: AudioSource = mic.map<AudioSource> { it }.orElse(tone)
  val description: String = source.description

  val gain: FrameTransform<AudioData> = FrameTransform { chunk, controller -> controller.enqueue(chunk) }
  val inProcess = InProcessAudioTransform(gain, 50)
  val chain: AudioTrackChain = AudioTrackChain { input: MediaStreamTrack -> inProcess.connect(input) }
  val pipeline: AudioPipeline = AudioPipeline.builder().clock(clock).format(format).source(source).chain(chain)
    .audioOut(path).fallbackAudioOut(null).wavEncoding(WavSampleEncoding.FLOAT_32).outputBufferChunks(20).start()
  pipeline.use { p ->
    val out: AudioOutput = p.output
    val reading: LevelReading = out.meter.reading
    val rms: Double = reading.rmsDbfs
    val json: String = reading.toJson()
    val handler: AudioLevelHandler = p.levelHandler
    val bypassed: Boolean = p.isBypassed
    val gaps: Long = out.gaps - p.captureGaps
    val sinks: List<String> = out.sinkNames
  }

  val writer: AudioChunkWriter = AudioChunkWriter { chunk -> chunk.close(); CompletableFuture.completedFuture(null) }
  AudioCapture(tone, MediaFrames.heapAllocator(), writer).start().use { capture -> val n: Long = capture.chunksWritten }

  val sink: AudioSink = WavWriter.create(path, format, WavSampleEncoding.PCM_16)
  sink.close()
  val system: Optional<SystemAudioSink> = SystemAudioSink.open(format)
  val wav: WavAudio = WavAudio.read(path)
  val samples: FloatArray = wav.getChannel(0)
  val meter = LevelMeter(30)
  meter.accept(arrayOf(samples), 1, samples.size, 0L, 48_000f)
  val estimator = FrequencyEstimator(48_000.0)
  estimator.accept(samples, samples.size)
  val hz: Double = estimator.frequencyHz
  val continuity = ChunkContinuity()
  val continuous: Boolean = continuity.accept(0L, 480, 48_000f)
  val planar = PlanarSamples()
  val dbfs: Double = LevelMeter.toDbfs(0.5)
}

/** Compile-only: the runtime's audio chain (supervised audio plugin workers) as a host would wire it. Never run. */
fun audioChainSurface(plugins: java.nio.file.Path, input: dev.framebridge.sdk.track.MediaStreamTrack) {
  val options: dev.framebridge.host.chain.ChainOptions = dev.framebridge.host.chain.ChainOptions.builder(plugins)
    .trackKind(dev.framebridge.spi.TrackKind.AUDIO).build()
  val kindOfOptions: dev.framebridge.spi.TrackKind = options.trackKind
  val chain: dev.framebridge.host.chain.PluginChain = dev.framebridge.host.chain.PluginChain.start(input, options)
  val kind: dev.framebridge.spi.TrackKind = chain.trackKind
  val shm: java.nio.file.Path = chain.sharedMemoryDirectory
  val connect: AudioTrackChain = AudioTrackChain { t: dev.framebridge.sdk.track.MediaStreamTrack -> chain.output }
  val statusKind: dev.framebridge.spi.TrackKind = chain.status.plugins[0].kind
  val jarKinds: Set<dev.framebridge.spi.TrackKind> = chain.getPluginJar("audio-gain").trackKinds
  val host: dev.framebridge.host.FramebridgeHost? = null
  val audioChain: dev.framebridge.host.chain.PluginChain? = host?.audioChain
}
