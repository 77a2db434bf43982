package dev.framebridge.sdk.transport.channel;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One frame read in place from a slot: its descriptor fields and a read-only view of its bytes. While open it holds
 * a lease on the slot holding the bytes, which the publisher respects for {@link SlotDescriptor#LEASE_TIMEOUT_NS};
 * close it promptly. {@link #isIntact()} re-checks that slot's sequence, so a reader can tell whether the bytes it
 * used were overwritten. For a forwarded frame the bytes live in another channel's ring ({@link #getDataChannel()}).
 */
public final class SlotFrame implements AutoCloseable {
  private final ChannelSubscriber owner;
  private final MappedRegion ring;
  private final long slotOffset;
  private final long sequence;
  private final long dataSequence;
  private final String dataChannel;
  private final long dataGeneration;
  private final int dataSlot;
  private final long timestampUs;
  private final long durationUs;
  private final long writeStartNanos;
  private final int formatCode;
  private final int width;
  private final int height;
  private final int displayWidth;
  private final int displayHeight;
  private final ByteBuffer data;
  private volatile boolean closed;

  SlotFrame(ChannelSubscriber owner, MappedRegion ring, long slotOffset, long sequence, long dataSequence,
      String dataChannel, long dataGeneration, int dataSlot, long timestampUs, long durationUs,
      long writeStartNanos, int formatCode, int width, int height, int displayWidth, int displayHeight,
      ByteBuffer data) {
    this.owner = owner;
    this.ring = ring;
    this.slotOffset = slotOffset;
    this.sequence = sequence;
    this.dataSequence = dataSequence;
    this.dataChannel = dataChannel;
    this.dataGeneration = dataGeneration;
    this.dataSlot = dataSlot;
    this.timestampUs = timestampUs;
    this.durationUs = durationUs;
    this.writeStartNanos = writeStartNanos;
    this.formatCode = formatCode;
    this.width = width;
    this.height = height;
    this.displayWidth = displayWidth;
    this.displayHeight = displayHeight;
    this.data = data;
  }

  /** The channel's frame sequence, from 1. */
  public long getSequence() {
    return sequence;
  }

  /** The directory of the channels. */
  public Path getDirectory() {
    return owner.getDirectory();
  }

  /** The channel whose ring holds the bytes: this channel's, or the one a forwarded frame refers to. */
  public String getDataChannel() {
    return dataChannel;
  }

  /** The ring generation holding the bytes. */
  public long getDataGeneration() {
    return dataGeneration;
  }

  /** The slot holding the bytes. */
  public int getDataSlot() {
    return dataSlot;
  }

  /** The sequence the slot holding the bytes must still show for them to be valid. */
  public long getDataSequence() {
    return dataSequence;
  }

  /** Whether the bytes live in another channel's ring (the frame was forwarded without a copy). */
  public boolean isForwarded() {
    return !dataChannel.equals(owner.getName());
  }

  public long getTimestampUs() {
    return timestampUs;
  }

  /** Duration in microseconds, or {@link SlotDescriptor#NO_DURATION}. */
  public long getDurationUs() {
    return durationUs;
  }

  /** {@link System#nanoTime()} when the first publisher began writing this frame's bytes. */
  public long getWriteStartNanos() {
    return writeStartNanos;
  }

  /** The VideoPixelFormat or AudioSampleFormat ordinal. */
  public int getFormatCode() {
    return formatCode;
  }

  /** Coded width (video) or channel count (audio). */
  public int getWidth() {
    return width;
  }

  /** Coded height (video) or frame count (audio). */
  public int getHeight() {
    return height;
  }

  public int getDisplayWidth() {
    return displayWidth;
  }

  public int getDisplayHeight() {
    return displayHeight;
  }

  /** Audio sample rate (stored in the display-width word). */
  public float getSampleRate() {
    return Float.intBitsToFloat(displayWidth);
  }

  public int getSizeBytes() {
    return data.capacity();
  }

  /** The frame's bytes in place: read-only, little-endian, position 0, limit the size. Valid until close. */
  public ByteBuffer getData() {
    if (closed) {
      throw new IllegalStateException("slot frame " + sequence + " is closed");
    }
    return data;
  }

  /** Whether the slot still holds this frame (the publisher has not overwritten it). */
  public boolean isIntact() {
    return !closed && ring.getLongAcquire(slotOffset + SlotDescriptor.COMMIT_WORD_OFFSET)
        == SlotDescriptor.committed(dataSequence);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Releases the lease (once); a frame overwritten while held is counted by the subscriber. */
  @Override
  public void close() {
    boolean intact;
    synchronized (this) {
      if (closed) {
        return;
      }
      intact = isIntact();
      closed = true;
    }
    SlotDescriptor.releaseRead(ring, slotOffset);
    ring.release();
    owner.onFrameClosed(intact);
  }
}
