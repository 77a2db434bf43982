package dev.framebridge.sdk.transport.channel;

import java.nio.file.Path;

/**
 * Byte layout of one ring generation {@code <channel>.<generation>.ring}: a 4 KiB header page, then
 * {@code slotCount} slots of {@code slotStride} bytes (page-aligned), each a {@link SlotDescriptor} header followed by
 * the frame's bytes. Every page is touched when the file is created, so no frame pays for a tmpfs page fault.
 *
 * <pre>
 *   0       4       8       12      16              24              32              40
 *   +-------+-------+-------+-------+---------------+---------------+---------------+
 *   | magic |version| slots |hdrLen | slotCapacity  | slotStride    | generation    |   magic: ready signal,
 *   +-------+-------+-------+-------+---------------+---------------+---------------+   written last (release)
 *  4096                     4096 + slotStride
 *   +-----------------------+-----------------------+-- ... --+
 *   | slot 0: header | data | slot 1: header | data |         |
 *   +-----------------------+-----------------------+-- ... --+
 * </pre>
 *
 * {@code hdrLen} is {@link SlotDescriptor#LENGTH}; {@code slotCapacity} the data bytes a slot holds (the current frame
 * size, rounded up to a page), so a ring is at most {@code slots} frames' worth plus one page per slot.
 */
public final class RingDescriptor {
  /** "FBRG", little-endian. */
  public static final int MAGIC = 0x47524246;
  public static final int VERSION = 1;
  public static final int HEADER_LENGTH = 4096;
  public static final int MAX_SLOTS = 64;
  public static final int PAGE = 4096;

  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 4;
  public static final int SLOT_COUNT_OFFSET = 8;
  public static final int SLOT_HEADER_LENGTH_OFFSET = 12;
  public static final int SLOT_CAPACITY_OFFSET = 16;
  public static final int SLOT_STRIDE_OFFSET = 24;
  public static final int GENERATION_OFFSET = 32;

  private RingDescriptor() {}

  /** Data bytes a slot gets for frames of {@code frameBytes}. */
  public static long slotCapacityFor(long frameBytes) {
    return roundUpToPage(Math.max(frameBytes, 1));
  }

  public static long slotStride(long slotCapacity) {
    return roundUpToPage(SlotDescriptor.LENGTH + slotCapacity);
  }

  public static long fileLength(int slotCount, long slotCapacity) {
    return HEADER_LENGTH + slotCount * slotStride(slotCapacity);
  }

  /** Offset of slot {@code index}'s header in the ring file. */
  public static long slotOffset(long slotStride, int index) {
    return HEADER_LENGTH + index * slotStride;
  }

  static long roundUpToPage(long bytes) {
    return (bytes + PAGE - 1) / PAGE * PAGE;
  }

  /**
   * Creates the ring file (0600, replacing a stale one), allocates and maps it, touches every page and initialises it.
   *
   * @throws java.io.IOException naming the file when the space is not there (a full {@code /dev/shm})
   */
  static MappedRegion create(java.nio.file.Path file, int slotCount, long slotCapacity, long generation)
      throws java.io.IOException {
    java.nio.file.Files.deleteIfExists(file);
    PrivateFiles.createFile(file);
    MappedRegion region = MappedRegion.allocate(file, fileLength(slotCount, slotCapacity));
    region.pretouchForWrite(); // the pages exist now; this faults them into our page table before the first frame
    initialize(region, slotCount, slotCapacity, generation);
    return region;
  }

  static void initialize(MappedRegion region, int slotCount, long slotCapacity, long generation) {
    long stride = slotStride(slotCapacity);
    region.putInt(VERSION_OFFSET, VERSION);
    region.putInt(SLOT_COUNT_OFFSET, slotCount);
    region.putInt(SLOT_HEADER_LENGTH_OFFSET, SlotDescriptor.LENGTH);
    region.putLong(SLOT_CAPACITY_OFFSET, slotCapacity);
    region.putLong(SLOT_STRIDE_OFFSET, stride);
    region.putLong(GENERATION_OFFSET, generation);
    for (int i = 0; i < slotCount; i++) {
      SlotDescriptor.initialize(region, slotOffset(stride, i));
    }
    region.putIntRelease(MAGIC_OFFSET, MAGIC);
  }

  /**
   * Checks a ring written by someone else against its own file ({@code expectedSlots} -1: any valid count).
   *
   * @return false if not ready yet
   * @throws SharedDataException if the header does not describe this file
   */
  static boolean validate(MappedRegion region, int expectedSlots, long expectedGeneration) {
    Path file = region.getFile();
    if (region.getLength() < HEADER_LENGTH) {
      throw new SharedDataException(file, "ring file is " + region.getLength() + " bytes, shorter than its header");
    }
    int magic = region.getIntAcquire(MAGIC_OFFSET);
    if (magic == 0) {
      return false;
    }
    if (magic != MAGIC) {
      throw new SharedDataException(file, String.format("wrong magic 0x%08x, expected 0x%08x", magic, MAGIC));
    }
    int version = region.getInt(VERSION_OFFSET);
    if (version != VERSION) {
      throw new SharedDataException(file, "wrong layout version " + version + ", this build reads " + VERSION);
    }
    int slots = region.getInt(SLOT_COUNT_OFFSET);
    if (expectedSlots < 0 ? slots < 2 || slots > MAX_SLOTS : slots != expectedSlots) {
      throw new SharedDataException(file, "ring has " + slots + " slots, the channel says " + expectedSlots);
    }
    if (region.getInt(SLOT_HEADER_LENGTH_OFFSET) != SlotDescriptor.LENGTH) {
      throw new SharedDataException(file, "slot header length " + region.getInt(SLOT_HEADER_LENGTH_OFFSET));
    }
    long capacity = region.getLong(SLOT_CAPACITY_OFFSET);
    long stride = region.getLong(SLOT_STRIDE_OFFSET);
    if (capacity <= 0 || stride != slotStride(capacity) || fileLength(slots, capacity) > region.getLength()) {
      throw new SharedDataException(file, "slot capacity " + capacity + " and stride " + stride + " for " + slots
          + " slots do not fit the file's " + region.getLength() + " bytes");
    }
    long generation = region.getLong(GENERATION_OFFSET);
    if (generation != expectedGeneration) {
      throw new SharedDataException(file, "ring generation " + generation + ", expected " + expectedGeneration);
    }
    return true;
  }
}
