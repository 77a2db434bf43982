@file:Suppress("unused", "UNUSED_VARIABLE")

package dev.framebridge.surface

import dev.framebridge.sdk.effects.Argb
import dev.framebridge.sdk.effects.Canvas
import dev.framebridge.sdk.effects.ColorMatrix
import dev.framebridge.sdk.effects.ColumnRemap
import dev.framebridge.sdk.effects.FormatGate
import dev.framebridge.sdk.effects.LevelMeter
import dev.framebridge.sdk.effects.PixelEffect
import dev.framebridge.sdk.effects.PixelTransform
import dev.framebridge.sdk.effects.RgbaImage
import dev.framebridge.sdk.effects.SeparableBlur
import dev.framebridge.sdk.effects.TextStamp
import dev.framebridge.sdk.testkit.FrameAssertions
import dev.framebridge.sdk.testkit.FrameHarness
import dev.framebridge.sdk.testkit.LoadedPlugin
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.PluginLoader
import dev.framebridge.sdk.testkit.PluginValidationException
import dev.framebridge.sdk.testkit.RecyclingFrameAllocator
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.sdk.testkit.TransformHarness
import dev.framebridge.sdk.testkit.WorkerHarness
import dev.framebridge.sdk.worker.WorkerLauncher
import dev.framebridge.spi.FramebridgePlugin
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.settings.Settings
import dev.framebridge.spi.transform.FrameAllocator
import dev.framebridge.spi.transform.FrameTransform
import java.awt.image.BufferedImage
import java.nio.file.Path
import java.util.regex.Pattern
import org.joml.Matrix3f
import org.joml.Matrix3x2f
import org.joml.Vector3f

/** Compile-only: every public symbol of dev.framebridge.sdk.effects, with explicit Kotlin types. Never run. */
class KotlinInvert : PixelTransform("invert") {
    override fun isActive(): Boolean = true
    override fun apply(image: RgbaImage, timestampUs: Long) {
        val row = IntArray(image.width)
        for (y in 0 until image.height) {
            image.readRow(y, row)
            for (x in row.indices) row[x] = row[x] xor 0x00FFFFFF
            image.writeRow(y, row)
        }
    }
}

fun effectsSurface(frame: VideoFrame) {
    val opaque: Int = Argb.rgb(0x336699)
    val c1: Int = Argb.of(128, 1, 2, 3)
    val c2: Int = Argb.of(1, 2, 3)
    val c3: Int = Argb.withAlpha(c2, 0x80)
    val parts: Int = Argb.alpha(c3) + Argb.red(c3) + Argb.green(c3) + Argb.blue(c3) + Argb.luma(c3)
    val text: String = Argb.format(c3)
    val mixed: Int = Argb.mix(c1, c2, 128)

    val supported: Boolean = RgbaImage.supports(frame.format)
    val image: RgbaImage = RgbaImage.of(frame)
    val format: VideoPixelFormat = image.format
    val w: Int = image.width
    val h: Int = image.height
    val alpha: Boolean = image.hasAlpha()
    val writable: Boolean = image.isWritable
    val inside: Boolean = image.contains(0, 0)
    val px: Int = image.getArgb(0, 0)
    image.setArgb(0, 0, px)
    val row = IntArray(w)
    image.readRow(0, row)
    image.writeRow(0, row)
    image.fill(opaque)

    val sepia: ColorMatrix = ColorMatrix.sepia()
    val gray: ColorMatrix = ColorMatrix.grayscale()
    val id: ColorMatrix = ColorMatrix.identity()
    val custom: ColorMatrix = ColorMatrix.of(Matrix3f(), Vector3f(1f, 2f, 3f))
    val plain: ColorMatrix = ColorMatrix.of(Matrix3f())
    val rows: ColorMatrix = ColorMatrix.ofRows(1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f)
    val half: ColorMatrix = sepia.mix(0.5f).after(gray)
    val m: Matrix3f = half.matrix
    val o: Vector3f = half.offset
    val one: Int = id.apply(px)
    custom.applyRow(row, w)
    plain.apply(image, row)

    val blur: SeparableBlur = SeparableBlur.box(4)
    val gauss: SeparableBlur = SeparableBlur.gaussian(SeparableBlur.MAX_RADIUS)
    blur.radius = 3
    val passes: Int = gauss.passes + blur.radius
    blur.apply(image)

    val mirror: ColumnRemap = ColumnRemap.mirror()
    val stretch: ColumnRemap = ColumnRemap.of(Matrix3x2f().scale(0.5f, 1f))
    val map: Matrix3x2f = stretch.sourceFromTarget
    val source: Int = mirror.sourceColumn(0, w)
    mirror.remapRow(row, IntArray(w), w)
    mirror.apply(image)

    val stamp: TextStamp = TextStamp.render("12:00", 24f, true)
    val plainStamp: TextStamp = TextStamp.render("hi", 12f)
    val stampText: String = stamp.text
    val coverage: Int = stamp.coverageAt(0, 0) + stamp.width + stamp.height
    val canvas: Canvas = Canvas(image)
    val same: RgbaImage = canvas.image
    canvas.blend(1, 1, c3)
    canvas.fillRect(0, 0, 4, 4, c3)
    canvas.strokeRect(0, 0, 8, 8, 2, opaque)
    canvas.drawLine(0, 0, 10, 10, 3, opaque)
    canvas.drawPolygon(intArrayOf(0, 5, 5), intArrayOf(0, 0, 5), 3, 1, opaque)
    canvas.drawText(stamp, 2, 2, opaque)

    val gate: FormatGate = FormatGate.rgb("effect")
    val narrow: FormatGate = FormatGate.of("effect", setOf(VideoPixelFormat.RGBA))
    val accepted: Set<VideoPixelFormat> = gate.accepted
    val admitted: Boolean = narrow.admits(frame)

    val meter: LevelMeter = LevelMeter()
    val slow: LevelMeter = LevelMeter(6.0)
    meter.add(0.5f)
    meter.endChunk(10_000L)
    val levels: Double = meter.peakDb + meter.rmsDb + meter.heldPeakDb + LevelMeter.SILENCE_DB +
        LevelMeter.toDb(0.5) + LevelMeter.fromDb(-6.0)

    val effect: PixelEffect = PixelEffect { img: RgbaImage, ts: Long -> img.fill(Argb.rgb(ts.toInt() and 0xFFFFFF)) }
    val lambda: PixelTransform = PixelTransform.of("flash") { img: RgbaImage, _: Long -> img.fill(opaque) }
    val asTransform: FrameTransform<VideoFrame> = lambda
    val lambdaGate: FormatGate = lambda.gate
    val invert: PixelTransform = KotlinInvert()
}

fun testkitSurface(plugin: FramebridgePlugin, jar: Path, allocator: FrameAllocator, picture: BufferedImage) {
    val file: String = PluginLoader.SERVICE_FILE
    val idPattern: Pattern = PluginLoader.ID
    PluginLoader.validate(plugin, "source")
    val fromJar: LoadedPlugin = PluginLoader.load(jar)
    val withParent: LoadedPlugin = PluginLoader.load(jar, ClassLoader.getSystemClassLoader())
    val fromClass: LoadedPlugin = PluginLoader.load(plugin.javaClass)
    val fromClasspath: LoadedPlugin = PluginLoader.loadFromClasspath("sepia-mirror", ClassLoader.getSystemClassLoader())
    fromJar.use { loaded: LoadedPlugin ->
        val p: FramebridgePlugin = loaded.plugin
        val where: Path? = loaded.jar
        val loader: ClassLoader = loaded.classLoader
    }
    val refused: PluginValidationException = PluginValidationException("x.jar", "bad")
    val refusedWithCause: PluginValidationException = PluginValidationException("x.jar", "bad", IllegalStateException())
    val refusedSource: String = refused.source

    PluginHarness.load(jar).use { harness: PluginHarness ->
        val p: FramebridgePlugin = harness.plugin
        val loaded: LoadedPlugin = harness.loaded
        val settings: Settings = harness.settings(mapOf("amount" to 0.5))
        val video: TransformHarness<VideoFrame> = harness.video()
        val tuned: TransformHarness<VideoFrame> = harness.video(mapOf("amount" to 0.5))
        val audio: TransformHarness<AudioData> = harness.audio()
        val loud: TransformHarness<AudioData> = harness.audio(mapOf("gainDb" to 6.0))
        val recycling: RecyclingFrameAllocator = RecyclingFrameAllocator()
        val pooled: TransformHarness<VideoFrame> = harness.video(emptyMap<String, Any>(), recycling)
        val pooledAudio: TransformHarness<AudioData> = harness.audio(emptyMap<String, Any>(), recycling)
        val fresh: Long = recycling.freshAllocations

        val input: VideoFrame = TestFrames.solid(VideoPixelFormat.RGBA, 64, 48, Argb.rgb(0x336699), 0L)
        val out: VideoFrame = video.process(input)
        FrameAssertions.assertPixel(out, 1, 1, Argb.rgb(0x336699))
        FrameAssertions.assertPixel(out, 1, 1, Argb.rgb(0x336699), 2)
        val distance: Int = FrameAssertions.channelDistance(0, 1)
        FrameAssertions.assertSize(out, 64, 48)
        FrameAssertions.assertFormat(out, VideoPixelFormat.RGBA)
        FrameAssertions.assertTimestamp(out, 0L)
        FrameAssertions.assertClosed(input)
        FrameAssertions.assertOpen(out)
        val baseline: Long = FrameAssertions.openFrameCount()
        FrameAssertions.assertNoFramesLeaked(baseline)

        val pushed: List<VideoFrame> = tuned.push(TestFrames.pattern(VideoPixelFormat.BGRA, 8, 8, 1L))
        val flushed: List<VideoFrame> = tuned.flush()
        tuned.updateSettings(settings)
        val all: List<VideoFrame> = tuned.outputs
        val last: VideoFrame = tuned.lastOutput
        val error: Throwable? = tuned.error
        val started: Boolean = tuned.isStarted
        val transform: FrameTransform<VideoFrame> = tuned.transform
        tuned.clearOutputs()
        tuned.close()

        val chunk: AudioData = loud.process(TestFrames.tone(440f, 0.5f, 2, 480, 48_000f, 0L))
        val samples: FloatArray = TestFrames.samples(chunk)
        val raw: AudioData = TestFrames.audio(floatArrayOf(0f, 0.5f), 1, 48_000f, 0L)

        // the same tests in a worker JVM: one flag, or the worker harness itself
        val either: FrameHarness<VideoFrame> = harness.video(mapOf("amount" to 0.5), true)
        val eitherAudio: FrameHarness<AudioData> = harness.audio(emptyMap<String, Any>(), false)
        val launcher: WorkerLauncher = WorkerLauncher.builder().heapMb(128).build()
        val worker: WorkerHarness<VideoFrame> = harness.videoInWorker(emptyMap<String, Any>())
        val workerTuned: WorkerHarness<VideoFrame> = harness.videoInWorker(emptyMap<String, Any>(), launcher)
        val audioWorker: WorkerHarness<AudioData> = harness.audioInWorker(emptyMap<String, Any>())
        val audioWorkerTuned: WorkerHarness<AudioData> = harness.audioInWorker(emptyMap<String, Any>(), launcher)
        val inWorker: VideoFrame = worker.process(TestFrames.pattern(VideoPixelFormat.RGBA, 8, 8, 2L))
        val inWorkerAll: List<VideoFrame> = worker.push(TestFrames.pattern(VideoPixelFormat.RGBA, 8, 8, 3L))
        worker.updateSettings(settings)
        val workerPid: Long = worker.pid
        val workerAlive: Boolean = worker.isAlive
        val workerFailure: String? = worker.failure
        val workerShm: Path = worker.sharedMemoryDirectory
        val workerOutputs: List<VideoFrame> = worker.outputs
        val workerLast: VideoFrame = worker.lastOutput
        worker.clearOutputs()
        val workerFlushed: List<VideoFrame> = worker.flush()
        worker.close()
        val started2: WorkerHarness<AudioData> = WorkerHarness.start(TrackKind.AUDIO, listOf(jar), "audio-gain",
            settings, launcher, java.time.Duration.ofSeconds(10))
        either.close()
    }
    PluginHarness.of(plugin.javaClass).close()
    PluginHarness.fromClasspath("grayscale").close()

    val own: TransformHarness<VideoFrame> = TransformHarness.of(FrameTransform { f: VideoFrame, c -> c.enqueue(f) })
    val counted: TransformHarness<VideoFrame> = TransformHarness.of(FrameTransform { f: VideoFrame, c -> c.enqueue(f) }, allocator)
    val patternColour: Int = TestFrames.patternArgb(1, 2, 64, 48)
    val pixels: VideoFrame = TestFrames.fromArgb(VideoPixelFormat.RGBX, 2, 1, intArrayOf(0, 0), 0L)
    val pictured: VideoFrame = TestFrames.fromImage(picture, VideoPixelFormat.RGBA, 0L)
    val read: VideoFrame = TestFrames.read(jar, VideoPixelFormat.RGBA, 0L)
    val image: BufferedImage = TestFrames.toImage(pixels)
    val argb: IntArray = TestFrames.toArgb(pixels)
    val at: Int = TestFrames.argbAt(pixels, 0, 0)
}
