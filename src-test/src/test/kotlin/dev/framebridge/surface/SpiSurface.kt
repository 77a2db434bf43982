@file:Suppress("unused", "UNUSED_VARIABLE")

package dev.framebridge.surface

import dev.framebridge.spi.FramebridgePlugin
import dev.framebridge.spi.SpiVersion
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioDataCopyToOptions
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.spi.media.MediaFrame
import dev.framebridge.spi.media.PlaneLayout
import dev.framebridge.spi.media.Rect
import dev.framebridge.spi.media.VideoColorSpace
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoFrameCopyToOptions
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.settings.SettingField
import dev.framebridge.spi.settings.SettingType
import dev.framebridge.spi.settings.Settings
import dev.framebridge.spi.settings.SettingsSchema
import dev.framebridge.spi.transform.FrameAllocator
import dev.framebridge.spi.transform.FrameTransform
import dev.framebridge.spi.transform.TransformController
import java.nio.ByteBuffer

/**
 * Compile-only: touches every public symbol of the SPI with explicit types, so a change that hurts Kotlin callers
 * (a lost property, a platform type turning nullable, a non-SAM callback) breaks the build. Never run.
 */
class KotlinVignette : FramebridgePlugin {
  override fun getId(): String = "vignette"
  override fun getVersion(): String = "1.0"
  override fun getSpiVersion(): SpiVersion = SpiVersion.of(1, 0)
  override fun getDisplayName(): String = "Vignette"
  override fun getDescription(): String = "darkens the corners"
  override fun getTrackKinds(): Set<TrackKind> = setOf(TrackKind.VIDEO)
  override fun getSettingsSchema(): SettingsSchema =
    SettingsSchema.builder()
      .number("strength", "Strength", 0.5, 0.0, 1.0, 0.05)
      .bool("round", "Round", true)
      .choice("shape", "Shape", "circle", listOf("circle", "box"))
      .color("tint", "Tint", 0x000000)
      .text("note", "Note", "")
      .build()

  override fun createVideoTransform(settings: Settings): FrameTransform<VideoFrame> {
    val strength: Double = settings.getDouble("strength")
    return FrameTransform { frame: VideoFrame, controller: TransformController<VideoFrame> ->
      controller.allocator.copyOf(frame).use { out: VideoFrame -> controller.enqueue(out.clone()) }
    }
  }

  override fun createAudioTransform(settings: Settings): FrameTransform<AudioData> =
    FrameTransform { frame: AudioData, controller: TransformController<AudioData> -> controller.enqueue(frame) }
}

fun spiSurface(frame: VideoFrame, audio: AudioData, allocator: FrameAllocator, controller: TransformController<VideoFrame>) {
  val current: SpiVersion = SpiVersion.current()
  val parsed: SpiVersion = SpiVersion.parse("1.0")
  val major: Int = current.major
  val minor: Int = current.minor
  val ok: Boolean = parsed.isSupportedBy(current)
  val cmp: Int = parsed.compareTo(current)
  val kind: TrackKind = TrackKind.fromWebName("video")
  val kindName: String = kind.webName

  val ts: Long = frame.timestamp
  val planes: Int = frame.planeCount
  val plane: ByteBuffer = frame.getPlane(0)
  val writable: Boolean = frame.isWritable
  val closed: Boolean = frame.isClosed
  val format: VideoPixelFormat? = frame.format
  val cw: Int = frame.codedWidth
  val ch: Int = frame.codedHeight
  val codedRect: Rect? = frame.codedRect
  val visible: Rect? = frame.visibleRect
  val dw: Int = frame.displayWidth
  val dh: Int = frame.displayHeight
  val duration: Long? = frame.duration
  val cs: VideoColorSpace = frame.colorSpace
  val stride: Int = frame.getPlaneStride(0)
  val size: Int = frame.allocationSize()
  val options: VideoFrameCopyToOptions =
    VideoFrameCopyToOptions.builder().rect(Rect.of(0, 0, 2, 2)).layout(listOf(PlaneLayout.of(0, 8))).build()
  val size2: Int = frame.allocationSize(options)
  val layout: List<PlaneLayout> = frame.copyTo(ByteBuffer.allocate(size))
  val layout2: List<PlaneLayout> = frame.copyTo(ByteBuffer.allocate(size2), options)
  val defaults: VideoFrameCopyToOptions = VideoFrameCopyToOptions.defaults()
  val optRect: Rect? = options.rect
  val optLayout: List<PlaneLayout>? = options.layout
  frame.clone().use { c: VideoFrame -> c.timestamp }
  val base: MediaFrame = frame

  val r: Rect = Rect.of(0, 0, 1, 1)
  val rv: Int = r.x + r.y + r.width + r.height + r.right + r.bottom
  val pl: PlaneLayout = PlaneLayout.of(0, 4)
  val plv: Int = pl.offset + pl.stride
  val p: String? = cs.primaries
  val t: String? = cs.transfer
  val m: String? = cs.matrix
  val fr: Boolean? = cs.fullRange
  val spaces: List<VideoColorSpace> = listOf(VideoColorSpace.SRGB, VideoColorSpace.BT709, VideoColorSpace.UNKNOWN,
    VideoColorSpace.of("bt709", null, null, false))

  val vf: VideoPixelFormat = VideoPixelFormat.fromWebName("I420")
  val vfv: Int = vf.planeCount + vf.getBytesPerSample(0) + vf.getHorizontalSubsampling(1) +
    vf.getVerticalSubsampling(1) + vf.rowBytes(0, 4) + vf.rows(1, 3) + vf.frameBytes(4, 2)
  val rgb: Boolean = vf.isRgb || vf.isSubsampled

  val af: AudioSampleFormat? = audio.format
  val rate: Float = audio.sampleRate
  val frames: Int = audio.numberOfFrames
  val channels: Int = audio.numberOfChannels
  val aduration: Long = audio.duration
  val aopts: AudioDataCopyToOptions = AudioDataCopyToOptions.builder()
    .planeIndex(0).frameOffset(0).frameCount(10).format(AudioSampleFormat.F32_PLANAR).build()
  val aoptv: Int = aopts.planeIndex + aopts.frameOffset + (aopts.frameCount ?: 0)
  val aoptf: AudioSampleFormat? = aopts.format
  val asize: Int = audio.allocationSize(AudioDataCopyToOptions.plane(0))
  audio.copyTo(ByteBuffer.allocate(asize), aopts)
  val aclone: AudioData = audio.clone()
  val sf: AudioSampleFormat = AudioSampleFormat.fromWebName("f32-planar")
  val sfv: Int = sf.bytesPerSample
  val sfp: Boolean = sf.isPlanar
  val sfn: String = sf.webName

  val out: VideoFrame = allocator.allocateVideoFrame(VideoPixelFormat.RGBA, 2, 2, 0L)
  val aout: AudioData = allocator.allocateAudioData(AudioSampleFormat.F32_PLANAR, 1, 480, 48000f, 0L)
  controller.enqueue(out)
  controller.error(IllegalStateException("boom"))
  val alloc: FrameAllocator = controller.allocator

  val schema: SettingsSchema = SettingsSchema.empty()
  val fields: List<SettingField> = schema.fields
  val settings: Settings = schema.defaults
  val resolved: Settings = schema.resolve(mapOf("a" to 1))
  val map: Map<String, Any> = settings.asMap()
  val d: Double = settings.getDouble("a")
  val i: Int = settings.getInt("a")
  val b: Boolean = settings.getBoolean("a")
  val s: String = settings.getString("a")
  val c: Int = settings.getColor("a")
  val field: SettingField = schema.getField("a")
  val fk: String = field.key
  val flabel: String = field.label
  val fdesc: String = field.description
  val ftype: SettingType = field.type
  val fdef: Any = field.defaultValue
  val fnum: Double = field.min + field.max + field.step
  val fchoices: List<String> = field.choices
  val coerced: Any = field.coerce("1")

  val transform: FrameTransform<VideoFrame> = FrameTransform { f, ctl -> ctl.enqueue(f) }
  transform.start(controller)
  transform.transform(frame, controller)
  transform.flush(controller)
  transform.onSettingsChanged(settings)
}
