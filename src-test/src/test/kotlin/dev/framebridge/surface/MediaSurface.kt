@file:Suppress("unused", "UNUSED_VARIABLE")

package dev.framebridge.surface

import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.FrameBuffer
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.spi.media.PlaneLayout
import dev.framebridge.spi.media.Rect
import dev.framebridge.spi.media.VideoColorSpace
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.transform.FrameAllocator
import java.nio.ByteBuffer

/** Compile-only: touches every public symbol of dev.framebridge.sdk.media with explicit types. Never run. */
fun mediaSurface(pixels: ByteBuffer, samples: FloatArray) {
  val buffer: FrameBuffer = FrameBuffer.allocate(32)
  val wrapped: FrameBuffer = FrameBuffer.wrap(ByteBuffer.allocateDirect(32)) { println("slot returned") }
  val unowned: FrameBuffer = FrameBuffer.wrap(ByteBuffer.allocate(8), null)
  val memory: ByteBuffer = buffer.memory
  val capacity: Int = buffer.capacity
  val writable: Boolean = buffer.isWritable
  val retained: FrameBuffer = buffer.retain()
  buffer.release()
  val refs: Int = buffer.refCount
  val tagged: FrameBuffer = wrapped.withTag("slot-3")
  val tag: Any? = wrapped.tag

  val init: VideoFrameInit = VideoFrameInit.builder()
    .format(VideoPixelFormat.I420)
    .codedWidth(4)
    .codedHeight(2)
    .timestamp(10L)
    .duration(null)
    .visibleRect(Rect.of(0, 0, 4, 2))
    .displayWidth(4)
    .displayHeight(2)
    .layout(listOf(PlaneLayout.of(0, 4), PlaneLayout.of(8, 2), PlaneLayout.of(10, 2)))
    .colorSpace(VideoColorSpace.BT709)
    .build()
  val short: VideoFrameInit = VideoFrameInit.of(VideoPixelFormat.RGBA, 2, 2, 0L)
  val format: VideoPixelFormat? = init.format
  val codedWidth: Int? = init.codedWidth
  val codedHeight: Int? = init.codedHeight
  val timestamp: Long? = init.timestamp
  val duration: Long? = init.duration
  val visible: Rect? = init.visibleRect
  val displayWidth: Int? = init.displayWidth
  val displayHeight: Int? = init.displayHeight
  val layout: List<PlaneLayout>? = init.layout
  val colorSpace: VideoColorSpace? = init.colorSpace

  val copied: VideoFrame = MediaFrames.createVideoFrame(pixels, init)
  val inPlace: VideoFrame = MediaFrames.wrapVideoFrame(buffer, short)
  val derived: VideoFrame = MediaFrames.createVideoFrame(copied, VideoFrameInit.builder().timestamp(20L).build())
  copied.use { frame: VideoFrame -> val y: ByteBuffer = frame.getPlane(0) }

  val audioInit: AudioDataInit = AudioDataInit.builder()
    .format(AudioSampleFormat.F32_PLANAR)
    .sampleRate(48000f)
    .numberOfFrames(480)
    .numberOfChannels(2)
    .timestamp(0L)
    .data(samples)
    .build()
  val fromShorts: AudioDataInit = AudioDataInit.builder().data(ShortArray(4)).data(IntArray(4)).data(ByteArray(4))
    .data(null as ByteBuffer?).build()
  val audioFormat: AudioSampleFormat? = audioInit.format
  val rate: Float? = audioInit.sampleRate
  val frames: Int? = audioInit.numberOfFrames
  val channels: Int? = audioInit.numberOfChannels
  val audioTimestamp: Long? = audioInit.timestamp
  val data: ByteBuffer? = audioInit.data
  val audio: AudioData = MediaFrames.createAudioData(audioInit)
  val wrappedAudio: AudioData =
    MediaFrames.wrapAudioData(FrameBuffer.allocate(3840), AudioSampleFormat.F32_PLANAR, 48000f, 480, 2, 0L)

  val backing: FrameBuffer? = MediaFrames.getBuffer(inPlace)
  val audioBacking: FrameBuffer? = MediaFrames.getBuffer(audio)
  val offset: Int = MediaFrames.getPlaneOffset(inPlace, 0)
  val allocator: FrameAllocator = MediaFrames.heapAllocator()
  val openFrames: Long = MediaFrames.getOpenFrameCount()
  val liveBuffers: Long = MediaFrames.getLiveBufferCount()
  val audioBytes: Int = MediaFrames.getAudioBytes(audio)
  val planesCopy: java.nio.ByteBuffer = java.nio.ByteBuffer.allocate(audioBytes)
  MediaFrames.copyAudioPlanes(audio, planesCopy)
}
