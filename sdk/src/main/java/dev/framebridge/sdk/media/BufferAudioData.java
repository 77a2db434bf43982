package dev.framebridge.sdk.media;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioDataCopyToOptions;
import dev.framebridge.spi.media.AudioSampleFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AudioData} viewing a {@link FrameBuffer}: interleaved formats have one plane of frames x channels
 * samples, planar ones one plane of frames samples per channel, one after another.
 */
final class BufferAudioData implements AudioData {
  private static final Logger LOG = LoggerFactory.getLogger(BufferAudioData.class);
  private static final AtomicIntegerFieldUpdater<BufferAudioData> CLOSED =
      AtomicIntegerFieldUpdater.newUpdater(BufferAudioData.class, "closed");

  private final FrameBuffer buffer;
  private final ByteBuffer base;
  private final boolean writable;
  private final AudioSampleFormat format;
  private final float sampleRate;
  private final int numberOfFrames;
  private final int numberOfChannels;
  private final long timestamp;
  private final long duration;
  private final @Nullable ByteBuffer[] planeViews;
  private volatile int closed;

  BufferAudioData(FrameBuffer buffer, @Nullable ByteBuffer base, boolean writable, AudioSampleFormat format,
      float sampleRate, int numberOfFrames, int numberOfChannels, long timestamp) {
    this.buffer = buffer;
    this.writable = writable;
    if (base == null) {
      ByteBuffer m = buffer.getMemory();
      base = (writable ? m : m.asReadOnlyBuffer()).order(ByteOrder.LITTLE_ENDIAN);
    }
    this.base = base;
    this.format = format;
    this.sampleRate = sampleRate;
    this.numberOfFrames = numberOfFrames;
    this.numberOfChannels = numberOfChannels;
    this.timestamp = timestamp;
    this.duration = (long) (numberOfFrames * 1_000_000.0 / sampleRate);
    this.planeViews = new ByteBuffer[format.isPlanar() ? numberOfChannels : 1];
    MediaFrames.OPEN_FRAMES.increment();
  }

  FrameBuffer getBuffer() {
    return buffer;
  }

  /** Bytes of a chunk of this shape. */
  static long byteSize(AudioSampleFormat format, int frames, int channels) {
    return (long) format.getBytesPerSample() * frames * channels;
  }

  @Override
  public @Nullable AudioSampleFormat getFormat() {
    return isClosed() ? null : format;
  }

  @Override
  public float getSampleRate() {
    return isClosed() ? 0 : sampleRate;
  }

  @Override
  public int getNumberOfFrames() {
    return isClosed() ? 0 : numberOfFrames;
  }

  @Override
  public int getNumberOfChannels() {
    return isClosed() ? 0 : numberOfChannels;
  }

  @Override
  public long getDuration() {
    return duration;
  }

  @Override
  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public int getPlaneCount() {
    return isClosed() ? 0 : planeViews.length;
  }

  @Override
  public ByteBuffer getPlane(int index) {
    checkOpen("getPlane");
    if (index < 0 || index >= planeViews.length) {
      throw new IndexOutOfBoundsException(
          "plane " + index + " of " + format.getWebName() + " audio with " + planeViews.length + " planes");
    }
    ByteBuffer view = planeViews[index];
    if (view == null) {
      int planeBytes = (int) byteSize(format, numberOfFrames, format.isPlanar() ? 1 : numberOfChannels);
      view = base.slice(index * planeBytes, planeBytes).order(ByteOrder.LITTLE_ENDIAN);
      planeViews[index] = view;
    }
    view.clear();
    return view;
  }

  @Override
  public boolean isWritable() {
    return writable;
  }

  @Override
  public boolean isClosed() {
    return closed != 0;
  }

  /** WebCodecs' "compute copy element count", checking the plane index and frame range. */
  private int copyElementCount(AudioDataCopyToOptions options, AudioSampleFormat destFormat) {
    int plane = options.getPlaneIndex();
    if (!destFormat.isPlanar() && plane > 0) {
      throw new IndexOutOfBoundsException(
          "plane " + plane + " of interleaved " + destFormat.getWebName() + ": interleaved data has only plane 0");
    }
    if (plane < 0 || (destFormat.isPlanar() && plane >= numberOfChannels)) {
      throw new IndexOutOfBoundsException("plane " + plane + " of " + numberOfChannels + "-channel audio");
    }
    int offset = options.getFrameOffset();
    if (offset < 0 || offset >= numberOfFrames) {
      throw new IndexOutOfBoundsException("frameOffset " + offset + " of " + numberOfFrames + " frames");
    }
    int count = numberOfFrames - offset;
    Integer wanted = options.getFrameCount();
    if (wanted != null) {
      if (wanted < 0 || wanted > count) {
        throw new IndexOutOfBoundsException(
            "frameCount " + wanted + " from frameOffset " + offset + " of " + numberOfFrames + " frames");
      }
      count = wanted;
    }
    return destFormat.isPlanar() ? count : count * numberOfChannels;
  }

  @Override
  public int allocationSize(AudioDataCopyToOptions options) {
    checkOpen("allocationSize");
    AudioSampleFormat dest = options.getFormat() != null ? options.getFormat() : format;
    return copyElementCount(options, dest) * dest.getBytesPerSample();
  }

  @Override
  public void copyTo(ByteBuffer destination, AudioDataCopyToOptions options) {
    checkOpen("copyTo");
    AudioSampleFormat dest = options.getFormat() != null ? options.getFormat() : format;
    int elements = copyElementCount(options, dest);
    int destBps = dest.getBytesPerSample();
    if ((long) elements * destBps > destination.limit()) {
      throw new IllegalArgumentException(
          "copyTo destination holds " + destination.limit() + " bytes but needs " + (long) elements * destBps);
    }
    int srcBps = format.getBytesPerSample();
    int offset = options.getFrameOffset();
    int plane = options.getPlaneIndex();
    if (dest == format) {
      // Same layout: the selected samples are contiguous in the source.
      int first = format.isPlanar() ? plane * numberOfFrames + offset : offset * numberOfChannels;
      destination.put(0, base, first * srcBps, elements * srcBps);
      return;
    }
    for (int i = 0; i < elements; i++) {
      int frame = dest.isPlanar() ? offset + i : offset + i / numberOfChannels;
      int channel = dest.isPlanar() ? plane : i % numberOfChannels;
      int src = (format.isPlanar() ? channel * numberOfFrames + frame : frame * numberOfChannels + channel) * srcBps;
      SampleConversion.write(destination, dest, i * destBps, SampleConversion.read(base, format, src));
    }
  }

  @Override
  public AudioData clone() {
    checkOpen("clone");
    return new BufferAudioData(buffer.retain(), base, writable, format, sampleRate, numberOfFrames,
        numberOfChannels, timestamp);
  }

  @Override
  public void close() {
    if (!CLOSED.compareAndSet(this, 0, 1)) {
      return;
    }
    MediaFrames.OPEN_FRAMES.decrement();
    try {
      buffer.release();
    } catch (RuntimeException e) {
      LOG.warn("releasing the memory of a closed AudioData failed", e);
    }
  }

  private void checkOpen(String what) {
    if (isClosed()) {
      throw new IllegalStateException(what + " on a closed AudioData");
    }
  }

  @Override
  public String toString() {
    return isClosed()
        ? "AudioData(closed, ts=" + timestamp + ")"
        : "AudioData(" + format.getWebName() + " " + numberOfChannels + "ch x " + numberOfFrames + " @ "
            + sampleRate + " Hz, ts=" + timestamp + ")";
  }
}
