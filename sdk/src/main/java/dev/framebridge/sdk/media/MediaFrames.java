package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link VideoFrame}s and {@link AudioData} the way WebCodecs' constructors do, or in place over a
 * {@link FrameBuffer}, and counts live frames and buffers so leaks show up in tests.
 *
 * <p>Every construction error is an {@link IllegalArgumentException} naming the field at fault.
 */
public final class MediaFrames {
  static final LongAdder OPEN_FRAMES = new LongAdder();
  static final LongAdder LIVE_BUFFERS = new LongAdder();

  private MediaFrames() {}

  /**
   * WebCodecs' {@code new VideoFrame(data, init)}: copies the bytes from {@code data}'s position on (its position is
   * left unchanged), laid out as {@code init.layout} says or tightly packed, into a new read-only frame.
   *
   * @throws IllegalArgumentException for a missing or invalid field, or data too small for the layout
   */
  public static VideoFrame createVideoFrame(ByteBuffer data, VideoFrameInit init) {
    return VideoFrameConstruction.copyOf(data, init);
  }

  /**
   * A frame over {@code buffer} without copying; it takes over one reference of the buffer, released when the frame
   * closes, or at once if this throws. The frame is writable if the buffer is.
   *
   * @throws IllegalArgumentException for a missing or invalid field, or a buffer too small for the layout
   */
  public static VideoFrame wrapVideoFrame(FrameBuffer buffer, VideoFrameInit init) {
    return VideoFrameConstruction.wrap(buffer, init);
  }

  /**
   * WebCodecs' {@code new VideoFrame(frame, init)}: shares {@code source}'s memory and copies its format, sizes,
   * timestamp, duration and colour space; {@code overrides} may set timestamp, duration, visibleRect and display size.
   *
   * @throws IllegalStateException if {@code source} is closed
   * @throws IllegalArgumentException for an invalid override, or one of format, coded size or layout
   */
  public static VideoFrame createVideoFrame(VideoFrame source, VideoFrameInit overrides) {
    return VideoFrameConstruction.fromFrame(source, overrides);
  }

  /**
   * WebCodecs' {@code new AudioData(init)}: copies the samples into a new read-only chunk.
   *
   * @throws IllegalArgumentException for a missing field, a non-positive count or rate, or data too small
   */
  public static AudioData createAudioData(AudioDataInit init) {
    return AudioDataConstruction.copyOf(init);
  }

  /**
   * Audio over {@code buffer} without copying; takes over one reference like {@link #wrapVideoFrame}.
   *
   * @throws IllegalArgumentException for a non-positive count or rate, or a buffer too small
   */
  public static AudioData wrapAudioData(FrameBuffer buffer, AudioSampleFormat format, float sampleRate,
      int numberOfFrames, int numberOfChannels, long timestampUs) {
    return AudioDataConstruction.wrap(buffer, format, sampleRate, numberOfFrames, numberOfChannels, timestampUs);
  }

  /**
   * The {@link FrameBuffer} an open frame made here views (not retained: valid while the frame is open), or null for
   * a closed frame or another implementation. Lets a transport recognise its own slots by their tag.
   */
  public static @Nullable FrameBuffer getBuffer(MediaFrame frame) {
    if (frame.isClosed()) {
      return null;
    }
    if (frame instanceof BufferVideoFrame) {
      return ((BufferVideoFrame) frame).getBuffer();
    }
    if (frame instanceof BufferAudioData) {
      return ((BufferAudioData) frame).getBuffer();
    }
    return null;
  }

  /**
   * The byte offset of plane {@code index} of an open frame made here within its {@link #getBuffer buffer}; with
   * {@link VideoFrame#getPlaneStride} it says where the pixels lie.
   *
   * @throws IllegalArgumentException for a frame of another implementation
   * @throws IllegalStateException if the frame is closed
   * @throws IndexOutOfBoundsException if {@code index} is not a plane of the frame
   */
  public static int getPlaneOffset(VideoFrame frame, int index) {
    if (!(frame instanceof BufferVideoFrame)) {
      throw new IllegalArgumentException("not a frame of dev.framebridge.sdk.media: " + frame.getClass().getName());
    }
    return ((BufferVideoFrame) frame).getPlaneOffset(index);
  }

  /** Bytes {@link #copyAudioPlanes} writes for {@code chunk}: every plane, tightly packed. */
  public static int getAudioBytes(dev.framebridge.spi.media.AudioData chunk) {
    int bytes = 0;
    for (int p = 0; p < audioPlanes(chunk); p++) {
      bytes += chunk.allocationSize(planeOptions(p));
    }
    return bytes;
  }

  /**
   * Copies every plane of {@code chunk}, in order, into {@code destination} from its position (which advances), the
   * layout {@code AudioDataInit.data} takes back.
   *
   * @throws IllegalStateException if the chunk is closed
   */
  public static void copyAudioPlanes(dev.framebridge.spi.media.AudioData chunk, java.nio.ByteBuffer destination) {
    for (int p = 0; p < audioPlanes(chunk); p++) {
      dev.framebridge.spi.media.AudioDataCopyToOptions plane = planeOptions(p);
      int size = chunk.allocationSize(plane);
      chunk.copyTo(destination.slice(destination.position(), size), plane);
      destination.position(destination.position() + size);
    }
  }

  // options are immutable: keep the common planes' so copying a chunk allocates nothing
  private static final dev.framebridge.spi.media.AudioDataCopyToOptions[] PLANE_OPTIONS =
      new dev.framebridge.spi.media.AudioDataCopyToOptions[8];

  static {
    for (int p = 0; p < PLANE_OPTIONS.length; p++) {
      PLANE_OPTIONS[p] = dev.framebridge.spi.media.AudioDataCopyToOptions.plane(p);
    }
  }

  private static dev.framebridge.spi.media.AudioDataCopyToOptions planeOptions(int p) {
    return p < PLANE_OPTIONS.length ? PLANE_OPTIONS[p] : dev.framebridge.spi.media.AudioDataCopyToOptions.plane(p);
  }

  private static int audioPlanes(dev.framebridge.spi.media.AudioData chunk) {
    dev.framebridge.spi.media.AudioSampleFormat f = chunk.getFormat();
    if (f == null) {
      throw new IllegalStateException("the AudioData is closed");
    }
    return f.isPlanar() ? chunk.getNumberOfChannels() : 1;
  }

  /** A {@link FrameAllocator} over fresh direct memory; its frames are writable. */
  public static FrameAllocator heapAllocator() {
    return HeapFrameAllocator.INSTANCE;
  }

  /** VideoFrame and AudioData objects (clones included) created and not yet closed, in this JVM. */
  public static long getOpenFrameCount() {
    return OPEN_FRAMES.sum();
  }

  /** FrameBuffers not yet fully released, in this JVM. */
  public static long getLiveBufferCount() {
    return LIVE_BUFFERS.sum();
  }
}
