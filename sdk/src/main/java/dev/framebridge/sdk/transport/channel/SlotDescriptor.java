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
 *   <li>{@code leases} is a per-slot reader/writer word: bit 31 is the publisher's write lock, bits 0-30 count the
 *       subscribers reading the slot in place; both sides change it only by compare-and-set, so a reader either holds
 *       the slot before the publisher takes it or sees it taken. {@code leaseNanos} is written before a reader counts
 *       itself in. The publisher skips a slot with readers unless the newest lease is older than
 *       {@link #LEASE_TIMEOUT_NS} (a dead or stuck reader), so it never waits; the commit word changes only when the
 *       publisher really rewrites a slot, so a reader's {@code isIntact} check is exact.
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

  /** The write-lock bit of the {@code leases} word. */
  public static final int WRITE_LOCK = 0x8000_0000;

  /** Counts a reader in, unless the publisher holds the write lock. */
  static boolean tryAcquireRead(MappedRegion r, long slot) {
    r.putLongVolatile(slot + LEASE_NANOS_OFFSET, System.nanoTime());
    while (true) {
      int v = r.getIntVolatile(slot + LEASE_COUNT_OFFSET);
      if ((v & WRITE_LOCK) != 0) {
        return false;
      }
      if (r.compareAndSetInt(slot + LEASE_COUNT_OFFSET, v, v + 1)) {
        return true;
      }
    }
  }

  static void releaseRead(MappedRegion r, long slot) {
    r.getAndAddInt(slot + LEASE_COUNT_OFFSET, -1);
  }

  /**
   * Takes the write lock, unless readers hold the slot with a lease fresher than {@link #LEASE_TIMEOUT_NS} (and
   * {@code respectLeases}).
   */
  static boolean tryAcquireWrite(MappedRegion r, long slot, long nowNs, boolean respectLeases) {
    while (true) {
      int v = r.getIntVolatile(slot + LEASE_COUNT_OFFSET);
      if (respectLeases && (v & ~WRITE_LOCK) > 0
          && nowNs - r.getLongVolatile(slot + LEASE_NANOS_OFFSET) < LEASE_TIMEOUT_NS) {
        return false;
      }
      if (r.compareAndSetInt(slot + LEASE_COUNT_OFFSET, v, v | WRITE_LOCK)) {
        return true;
      }
    }
  }

  static void releaseWrite(MappedRegion r, long slot) {
    while (true) {
      int v = r.getIntVolatile(slot + LEASE_COUNT_OFFSET);
      if (r.compareAndSetInt(slot + LEASE_COUNT_OFFSET, v, v & ~WRITE_LOCK)) {
        return;
      }
    }
  }

  /**
   * Checks a frame descriptor read from {@code file}: its bytes must lie inside its slot and match its format and size.
   *
   * @throws SharedDataException naming the file, the frame and what is wrong
   */
  static void check(java.nio.file.Path file, dev.framebridge.spi.TrackKind kind, long sequence, long at,
      long slotStride, long slotCapacity, long fileLength, int format, int width, int height, int size,
      long dataOffset) {
    if (dataOffset < at + LENGTH || dataOffset > fileLength || size < 0 || dataOffset + size > at + slotStride) {
      throw new SharedDataException(file, "frame " + sequence + " points outside its slot: data at " + dataOffset
          + " of " + size + " bytes, slot spans " + at + ".." + (at + slotStride) + ", file " + fileLength);
    }
    if (size > slotCapacity) {
      throw new SharedDataException(file, "frame " + sequence + " of " + size + " bytes exceeds the slot capacity "
          + slotCapacity);
    }
    long expectedSize;
    if (kind == dev.framebridge.spi.TrackKind.VIDEO) {
      dev.framebridge.spi.media.VideoPixelFormat[] formats = dev.framebridge.spi.media.VideoPixelFormat.values();
      if (format < 0 || format >= formats.length) {
        throw new SharedDataException(file, "frame " + sequence + " has unknown pixel format code " + format);
      }
      if (width <= 0 || height <= 0 || width > 1 << 15 || height > 1 << 15) {
        throw new SharedDataException(file, "frame " + sequence + " has size " + width + "x" + height);
      }
      expectedSize = formats[format].frameBytes(width, height);
    } else {
      dev.framebridge.spi.media.AudioSampleFormat[] formats = dev.framebridge.spi.media.AudioSampleFormat.values();
      if (format < 0 || format >= formats.length || width <= 0 || height <= 0) {
        throw new SharedDataException(file, "frame " + sequence + " has audio format " + format + ", "
            + width + " channels, " + height + " frames");
      }
      expectedSize = (long) formats[format].getBytesPerSample() * width * height;
    }
    if (expectedSize != size) {
      throw new SharedDataException(file, "frame " + sequence + " says " + size + " bytes but its format and size"
          + " need " + expectedSize);
    }
  }

  /** Marks the slot at {@code at} as a reference to slot {@code slot} of {@code channel}'s ring {@code generation}. */
  static void writeReference(MappedRegion r, long at, String channel, long generation, int slot, long sequence) {
    r.putInt(at + REF_KIND_OFFSET, REFERENCE);
    r.putInt(at + REF_SLOT_OFFSET, slot);
    r.putLong(at + REF_SEQUENCE_OFFSET, sequence);
    r.putLong(at + REF_GENERATION_OFFSET, generation);
    java.nio.ByteBuffer b = r.buffer();
    b.put((int) at + REF_CHANNEL_LENGTH_OFFSET, (byte) channel.length());
    for (int i = 0; i < channel.length(); i++) {
      b.put((int) at + REF_CHANNEL_OFFSET + i, (byte) channel.charAt(i));
    }
  }

  /** Writes a frame's descriptor fields (not the commit word); dataOffset points just past the header. */
  static void writeHeader(MappedRegion r, long at, long timestampUs, long durationUs, int format, int width,
      int height, int size, int displayWidth, int displayHeight) {
    r.putLong(at + TIMESTAMP_US_OFFSET, timestampUs);
    r.putLong(at + DURATION_US_OFFSET, durationUs);
    r.putInt(at + FORMAT_OFFSET, format);
    r.putInt(at + WIDTH_OFFSET, width);
    r.putInt(at + HEIGHT_OFFSET, height);
    r.putInt(at + SIZE_OFFSET, size);
    r.putInt(at + DISPLAY_WIDTH_OFFSET, displayWidth);
    r.putInt(at + DISPLAY_HEIGHT_OFFSET, displayHeight);
    r.putLong(at + DATA_OFFSET_OFFSET, at + LENGTH);
  }

  static void initialize(MappedRegion region, long slot) {
    for (int i = 8; i < LENGTH; i += 8) {
      region.putLong(slot + i, 0);
    }
    region.putLong(slot + DATA_OFFSET_OFFSET, slot + LENGTH);
    region.putLongRelease(slot + COMMIT_WORD_OFFSET, 0);
  }
}
