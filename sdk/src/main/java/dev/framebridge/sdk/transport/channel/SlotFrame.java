package dev.framebridge.sdk.transport.channel;

import java.nio.ByteBuffer;

/**
 * One frame read in place from a slot: its descriptor fields and a read-only view of its bytes. While open it holds
 * a lease on the slot, which the publisher respects for {@link SlotDescriptor#LEASE_TIMEOUT_NS}; close it promptly.
 * {@link #isIntact()} re-checks the slot's sequence, so a reader can tell whether the bytes it used were overwritten.
 */
public final class SlotFrame implements AutoCloseable {
  private final ChannelSubscriber owner;
  private final MappedRegion ring;
  private final long slotOffset;
  private final long sequence;
  private final long timestampUs;
  private final long durationUs;
  private final long writeStartNanos;
  private final int formatCode;
  private final int width;
  private final int height;
  private final int displayWidth;
  private final int displayHeight;
  private final ByteBuffer data;
  private boolean closed;

  SlotFrame(ChannelSubscriber owner, MappedRegion ring, long slotOffset, long sequence, long timestampUs,
      long durationUs, long writeStartNanos, int formatCode, int width, int height, int displayWidth,
      int displayHeight, ByteBuffer data) {
    this.owner = owner;
    this.ring = ring;
    this.slotOffset = slotOffset;
    this.sequence = sequence;
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

  /** The publisher's frame sequence, from 1. */
  public long getSequence() {
    return sequence;
  }

  public long getTimestampUs() {
    return timestampUs;
  }

  /** Duration in microseconds, or {@link SlotDescriptor#NO_DURATION}. */
  public long getDurationUs() {
    return durationUs;
  }

  /** {@link System#nanoTime()} when the publisher began writing this frame. */
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
        == SlotDescriptor.committed(sequence);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Releases the lease (once); a frame overwritten while held is counted by the subscriber. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    boolean intact = isIntact();
    closed = true;
    ring.getAndAddInt(slotOffset + SlotDescriptor.LEASE_COUNT_OFFSET, -1);
    ring.release();
    owner.onFrameClosed(intact);
  }
}
