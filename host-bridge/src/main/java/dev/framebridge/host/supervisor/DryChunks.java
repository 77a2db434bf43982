package dev.framebridge.host.supervisor;

import dev.framebridge.sdk.media.AudioDataInit;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The last input chunks of an audio slot, copied into heap buffers the store owns (not clones: an input chunk may live
 * in an upstream worker's shared-memory slot, which a clone would pin). When a serving worker's output skips chunks
 * (its processor dropped them while it stalled, say), the supervisor fills the gap with these unprocessed chunks, so
 * the audio track stays continuous: a stall costs a few milliseconds of dry signal, not a hole. Steady state
 * allocates no buffers (each slot's is reused); only a fill makes new chunks. Thread-safe.
 */
public final class DryChunks {
  private final int capacity;
  private final long[] timestampUs;
  private final AudioSampleFormat[] format;
  private final int[] channels;
  private final int[] frames;
  private final float[] sampleRate;
  private final ByteBuffer[] data;
  private int oldest;
  private int count;
  private long filled;

  /** A store of the last {@code capacity} chunks. */
  public DryChunks(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
    this.timestampUs = new long[capacity];
    this.format = new AudioSampleFormat[capacity];
    this.channels = new int[capacity];
    this.frames = new int[capacity];
    this.sampleRate = new float[capacity];
    this.data = new ByteBuffer[capacity];
  }

  /** Keeps a copy of {@code chunk} (the caller keeps the chunk), evicting the oldest when full. */
  public synchronized void add(AudioData chunk) {
    AudioSampleFormat f = chunk.getFormat();
    if (f == null) {
      return; // closed: nothing to keep
    }
    int i = (oldest + count) % capacity;
    if (count == capacity) {
      oldest = (oldest + 1) % capacity;
    } else {
      count++;
    }
    int bytes = MediaFrames.getAudioBytes(chunk);
    ByteBuffer b = data[i];
    if (b == null || b.capacity() < bytes) {
      b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
      data[i] = b;
    }
    b.clear();
    MediaFrames.copyAudioPlanes(chunk, b);
    b.flip();
    timestampUs[i] = chunk.getTimestamp();
    format[i] = f;
    channels[i] = chunk.getNumberOfChannels();
    frames[i] = chunk.getNumberOfFrames();
    sampleRate[i] = chunk.getSampleRate();
  }

  /**
   * New chunks (the caller owns them), oldest first, for every kept chunk with {@code afterUs < timestamp < beforeUs}:
   * what fills a gap between the last chunk delivered and the worker's next one.
   */
  public synchronized List<AudioData> between(long afterUs, long beforeUs) {
    List<AudioData> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int i = (oldest + k) % capacity;
      long ts = timestampUs[i];
      if (ts > afterUs && ts < beforeUs) {
        ByteBuffer copy = ByteBuffer.allocate(data[i].remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(data[i].duplicate()).flip();
        out.add(MediaFrames.createAudioData(AudioDataInit.builder().format(format[i]).sampleRate(sampleRate[i])
            .numberOfFrames(frames[i]).numberOfChannels(channels[i]).timestamp(ts).data(copy).build()));
      }
    }
    filled += out.size();
    return out;
  }

  /** Whether {@code timestampUs} follows {@code previousUs} with a chunk or more missing in between. */
  public static boolean isGap(long previousUs, long timestampUs, long chunkDurationUs) {
    return previousUs != Long.MIN_VALUE && chunkDurationUs > 0
        && timestampUs - previousUs > chunkDurationUs + chunkDurationUs / 2;
  }

  /** Chunks handed out to fill gaps so far. */
  public synchronized long getFilled() {
    return filled;
  }
}
