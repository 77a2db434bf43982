package dev.framebridge.sdk.transport.channel;

import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a channel. A frame is written once, straight into a claimed slot, and committed: {@link #claim}
 * returns a token, {@link #buffer} the slot's memory, {@code commitVideo}/{@code commitAudio} publish it.
 *
 * <p>Overwrite policy: the publisher never waits. It takes the next slot round-robin, skipping slots a subscriber
 * holds (a fresh lease); if every slot is held it takes the next one anyway, and the holder sees its frame as no
 * longer intact. A slow subscriber therefore loses the oldest frames and counts them as dropped. The writing
 * methods are synchronized, so claims (a plugin allocating output frames) and commits (the track's delivering
 * thread) may come from different threads.
 */
public final class ChannelPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelPublisher.class);

  private final Path directory;
  private final String name;
  private final TrackKind kind;
  private final int slotCount;
  private final MappedRegion control;
  private final boolean ownsControl;
  private final ClaimTable claims;
  private final long[] previousWord;
  private final ByteBuffer[] slotBuffers;
  private @Nullable MappedRegion ring;
  private long generation;
  private long slotCapacity;
  private long slotStride;
  private int nextSlot;
  private long sequence;
  private long framesPublished;
  private long leasesOverridden;
  private long framesForwarded;
  private volatile boolean closed;

  private ChannelPublisher(Path directory, String name, MappedRegion control, boolean ownsControl) {
    this.directory = directory;
    this.name = name;
    this.control = control;
    this.ownsControl = ownsControl;
    this.kind = control.getInt(ChannelDescriptor.KIND_OFFSET) == 0 ? TrackKind.VIDEO : TrackKind.AUDIO;
    this.slotCount = control.getInt(ChannelDescriptor.SLOT_COUNT_OFFSET);
    this.claims = new ClaimTable(slotCount);
    this.previousWord = new long[slotCount];
    this.slotBuffers = new ByteBuffer[slotCount];
    this.generation = control.getLong(ChannelDescriptor.RING_GENERATION_OFFSET);
    this.sequence = control.getLong(ChannelDescriptor.PUBLISHED_SEQUENCE_OFFSET);
  }

  /** Creates the control file of a channel nobody publishes yet (a host preparing a worker's output). */
  public static void prepare(Path directory, String name, TrackKind kind, int slotCount) throws IOException {
    if (slotCount < 2 || slotCount > RingDescriptor.MAX_SLOTS) {
      throw new IllegalArgumentException("slotCount " + slotCount + " outside 2.." + RingDescriptor.MAX_SLOTS);
    }
    Path file = PrivateFiles.createFile(ChannelDescriptor.controlFile(directory, name));
    try (MappedRegion region = MappedRegion.map(file, ChannelDescriptor.LENGTH)) {
      ChannelDescriptor.initialize(region, kind == TrackKind.VIDEO ? 0 : 1, slotCount);
    }
  }

  /** Creates a channel and becomes its publisher; closing deletes its files. */
  public static ChannelPublisher create(Path directory, String name, TrackKind kind, int slotCount)
      throws IOException {
    prepare(directory, name, kind, slotCount);
    return attach(directory, name, true);
  }

  /** Becomes the publisher of a prepared channel; closing ends the track and deletes the ring, not the control file. */
  public static ChannelPublisher attach(Path directory, String name) throws IOException {
    return attach(directory, name, false);
  }

  private static ChannelPublisher attach(Path directory, String name, boolean ownsControl) throws IOException {
    MappedRegion region = MappedRegion.mapExisting(ChannelDescriptor.controlFile(directory, name));
    try {
      if (!ChannelDescriptor.validate(region)) {
        throw new SharedDataException(region.getFile(), "control page not initialised (no magic)");
      }
      long ended = region.getLongAcquire(ChannelDescriptor.ENDED_AFTER_SEQUENCE_OFFSET);
      if (ended != ChannelDescriptor.LIVE) {
        throw new IllegalStateException("channel " + name + " has already ended; it cannot be published again");
      }
    } catch (RuntimeException e) {
      region.close();
      throw e;
    }
    ChannelPublisher publisher = new ChannelPublisher(directory, name, region, ownsControl);
    region.putLong(ChannelDescriptor.PUBLISHER_PID_OFFSET, ProcessHandle.current().pid());
    publisher.heartbeat();
    HeartbeatThread.add(publisher);
    return publisher;
  }

  public TrackKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public Path getDirectory() {
    return directory;
  }

  public int getSlotCount() {
    return slotCount;
  }

  /** Frames committed so far. */
  public long getFramesPublished() {
    return framesPublished;
  }

  /** Frames published by reference to another channel's slot (no copy). */
  public long getFramesForwarded() {
    return framesForwarded;
  }

  /** Times every slot was held by a subscriber and the oldest was overwritten anyway. */
  public long getLeasesOverridden() {
    return leasesOverridden;
  }

  /** Claims dropped without a commit (aborted, or orphaned by a resolution change). */
  public long getAbandoned() {
    return claims.getAbandoned();
  }

  /** Bytes of shared memory the channel holds now (control page plus the current ring). */
  public long getSharedBytes() {
    MappedRegion r = ring;
    return ChannelDescriptor.LENGTH + (r == null ? 0 : r.getLength());
  }

  /** {@link #claim(int, long)} with the write starting now. */
  public int claim(int sizeBytes) {
    return claim(sizeBytes, System.nanoTime());
  }

  /**
   * Claims a slot for a frame of {@code sizeBytes}, starting a new ring generation if the frame no longer fits (or
   * the frame size changed). Never waits.
   *
   * @param writeStartNanos when the frame's writing began ({@link System#nanoTime()}), kept for latency measurement
   * @return a claim token, or -1 when every slot is already claimed by this publisher and not yet committed
   * @throws IllegalStateException if closed
   */
  public synchronized int claim(int sizeBytes, long writeStartNanos) {
    if (closed) {
      throw new IllegalStateException("publisher of channel " + name + " is closed");
    }
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("frame size must be positive, was " + sizeBytes);
    }
    MappedRegion r = ring;
    if (r == null || RingDescriptor.slotCapacityFor(sizeBytes) != slotCapacity) {
      r = newGeneration(sizeBytes);
    }
    int slot = pickSlot(r, true);
    if (slot < 0) {
      slot = pickSlot(r, false);
      if (slot < 0) {
        return -1;
      }
      leasesOverridden++;
    }
    if (!r.retain()) {
      throw new IllegalStateException("publisher of channel " + name + " is closed");
    }
    int token = claims.claim(slot, r, generation);
    nextSlot = (slot + 1) % slotCount;
    long at = RingDescriptor.slotOffset(slotStride, slot);
    r.putLong(at + SlotDescriptor.WRITE_START_NANOS_OFFSET, writeStartNanos);
    return token;
  }

  private int pickSlot(MappedRegion r, boolean respectLeases) {
    long now = System.nanoTime();
    for (int k = 0; k < slotCount; k++) {
      int slot = (nextSlot + k) % slotCount;
      if (claims.isClaimed(slot)) {
        continue;
      }
      long at = RingDescriptor.slotOffset(slotStride, slot);
      if (!SlotDescriptor.tryAcquireWrite(r, at, now, respectLeases)) {
        continue; // a reader holds it
      }
      long word = r.getLongVolatile(at + SlotDescriptor.COMMIT_WORD_OFFSET);
      previousWord[slot] = word;
      r.putLongVolatile(at + SlotDescriptor.COMMIT_WORD_OFFSET, SlotDescriptor.writing(word));
      return slot;
    }
    return -1;
  }

  /**
   * The slot's memory for a claim token: a little-endian buffer of the slot's capacity, position 0. It stays mapped
   * until the claim is committed or aborted, even if the ring is replaced or the publisher closed meanwhile.
   *
   * @throws IllegalStateException if the claim was already committed, aborted or orphaned
   */
  public synchronized ByteBuffer buffer(int token) {
    if (!claims.isCurrent(token)) {
      throw new IllegalStateException("claim " + token + " of channel " + name + " is no longer current");
    }
    int slot = ClaimTable.slotOf(token);
    ByteBuffer b = slotBuffers[slot];
    b.clear();
    return b;
  }

  /** Commits a video frame of {@code format} written tightly packed into the claimed slot. */
  public synchronized boolean commitVideo(int token, VideoPixelFormat format, int codedWidth, int codedHeight, int displayWidth,
      int displayHeight, long timestampUs, long durationUs) {
    return commit(token, format.ordinal(), codedWidth, codedHeight, format.frameBytes(codedWidth, codedHeight),
        displayWidth, displayHeight, timestampUs, durationUs);
  }

  /** Commits an audio chunk written into the claimed slot. */
  public synchronized boolean commitAudio(int token, AudioSampleFormat format, int numberOfChannels, int numberOfFrames,
      float sampleRate, long timestampUs, long durationUs) {
    int size = format.getBytesPerSample() * numberOfChannels * numberOfFrames;
    return commit(token, format.ordinal(), numberOfChannels, numberOfFrames, size,
        Float.floatToRawIntBits(sampleRate), 0, timestampUs, durationUs);
  }

  private boolean commit(int token, int format, int width, int height, int size, int w2, int h2, long timestampUs,
      long durationUs) {
    int slot = ClaimTable.slotOf(token);
    MappedRegion r = ring;
    if (r == null || !claims.isCurrent(token)) {
      claims.releaseOrphan(token);
      return false; // claimed in a ring generation that has since been replaced, or closed
    }
    if (size > slotCapacity) {
      abort(token);
      throw new IllegalArgumentException("frame of " + size + " bytes exceeds the claimed slot's " + slotCapacity);
    }
    long at = RingDescriptor.slotOffset(slotStride, slot);
    SlotDescriptor.writeHeader(r, at, timestampUs, durationUs, format, width, height, size, w2, h2);
    r.putInt(at + SlotDescriptor.REF_KIND_OFFSET, SlotDescriptor.INLINE);
    long seq = ++sequence;
    r.putLongRelease(at + SlotDescriptor.COMMIT_WORD_OFFSET, SlotDescriptor.committed(seq));
    SlotDescriptor.releaseWrite(r, at);
    claims.release(slot);
    control.putLongRelease(ChannelDescriptor.PUBLISHED_SEQUENCE_OFFSET, seq);
    framesPublished++;
    return true;
  }

  /**
   * Publishes a frame read from a channel of the same directory without copying its bytes: the slot gets a reference
   * to where they are (see {@link SlotDescriptor}). Timestamp, duration and display size may differ from the source's.
   *
   * @return false if the frame cannot be referenced (another directory, a long channel name, already overwritten, no
   *     slot free, closed); the caller then copies it
   */
  public synchronized boolean forward(SlotFrame frame, long timestampUs, long durationUs, int displayWidth,
      int displayHeight) {
    String channel = frame.getDataChannel();
    if (closed || !frame.getDirectory().equals(directory) || channel.length() > SlotDescriptor.REF_CHANNEL_MAX_BYTES
        || !frame.isIntact()) {
      return false;
    }
    MappedRegion r = ring;
    if (r == null) {
      r = newGeneration(1);
    }
    int slot = pickSlot(r, true);
    if (slot < 0) {
      slot = pickSlot(r, false);
      if (slot < 0) {
        return false;
      }
      leasesOverridden++;
    }
    nextSlot = (slot + 1) % slotCount;
    long at = RingDescriptor.slotOffset(slotStride, slot);
    r.putLong(at + SlotDescriptor.WRITE_START_NANOS_OFFSET, frame.getWriteStartNanos());
    SlotDescriptor.writeHeader(r, at, timestampUs, durationUs, frame.getFormatCode(), frame.getWidth(),
        frame.getHeight(), frame.getSizeBytes(), displayWidth, displayHeight);
    SlotDescriptor.writeReference(r, at, channel, frame.getDataGeneration(), frame.getDataSlot(),
        frame.getDataSequence());
    long seq = ++sequence;
    r.putLongRelease(at + SlotDescriptor.COMMIT_WORD_OFFSET, SlotDescriptor.committed(seq));
    SlotDescriptor.releaseWrite(r, at);
    control.putLongRelease(ChannelDescriptor.PUBLISHED_SEQUENCE_OFFSET, seq);
    framesPublished++;
    framesForwarded++;
    return true;
  }

  /** Gives a claimed slot back without publishing it. */
  public synchronized void abort(int token) {
    int slot = ClaimTable.slotOf(token);
    MappedRegion r = ring;
    if (r != null && claims.isCurrent(token)) {
      long at = RingDescriptor.slotOffset(slotStride, slot);
      r.putLongRelease(at + SlotDescriptor.COMMIT_WORD_OFFSET, previousWord[slot]);
      SlotDescriptor.releaseWrite(r, at);
      claims.release(slot);
      claims.countAbandoned();
    } else {
      claims.releaseOrphan(token);
    }
  }

  private MappedRegion newGeneration(int sizeBytes) {
    long capacity = RingDescriptor.slotCapacityFor(sizeBytes);
    long next = generation + 1;
    Path file = ChannelDescriptor.ringFile(directory, name, next);
    MappedRegion created;
    try {
      created = RingDescriptor.create(file, slotCount, capacity, next);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create ring " + file, e);
    }
    MappedRegion old = ring;
    if (old == null && generation > 0) {
      deleteQuietly(ChannelDescriptor.ringFile(directory, name, generation)); // left by a previous publisher
    }
    claims.orphanAll();
    ring = created;
    generation = next;
    slotCapacity = capacity;
    slotStride = RingDescriptor.slotStride(capacity);
    nextSlot = 0;
    for (int i = 0; i < slotCount; i++) {
      slotBuffers[i] = created.slice(RingDescriptor.slotOffset(slotStride, i) + SlotDescriptor.LENGTH,
          (int) capacity);
    }
    control.putLong(ChannelDescriptor.RING_FIRST_SEQUENCE_OFFSET, sequence + 1);
    control.putLongRelease(ChannelDescriptor.RING_GENERATION_OFFSET, next);
    if (old != null) {
      deleteQuietly(ChannelDescriptor.ringFile(directory, name, next - 1));
      old.close(); // subscribers keep their own mapping; tmpfs frees the pages when the last one unmaps
    }
    LOG.debug("channel {}: ring generation {} with {} slots of {} bytes", name, next, slotCount, capacity);
    return created;
  }

  /** Sets the track's muted state, seen by subscribers as mute/unmute. */
  public synchronized void setMuted(boolean muted) {
    if (closed) {
      return;
    }
    ChannelDescriptor.writeState(control, muted ? 1 : 0, null);
  }

  /**
   * Publishes the track's settings as text (the transport layer encodes them).
   *
   * @throws IllegalArgumentException if longer than {@link ChannelDescriptor#SETTINGS_MAX_BYTES} in UTF-8
   */
  public synchronized void setSettings(String settings) {
    byte[] bytes = settings.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > ChannelDescriptor.SETTINGS_MAX_BYTES) {
      throw new IllegalArgumentException("settings of " + bytes.length + " bytes exceed "
          + ChannelDescriptor.SETTINGS_MAX_BYTES);
    }
    if (closed) {
      return;
    }
    ChannelDescriptor.writeState(control, -1, bytes);
  }

  /** Refreshes the heartbeat word (the shared heartbeat thread does this every 100 ms). */
  public synchronized void heartbeat() {
    if (!closed) {
      control.putLongRelease(ChannelDescriptor.HEARTBEAT_NANOS_OFFSET, System.nanoTime());
    }
  }

  /** Ends the track after the last committed frame; subscribers see it ended once they have read that frame. */
  public void end() {
    if (control.getLongAcquire(ChannelDescriptor.ENDED_AFTER_SEQUENCE_OFFSET) == ChannelDescriptor.LIVE) {
      control.putLongRelease(ChannelDescriptor.ENDED_AFTER_SEQUENCE_OFFSET, sequence);
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /** Ends the track, stops the heartbeat and deletes the ring file (and the control file if this created it). */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      end();
      closed = true;
    }
    HeartbeatThread.remove(this);
    MappedRegion r;
    synchronized (this) {
      r = ring;
      ring = null;
      claims.orphanAll();
    }
    if (r != null) {
      r.close();
      deleteQuietly(ChannelDescriptor.ringFile(directory, name, generation));
    }
    // The 4 KiB control page is left to the GC to unmap: another thread may still read its state words.
    if (ownsControl) {
      deleteQuietly(ChannelDescriptor.controlFile(directory, name));
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", file, e.toString());
    }
  }
}
