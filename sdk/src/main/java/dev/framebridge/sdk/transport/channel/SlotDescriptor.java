package dev.framebridge.sdk.transport.channel;

/**
 * Byte layout of one slot's 128-byte header in a ring file; the frame's bytes follow at {@code dataOffset}.
 *
 * <pre>
 *   0               8               16              24              32
 *   +---------------+---------------+---------------+---------------+
 *   | commitWord    | timestampUs   | durationUs    |writeStartNanos|
 *   +---------------+---------------+---------------+---------------+
 *  32      36      40      44      48      52      56              64
 *   +-------+-------+-------+-------+-------+-------+---------------+
 *   |format | width |height | size  | dispW | dispH | dataOffset    |
 *   +-------+-------+-------+-------+-------+-------+---------------+
 *  64      68      72              80      84      88              96
 *   +-------+-------+---------------+-------+-------+---------------+
 *   |leases | pad   | leaseNanos    |refKind|refSlot| refSequence   |
 *   +-------+-------+---------------+-------+-------+---------------+
 *  96              104 105                                        128
 *   +---------------+---+-------------------------------------------+
 *   | refGeneration |len| refChannel (ASCII, up to 23 bytes)        |
 *   +---------------+---+-------------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>{@code commitWord} is a seqlock and the commit signal: {@code sequence << 1} once a frame is complete
 *       (written last, with release); the low bit is set while the publisher writes. A subscriber accepts a slot only
 *       when the word equals the sequence it wants, before and after reading, so a half-written or overwritten frame
 *       is never delivered (a publisher killed mid-write leaves the low bit set for good).
 *   <li>Video: {@code format} is the {@code VideoPixelFormat} ordinal, width/height the coded size, dispW/dispH the
 *       display size. Audio: {@code format} is the {@code AudioSampleFormat} ordinal, width the channel count, height
 *       the frame count, dispW the sample rate's float bits.
 *   <li>{@code size}: bytes of the tightly packed frame at {@code dataOffset} (from the ring file's start).
 *   <li>{@code leases}/{@code leaseNanos}: subscribers reading the slot in place. The publisher skips a leased slot
 *       unless the lease is older than {@link #LEASE_TIMEOUT_NS} (a dead or stuck reader), so it never waits.
 *   <li>{@code refKind} 1 marks a forwarded frame: its bytes were not copied but stay in slot {@code refSlot} of
 *       ring {@code <refChannel>.<refGeneration>.ring} in the same directory, valid while that slot's commit word is
 *       {@code refSequence << 1}. A subscriber leases and checks that slot as it would its own; an expired reference
 *       is a dropped frame. {@code size}, format and sizes describe the referenced frame; dataOffset is unused.
 *   <li>{@code writeStartNanos}: {@link System#nanoTime()} when the publisher began the frame (latency measurement).
 * </ul>
 */
public final class SlotDescriptor {
  public static final int LENGTH = 128;

  public static final int COMMIT_WORD_OFFSET = 0;
  public static final int TIMESTAMP_US_OFFSET = 8;
  public static final int DURATION_US_OFFSET = 16;
  public static final int WRITE_START_NANOS_OFFSET = 24;
  public static final int FORMAT_OFFSET = 32;
  public static final int WIDTH_OFFSET = 36;
  public static final int HEIGHT_OFFSET = 40;
  public static final int SIZE_OFFSET = 44;
  public static final int DISPLAY_WIDTH_OFFSET = 48;
  public static final int DISPLAY_HEIGHT_OFFSET = 52;
  public static final int DATA_OFFSET_OFFSET = 56;
  public static final int LEASE_COUNT_OFFSET = 64;
  public static final int LEASE_NANOS_OFFSET = 72;
  public static final int REF_KIND_OFFSET = 80;
  public static final int REF_SLOT_OFFSET = 84;
  public static final int REF_SEQUENCE_OFFSET = 88;
  public static final int REF_GENERATION_OFFSET = 96;
  public static final int REF_CHANNEL_LENGTH_OFFSET = 104;
  public static final int REF_CHANNEL_OFFSET = 105;
  public static final int REF_CHANNEL_MAX_BYTES = 23;

  /** {@code refKind} of a frame held in its own slot. */
  public static final int INLINE = 0;
  /** {@code refKind} of a frame forwarded by reference to another ring's slot. */
  public static final int REFERENCE = 1;

  /** {@code durationUs} of a frame without a duration. */
  public static final long NO_DURATION = Long.MIN_VALUE;
  /** A lease older than this no longer protects its slot. */
  public static final long LEASE_TIMEOUT_NS = 2_000_000_000L;

  private SlotDescriptor() {}

  /** The commit word of a complete frame. */
  public static long committed(long sequence) {
    return sequence << 1;
  }

  /** The commit word while a frame is being written over {@code previousWord}. */
  public static long writing(long previousWord) {
    return previousWord | 1L;
  }

  static void initialize(MappedRegion region, long slot) {
    for (int i = 8; i < LENGTH; i += 8) {
      region.putLong(slot + i, 0);
    }
    region.putLong(slot + DATA_OFFSET_OFFSET, slot + LENGTH);
    region.putLongRelease(slot + COMMIT_WORD_OFFSET, 0);
  }
}
