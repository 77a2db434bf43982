@file:Suppress("unused", "UNUSED_VARIABLE", "UNUSED_ANONYMOUS_PARAMETER")

package dev.framebridge.surface

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.stream.FrameTransformStream
import dev.framebridge.sdk.stream.ReadResult
import dev.framebridge.sdk.stream.ReadableStream
import dev.framebridge.sdk.stream.ReadableStreamController
import dev.framebridge.sdk.stream.ReadableStreamReader
import dev.framebridge.sdk.stream.TransformStream
import dev.framebridge.sdk.stream.TransformStreamController
import dev.framebridge.sdk.stream.Transformer
import dev.framebridge.sdk.stream.UnderlyingSink
import dev.framebridge.sdk.stream.UnderlyingSource
import dev.framebridge.sdk.stream.WritableStream
import dev.framebridge.sdk.stream.WritableStreamController
import dev.framebridge.sdk.stream.WritableStreamWriter
import dev.framebridge.sdk.track.ConstrainDouble
import dev.framebridge.sdk.track.ConstrainInteger
import dev.framebridge.sdk.track.ConstrainString
import dev.framebridge.sdk.track.DoubleRange
import dev.framebridge.sdk.track.IntegerRange
import dev.framebridge.sdk.track.ListenerRegistration
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.track.MediaStreamTrackListener
import dev.framebridge.sdk.track.MediaStreamTrackSink
import dev.framebridge.sdk.track.MediaStreamTrackSource
import dev.framebridge.sdk.track.MediaStreamTrackState
import dev.framebridge.sdk.track.MediaTrackCapabilities
import dev.framebridge.sdk.track.MediaTrackConstraints
import dev.framebridge.sdk.track.MediaTrackSettings
import dev.framebridge.sdk.track.OverconstrainedException
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.MediaFrame
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.settings.Settings
import dev.framebridge.spi.transform.FrameAllocator
import dev.framebridge.spi.transform.FrameTransform
import dev.framebridge.spi.transform.TransformController
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.Executor
import java.util.concurrent.Flow

/** Compile-only: touches every public symbol of sdk.stream, sdk.track and sdk.insertable with explicit types. */
fun streamSurface(frame: VideoFrame, settings: Settings, executor: Executor) {
  val result: ReadResult<VideoFrame> = ReadResult.of(frame)
  val done: ReadResult<VideoFrame> = ReadResult.done()
  val isDone: Boolean = result.isDone
  val value: VideoFrame? = result.value

  val source: UnderlyingSource<String> = object : UnderlyingSource<String> {
    override fun start(controller: ReadableStreamController<String>) {
      controller.enqueue("a")
      val desired: Int = controller.desiredSize
      val waiting: Int = controller.pendingReadCount
    }

    override fun pull(controller: ReadableStreamController<String>) {
      controller.close()
    }

    override fun cancel(reason: Throwable?) {}
  }
  val readable: ReadableStream<String> = ReadableStream(source)
  val buffered: ReadableStream<String> = ReadableStream(source, 4)
  val locked: Boolean = readable.isLocked
  val reader: ReadableStreamReader<String> = readable.reader
  val read: CompletableFuture<ReadResult<String>> = reader.read()
  val cancelled: CompletableFuture<Void> = reader.cancel(null)
  val closed: CompletableFuture<Void> = reader.closed()
  reader.releaseLock()
  val streamCancel: CompletableFuture<Void> = buffered.cancel(IllegalStateException("enough"))

  // A Kotlin lambda is a sink (only write is abstract).
  val sink: UnderlyingSink<String> = UnderlyingSink { chunk: String, controller: WritableStreamController ->
    println(chunk)
    UnderlyingSink.DONE
  }
  val fullSink: UnderlyingSink<String> = object : UnderlyingSink<String> {
    override fun start(controller: WritableStreamController) {
      controller.error(IllegalStateException())
      controller.close()
    }

    override fun write(chunk: String, controller: WritableStreamController): CompletionStage<Void> =
      CompletableFuture.completedFuture(null)

    override fun close(): CompletionStage<Void> = UnderlyingSink.DONE
    override fun abort(reason: Throwable?): CompletionStage<Void> = UnderlyingSink.DONE
  }
  val writable: WritableStream<String> = WritableStream(sink)
  val queued: WritableStream<String> = WritableStream(fullSink, 2)
  val writableLocked: Boolean = writable.isLocked
  val writer: WritableStreamWriter<String> = writable.writer
  val written: CompletableFuture<Void> = writer.write("b")
  val ready: CompletableFuture<Void> = writer.ready()
  val desired: Int? = writer.desiredSize
  val writerClosed: CompletableFuture<Void> = writer.closed()
  val closing: CompletableFuture<Void> = writer.close()
  val aborting: CompletableFuture<Void> = writer.abort(null)
  writer.releaseLock()
  val closeUnlocked: CompletableFuture<Void> = queued.close()
  val abortUnlocked: CompletableFuture<Void> = queued.abort(RuntimeException())

  val upper: TransformStream<String, String> = TransformStream(
    Transformer { chunk: String, controller: TransformStreamController<String> ->
      controller.enqueue(chunk.uppercase())
      val size: Int = controller.desiredSize
      if (chunk.isEmpty()) controller.terminate()
      if (chunk == "!") controller.error(IllegalArgumentException(chunk))
    })
  val sized: TransformStream<String, String> = TransformStream(object : Transformer<String, String> {
    override fun start(controller: TransformStreamController<String>) {}
    override fun transform(chunk: String, controller: TransformStreamController<String>) = controller.enqueue(chunk)
    override fun flush(controller: TransformStreamController<String>) {}
    override fun cancel(reason: Throwable?) {}
  }, 1, 0)
  val transformedReadable: ReadableStream<String> = upper.readable
  val transformWritable: WritableStream<String> = upper.writable
  val piped: ReadableStream<String> = ReadableStream(source).pipeThrough(upper)
  val pipe: CompletableFuture<Void> = piped.pipeTo(WritableStream(sink))
  val publisher: Flow.Publisher<String> = sized.readable.asPublisher()

  // A Kotlin lambda is a FrameTransform; frames are closed with use {}.
  val allocator: FrameAllocator = MediaFrames.heapAllocator()
  val lambda: FrameTransform<VideoFrame> = FrameTransform { input: VideoFrame, controller: TransformController<VideoFrame> ->
    controller.allocator.copyOf(input).use { copy: VideoFrame -> controller.enqueue(copy.clone()) }
  }
  val frames: FrameTransformStream<VideoFrame> = TransformStream.fromFrameTransform(lambda, allocator)
  val direct: FrameTransformStream<VideoFrame> = FrameTransformStream(lambda, allocator)
  frames.updateSettings(settings)
  val transformOf: FrameTransform<VideoFrame> = frames.frameTransform
  val allocatorOf: FrameAllocator = frames.allocator
  val count: Long = frames.transformedFrameCount
}

fun trackSurface(frame: VideoFrame, audio: AudioData) {
  val generator: VideoTrackGenerator = VideoTrackGenerator()
  val labelled: VideoTrackGenerator = VideoTrackGenerator("camera")
  val writable: WritableStream<VideoFrame> = generator.writable
  val muted: Boolean = generator.isMuted
  generator.isMuted = true
  val track: MediaStreamTrack = generator.track
  val generatorSource: MediaStreamTrackSource = generator.source

  val id: String = track.id
  val kind: String = track.kind
  val trackKind: TrackKind = track.trackKind
  val label: String = track.label
  val enabled: Boolean = track.isEnabled
  track.isEnabled = false
  val trackMuted: Boolean = track.isMuted
  val state: MediaStreamTrackState = track.readyState
  val live: Boolean = state == MediaStreamTrackState.LIVE || state == MediaStreamTrackState.ENDED
  val hint: String = track.contentHint
  track.contentHint = "motion"
  val clone: MediaStreamTrack = track.clone()
  val onEnded: ListenerRegistration = track.addEndedListener { t: MediaStreamTrack -> println(t.id) }
  val onMute: ListenerRegistration = track.addMuteListener(MediaStreamTrackListener { t: MediaStreamTrack -> })
  val onUnmute: ListenerRegistration = track.addUnmuteListener { t: MediaStreamTrack -> }
  onEnded.use { }
  onMute.close()
  val sink: ListenerRegistration = track.addSink(MediaStreamTrackSink { f: MediaFrame -> f.use { } })
  val fullSink: ListenerRegistration = track.addSink(object : MediaStreamTrackSink {
    override fun onFrame(frame: MediaFrame) = frame.close()
    override fun onEnded() {}
  })

  val settings: MediaTrackSettings = track.settings
  val width: Int = settings.width
  val height: Int = settings.height
  val aspect: Double = settings.aspectRatio
  val rate: Double = settings.frameRate
  val mode: String = settings.resizeMode
  val sampleRate: Int = settings.sampleRate
  val channels: Int = settings.channelCount
  val built: MediaTrackSettings = MediaTrackSettings.builder().width(1).height(1).frameRate(30.0)
    .resizeMode(MediaTrackSettings.RESIZE_MODE_NONE).sampleRate(0).channelCount(0).build()
  val cropMode: String = MediaTrackSettings.RESIZE_MODE_CROP_AND_SCALE

  val caps: MediaTrackCapabilities = track.capabilities
  val capWidth: IntegerRange? = caps.width
  val capHeight: IntegerRange? = caps.height
  val capAspect: DoubleRange? = caps.aspectRatio
  val capRate: DoubleRange? = caps.frameRate
  val modes: List<String> = caps.resizeMode
  val min: Int = IntegerRange.of(1, 2).min
  val max: Double = DoubleRange.of(0.0, 1.0).max
  val inRange: Boolean = IntegerRange.of(1, 2).contains(1.5) && DoubleRange.of(0.0, 1.0).contains(0.5)
  val customCaps: MediaTrackCapabilities = MediaTrackCapabilities.builder().width(IntegerRange.of(1, 1920))
    .height(IntegerRange.of(1, 1080)).aspectRatio(DoubleRange.of(0.1, 10.0)).frameRate(DoubleRange.of(0.0, 60.0))
    .resizeMode(listOf("none")).build()
  val videoCaps: MediaTrackCapabilities = MediaTrackCapabilities.video()
  val audioCaps: MediaTrackCapabilities = MediaTrackCapabilities.audio()
  val maxDim: Int = MediaTrackCapabilities.MAX_DIMENSION
  val maxRate: Double = MediaTrackCapabilities.MAX_FRAME_RATE

  val constraints: MediaTrackConstraints = MediaTrackConstraints.builder()
    .width(320).height(ConstrainInteger.exact(200)).frameRate(30.0)
    .aspectRatio(ConstrainDouble.builder().min(1.0).max(2.0).ideal(1.5).exact(null).build())
    .resizeMode(ConstrainString.of("crop-and-scale", null))
    .build()
  val other: MediaTrackConstraints = MediaTrackConstraints.builder().width(ConstrainInteger.range(1, 2))
    .height(ConstrainInteger.ideal(2)).frameRate(ConstrainDouble.exact(1.0)).aspectRatio(1.5)
    .resizeMode("none").resizeMode(ConstrainString.exact("none")).build()
  val none: MediaTrackConstraints = MediaTrackConstraints.none()
  val cw: ConstrainInteger? = constraints.width
  val exact: Int? = cw?.exact
  val ideal: Int? = cw?.ideal
  val cmin: Int? = cw?.min
  val cmax: Int? = cw?.max
  val ch: ConstrainInteger? = constraints.height
  val cr: ConstrainDouble? = constraints.frameRate
  val rateIdeal: Double? = ConstrainDouble.ideal(30.0).ideal ?: ConstrainDouble.range(1.0, 2.0).min
  val ca: ConstrainDouble? = constraints.aspectRatio
  val cm: ConstrainString? = constraints.resizeMode
  val modeExact: String? = cm?.exact
  val modeIdeal: String? = ConstrainString.ideal("none").ideal
  val sizeConstrained: Boolean = constraints.constrainsSize()
  val applied: CompletableFuture<Void> = track.applyConstraints(constraints)
  val current: MediaTrackConstraints = track.constraints
  applied.exceptionally { e: Throwable ->
    val over: OverconstrainedException? = e as? OverconstrainedException
    val name: String? = over?.constraint
    null
  }
  val thrown: OverconstrainedException = OverconstrainedException("width", "too wide")
  track.stop()

  val source: MediaStreamTrackSource = MediaStreamTrackSource.builder(TrackKind.VIDEO).label("camera")
    .capabilities(customCaps).allocator(MediaFrames.heapAllocator()).onLastTrackEnded { println("idle") }.build()
  val plain: MediaStreamTrackSource = MediaStreamTrackSource(TrackKind.AUDIO)
  val sourced: MediaStreamTrack = source.createTrack()
  frame.use { f: VideoFrame -> source.deliver(f) }
  source.isMuted = true
  val sourceMuted: Boolean = source.isMuted
  val sourceKind: TrackKind = source.kind
  val sourceLabel: String = source.label
  val sourceCaps: MediaTrackCapabilities = source.capabilities
  val sourceAllocator: FrameAllocator = source.allocator
  val liveTracks: Int = source.liveTrackCount
  val deliveredCount: Long = source.deliveredFrameCount
  val ended: Boolean = source.isEnded
  source.end()

  val processor: MediaStreamTrackProcessor<VideoFrame> = MediaStreamTrackProcessor(clone)
  val sized: MediaStreamTrackProcessor<VideoFrame> = MediaStreamTrackProcessor(clone, 10)
  val built2: MediaStreamTrackProcessor<VideoFrame> = MediaStreamTrackProcessor.builder().track(clone)
    .maxBufferSize(2).executor(Runnable::run).build()
  val frames: ReadableStream<VideoFrame> = processor.readable
  val processorTrack: MediaStreamTrack = processor.track
  val bufferSize: Int = processor.maxBufferSize
  val dropped: Long = processor.droppedFrames
  val delivered: Long = processor.deliveredFrames
  val closed: Boolean = processor.isClosed
  val defaults: Int = MediaStreamTrackProcessor.DEFAULT_VIDEO_BUFFER_SIZE + MediaStreamTrackProcessor.DEFAULT_AUDIO_BUFFER_SIZE
  val pipe: CompletableFuture<Void> = frames.pipeTo(generator.writable)

  val legacy: MediaStreamTrackGenerator = MediaStreamTrackGenerator("audio")
  val legacyBuilt: MediaStreamTrackGenerator = MediaStreamTrackGenerator.builder().kind("video").build()
  val legacyWritable: WritableStream<MediaFrame> = legacy.writable
  val asTrack: MediaStreamTrack = legacy
  val audioProcessor: MediaStreamTrackProcessor<AudioData> = MediaStreamTrackProcessor(legacy)
  legacyWritable.writer.write(audio)
}
