package dev.framebridge.sdk.transport.channel;

import java.nio.file.Path;

/**
 * Byte layout of a channel's control file {@code <channel>.ctl}: one 4 KiB page, little-endian, written by the one
 * publisher and read by every subscriber. It holds the track's state; the pixels live in the ring file of the
 * current {@link RingDescriptor generation}.
 *
 * <pre>
 *   0       4       8       12      16              24              32
 *   +-------+-------+-------+-------+---------------+---------------+
 *   | magic |version| kind  |slots  | publisherPid  |heartbeatNanos |   magic is the ready signal: written last,
 *   +-------+-------+-------+-------+---------------+---------------+   with release, when the page is complete
 *  32               40              48              56
 *   +---------------+---------------+---------------+---------------+
 *   |ringGeneration |ringFirstSeq   |publishedSeq   |endedAfterSeq  |   release: written after what they announce
 *   +---------------+---------------+---------------+---------------+
 *  64               72      76      80                           1104
 *   +---------------+-------+-------+------------------------------+
 *   | stateVersion  | muted |setLen | settings (UTF-8, <= 1024)    |   stateVersion is a seqlock over 72..1104:
 *   +---------------+-------+-------+------------------------------+   odd while the publisher writes
 * </pre>
 *
 * <ul>
 *   <li>{@code kind}: 0 video, 1 audio. {@code slots}: slots per ring generation.
 *   <li>{@code publisherPid}: 0 until a publisher attaches. {@code heartbeatNanos}: the publisher's
 *       {@link System#nanoTime()} (CLOCK_MONOTONIC, shared by processes on Linux), refreshed every
 *       {@link #HEARTBEAT_INTERVAL_NS}; older than {@link #HEARTBEAT_TIMEOUT_NS} means the publisher is gone.
 *   <li>{@code ringGeneration}: 0 before the first frame; the ring file is {@code <channel>.<generation>.ring}. A new
 *       generation starts when a frame no longer fits (a resolution change); its first sequence is ringFirstSeq.
 *   <li>{@code publishedSeq}: the last committed frame sequence (frames count from 1; 0 = none yet).
 *   <li>{@code endedAfterSeq}: -1 while live; else the track ended after that sequence.
 * </ul>
 */
public final class ChannelDescriptor {
  /** "FBCH", little-endian. */
  public static final int MAGIC = 0x48434246;
  public static final int VERSION = 1;
  public static final int LENGTH = 4096;

  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 4;
  public static final int KIND_OFFSET = 8;
  public static final int SLOT_COUNT_OFFSET = 12;
  public static final int PUBLISHER_PID_OFFSET = 16;
  public static final int HEARTBEAT_NANOS_OFFSET = 24;
  public static final int RING_GENERATION_OFFSET = 32;
  public static final int RING_FIRST_SEQUENCE_OFFSET = 40;
  public static final int PUBLISHED_SEQUENCE_OFFSET = 48;
  public static final int ENDED_AFTER_SEQUENCE_OFFSET = 56;
  public static final int STATE_VERSION_OFFSET = 64;
  public static final int MUTED_OFFSET = 72;
  public static final int SETTINGS_LENGTH_OFFSET = 76;
  public static final int SETTINGS_OFFSET = 80;
  public static final int SETTINGS_MAX_BYTES = 1024;

  /** {@code endedAfterSeq} of a live track. */
  public static final long LIVE = -1;
  public static final long HEARTBEAT_INTERVAL_NS = 100_000_000L;
  public static final long HEARTBEAT_TIMEOUT_NS = 1_000_000_000L;

  private ChannelDescriptor() {}

  /** The control file of channel {@code name} in {@code directory}. */
  public static Path controlFile(Path directory, String name) {
    return directory.resolve(name + ".ctl");
  }

  /** The ring file of one generation. */
  public static Path ringFile(Path directory, String name, long generation) {
    return directory.resolve(name + "." + generation + ".ring");
  }

  /** Writes a fresh page; the magic goes last, with release. */
  static void initialize(MappedRegion region, int kind, int slotCount) {
    region.putInt(VERSION_OFFSET, VERSION);
    region.putInt(KIND_OFFSET, kind);
    region.putInt(SLOT_COUNT_OFFSET, slotCount);
    region.putLong(PUBLISHER_PID_OFFSET, 0);
    region.putLong(HEARTBEAT_NANOS_OFFSET, 0);
    region.putLong(RING_GENERATION_OFFSET, 0);
    region.putLong(RING_FIRST_SEQUENCE_OFFSET, 1);
    region.putLong(PUBLISHED_SEQUENCE_OFFSET, 0);
    region.putLong(ENDED_AFTER_SEQUENCE_OFFSET, LIVE);
    region.putLong(STATE_VERSION_OFFSET, 0);
    region.putInt(MUTED_OFFSET, 0);
    region.putInt(SETTINGS_LENGTH_OFFSET, 0);
    region.putIntRelease(MAGIC_OFFSET, MAGIC);
  }

  /**
   * Changes the state block under its seqlock: {@code muted} 0/1 (or -1 to keep it), {@code settings} (or null to
   * keep them). One writer only.
   */
  static void writeState(MappedRegion region, int muted, byte @org.jspecify.annotations.Nullable [] settings) {
    long v = region.getLong(STATE_VERSION_OFFSET);
    region.putLongVolatile(STATE_VERSION_OFFSET, v + 1);
    if (muted >= 0) {
      region.putInt(MUTED_OFFSET, muted);
    }
    if (settings != null) {
      java.nio.ByteBuffer b = region.buffer();
      for (int i = 0; i < settings.length; i++) {
        b.put(SETTINGS_OFFSET + i, settings[i]);
      }
      region.putInt(SETTINGS_LENGTH_OFFSET, settings.length);
    }
    region.putLongRelease(STATE_VERSION_OFFSET, v + 2);
  }

  /** Reads the settings text consistently under the state seqlock. */
  static String readSettings(MappedRegion region) {
    java.nio.ByteBuffer b = region.buffer();
    while (true) {
      long v1 = region.getLongAcquire(STATE_VERSION_OFFSET);
      if ((v1 & 1) != 0) {
        Thread.onSpinWait();
        continue;
      }
      int length = region.getInt(SETTINGS_LENGTH_OFFSET);
      if (length < 0 || length > SETTINGS_MAX_BYTES) {
        throw new SharedDataException(region.getFile(), "settings length " + length);
      }
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        bytes[i] = b.get(SETTINGS_OFFSET + i);
      }
      java.lang.invoke.VarHandle.acquireFence();
      if (region.getLongVolatile(STATE_VERSION_OFFSET) == v1) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Checks a page written by someone else.
   *
   * @return false if it is not ready yet (magic still 0)
   * @throws SharedDataException for a wrong magic, version, kind or slot count
   */
  static boolean validate(MappedRegion region) {
    Path file = region.getFile();
    if (region.getLength() < LENGTH) {
      throw new SharedDataException(file, "control file is " + region.getLength() + " bytes, expected " + LENGTH);
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
    int kind = region.getInt(KIND_OFFSET);
    if (kind != 0 && kind != 1) {
      throw new SharedDataException(file, "unknown track kind code " + kind);
    }
    int slots = region.getInt(SLOT_COUNT_OFFSET);
    if (slots < 2 || slots > RingDescriptor.MAX_SLOTS) {
      throw new SharedDataException(file, "slot count " + slots + " outside 2.." + RingDescriptor.MAX_SLOTS);
    }
    return true;
  }
}
