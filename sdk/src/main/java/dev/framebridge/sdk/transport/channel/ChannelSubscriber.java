package dev.framebridge.sdk.transport.channel;

import dev.framebridge.spi.TrackKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a channel's frames in order, in place, without copying. {@link #poll()} never blocks; {@link #await} waits
 * with a {@link BackoffIdleStrategy}, and for a paced source (frames 4 ms or more apart) first sleeps through the
 * expected gap less a quarter of it (at least 2 ms), so a 60 fps reader wakes a few dozen times per frame, not hundreds. Frames the publisher overwrote before they were read are skipped and counted as
 * dropped; a frame whose descriptor breaks the layout is rejected (counted, logged, {@link #getLastRejection()}) and
 * never crashes the reader. The track ends when the publisher ends it, or when it dies (its pid is gone or its
 * heartbeat is older than {@link ChannelDescriptor#HEARTBEAT_TIMEOUT_NS}). One thread polls; frames may be closed on
 * any thread, and so may the subscriber: {@link #close()} unmaps the control page and the ring once no call is reading
 * them, so a stopped subscriber holds no shared memory (a deleted channel's pages stay allocated while mapped).
 */
public final class ChannelSubscriber implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelSubscriber.class);
  private static final long LIVENESS_CHECK_NS = 50_000_000L;
  private static final long PREDICTION_MIN_INTERVAL_NS = 4_000_000L;
  private static final long PREDICTION_MARGIN_NS = 2_000_000L;

  private final Path directory;
  private final String name;
  private final MappedRegion control;
  private final TrackKind kind;
  private final int slotCount;
  private final BackoffIdleStrategy idle = new BackoffIdleStrategy();
  private final ReferenceResolver references;
  private @Nullable MappedRegion ring;
  private long generation;
  private long slotStride;
  private long slotCapacity;
  private long lastSequence;
  private long scannedSequence;
  private long received;
  private long dropped;
  private long rejected;
  private long expired;
  private final AtomicLong overwrittenWhileHeld = new AtomicLong();
  private volatile @Nullable String lastRejection;
  private long lastLivenessCheckNs;
  private long lastFrameNs = System.nanoTime() - BackoffIdleStrategy.ACTIVE_WINDOW_NS; // idle until a frame comes
  private long intervalNs; // smoothed time between frames, to sleep through most of the wait for a paced source
  private boolean publisherGone;
  private volatile boolean closed;
  // 1 while open, plus one per call reading the mappings: the last to leave after close() unmaps them
  private final AtomicInteger users = new AtomicInteger(1);

  private ChannelSubscriber(Path directory, String name, MappedRegion control) {
    this.directory = directory;
    this.name = name;
    this.control = control;
    this.kind = control.getInt(ChannelDescriptor.KIND_OFFSET) == 0 ? TrackKind.VIDEO : TrackKind.AUDIO;
    this.slotCount = control.getInt(ChannelDescriptor.SLOT_COUNT_OFFSET);
    this.references = new ReferenceResolver(directory);
  }

  /**
   * Opens a channel's control file.
   *
   * @throws NoSuchFileException if the channel does not exist
   * @throws SharedDataException if the control page is not a channel of this layout version
   */
  public static ChannelSubscriber open(Path directory, String name) throws IOException {
    MappedRegion region = MappedRegion.mapExisting(ChannelDescriptor.controlFile(directory, name));
    try {
      if (!ChannelDescriptor.validate(region)) {
        throw new SharedDataException(region.getFile(), "control page not initialised (no magic)");
      }
    } catch (RuntimeException e) {
      region.close();
      throw e;
    }
    return new ChannelSubscriber(directory, name, region);
  }

  public int getSlotCount() {
    return slotCount;
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

  /**
   * The next frame in order, or null if none is ready (or the channel ended). Never blocks.
   *
   * @throws IllegalStateException if closed
   */
  public @Nullable SlotFrame poll() {
    enterOrThrow();
    try {
      return pollMapped();
    } finally {
      exit();
    }
  }

  private @Nullable SlotFrame pollMapped() {
    long published = control.getLongAcquire(ChannelDescriptor.PUBLISHED_SEQUENCE_OFFSET);
    if (published <= lastSequence) {
      return null;
    }
    long gen = control.getLongAcquire(ChannelDescriptor.RING_GENERATION_OFFSET);
    if (gen != generation && !mapGeneration(gen)) {
      return null;
    }
    MappedRegion r = ring;
    if (r == null) {
      return null;
    }
    for (int attempt = 0; attempt <= slotCount; attempt++) {
      int best = scan(r);
      if (best >= 0 && scannedSequence > lastSequence + 1) {
        // A gap may be a scan race: frame n+1 committed into a slot already passed while n+2 landed in a later one.
        // Frames commit in sequence order, so a second scan started now sees n+1 unless it is really gone.
        best = scan(r);
      }
      if (best < 0) {
        return null;
      }
      long bestSequence = scannedSequence;
      long at = RingDescriptor.slotOffset(slotStride, best);
      // Count ourselves in (impossible while the publisher holds the write lock), then check it is still our frame.
      if (!SlotDescriptor.tryAcquireRead(r, at)) {
        continue; // being rewritten: look again
      }
      long expected = SlotDescriptor.committed(bestSequence);
      if (r.getLongVolatile(at + SlotDescriptor.COMMIT_WORD_OFFSET) != expected) {
        SlotDescriptor.releaseRead(r, at);
        continue; // overwritten between the scan and the lease: look again
      }
      boolean forwarded = r.getInt(at + SlotDescriptor.REF_KIND_OFFSET) == SlotDescriptor.REFERENCE;
      SlotFrame frame;
      try {
        frame = forwarded ? references.resolve(this, r, at, bestSequence)
            : read(r, at, slotStride, slotCapacity, bestSequence, bestSequence, name, generation, best);
      } catch (SharedDataException e) {
        SlotDescriptor.releaseRead(r, at);
        reject(bestSequence, e);
        continue;
      }
      boolean stillThere = r.getLongVolatile(at + SlotDescriptor.COMMIT_WORD_OFFSET) == expected;
      if (forwarded) {
        SlotDescriptor.releaseRead(r, at); // the bytes are leased where they live
      }
      if (frame == null || !stillThere) {
        if (frame != null) {
          frame.close();
        }
        if (frame == null && stillThere) {
          dropped += bestSequence - lastSequence; // the reference expired: the frame is lost
          lastSequence = bestSequence;
          expired++;
        }
        continue;
      }
      dropped += bestSequence - lastSequence - 1;
      lastSequence = bestSequence;
      received++;
      long now = System.nanoTime();
      long gap = now - lastFrameNs;
      if (gap < BackoffIdleStrategy.ACTIVE_WINDOW_NS) {
        intervalNs = intervalNs == 0 ? gap : (intervalNs * 7 + gap) / 8;
      }
      lastFrameNs = now;
      return frame;
    }
    return null;
  }

  /** The slot holding the oldest committed frame newer than the last one read (its sequence in scannedSequence). */
  private int scan(MappedRegion r) {
    int best = -1;
    long bestSequence = Long.MAX_VALUE;
    for (int i = 0; i < slotCount; i++) {
      long word = r.getLongAcquire(RingDescriptor.slotOffset(slotStride, i) + SlotDescriptor.COMMIT_WORD_OFFSET);
      long seq = word >>> 1;
      if ((word & 1) == 0 && seq > lastSequence && seq < bestSequence) {
        best = i;
        bestSequence = seq;
      }
    }
    scannedSequence = bestSequence;
    return best;
  }

  private void reject(long sequence, SharedDataException e) {
    dropped += sequence - lastSequence - 1;
    lastSequence = sequence;
    rejected++;
    if (lastRejection == null || rejected % 1000 == 1) {
      LOG.warn("channel {}: frame {} rejected: {}", name, sequence, e.getMessage());
    }
    lastRejection = e.getMessage();
  }

  /** Reads and checks the slot header at {@code at} of ring {@code r}, taking a reference on the ring. */
  SlotFrame read(MappedRegion r, long at, long slotStride, long slotCapacity, long sequence, long dataSequence,
      String dataChannel, long dataGeneration, int dataSlot) {
    return read(r, at, slotStride, slotCapacity, sequence, dataSequence, dataChannel, dataGeneration, dataSlot, r, at);
  }

  /** As above, with timestamp, duration, display size and write start taken from {@code meta} (a forwarding slot). */
  SlotFrame read(MappedRegion r, long at, long slotStride, long slotCapacity, long sequence, long dataSequence,
      String dataChannel, long dataGeneration, int dataSlot, MappedRegion meta, long metaAt) {
    Path file = r.getFile();
    int format = r.getInt(at + SlotDescriptor.FORMAT_OFFSET);
    int width = r.getInt(at + SlotDescriptor.WIDTH_OFFSET);
    int height = r.getInt(at + SlotDescriptor.HEIGHT_OFFSET);
    int size = r.getInt(at + SlotDescriptor.SIZE_OFFSET);
    long dataOffset = r.getLong(at + SlotDescriptor.DATA_OFFSET_OFFSET);
    int w2 = meta.getInt(metaAt + SlotDescriptor.DISPLAY_WIDTH_OFFSET);
    int h2 = meta.getInt(metaAt + SlotDescriptor.DISPLAY_HEIGHT_OFFSET);
    SlotDescriptor.check(file, kind, sequence, at, slotStride, slotCapacity, r.getLength(), format, width, height,
        size, dataOffset);
    if (!r.retain()) {
      throw new SharedDataException(file, "ring already released");
    }
    ByteBuffer data = r.slice(dataOffset, size).asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    return new SlotFrame(this, r, at, sequence, dataSequence, dataChannel, dataGeneration, dataSlot,
        meta.getLong(metaAt + SlotDescriptor.TIMESTAMP_US_OFFSET),
        meta.getLong(metaAt + SlotDescriptor.DURATION_US_OFFSET),
        meta.getLong(metaAt + SlotDescriptor.WRITE_START_NANOS_OFFSET),
        format, width, height, w2, h2, data);
  }

  private boolean mapGeneration(long gen) {
    Path file = ChannelDescriptor.ringFile(directory, name, gen);
    MappedRegion next;
    try {
      next = MappedRegion.mapExisting(file);
    } catch (NoSuchFileException e) {
      return false; // replaced again already, or the publisher closed; the next poll sees the state
    } catch (IOException e) {
      throw new SharedDataException(file, "cannot map: " + e);
    }
    try {
      if (!RingDescriptor.validate(next, slotCount, gen)) {
        next.close();
        return false;
      }
    } catch (SharedDataException e) {
      next.close();
      throw e;
    }
    next.pretouchForRead();
    MappedRegion old = ring;
    ring = next;
    generation = gen;
    slotCapacity = next.getLong(RingDescriptor.SLOT_CAPACITY_OFFSET);
    slotStride = next.getLong(RingDescriptor.SLOT_STRIDE_OFFSET);
    if (old != null) {
      old.close(); // unmapped once the frames still leased from it are closed
    }
    return true;
  }

  /**
   * Waits for the next frame with the idle strategy.
   *
   * @return the frame, or null on timeout or once the track has ended
   */
  public @Nullable SlotFrame await(long timeoutNs) {
    long start = System.nanoTime();
    idle.reset();
    while (true) {
      SlotFrame frame = poll();
      if (frame != null) {
        return frame;
      }
      long now = System.nanoTime();
      if (isEnded() || now - start >= timeoutNs) {
        return null;
      }
      long since = now - lastFrameNs;
      long wakeAt = intervalNs - Math.max(PREDICTION_MARGIN_NS, intervalNs / 4);
      if (intervalNs >= PREDICTION_MIN_INTERVAL_NS && since < wakeAt) {
        // A paced source (a camera): sleep through most of the gap in one park instead of hundreds of short ones.
        LockSupport.parkNanos(Math.min(wakeAt - since, start + timeoutNs - now));
        continue;
      }
      idle.idle(since);
    }
  }

  /**
   * Whether the track has ended: the publisher ended it and every frame before the end was read (or overwritten),
   * or the publisher died.
   */
  public boolean isEnded() {
    if (closed || !enter()) {
      return true;
    }
    try {
      return isEndedMapped();
    } finally {
      exit();
    }
  }

  private boolean isEndedMapped() {
    long endedAfter = control.getLongAcquire(ChannelDescriptor.ENDED_AFTER_SEQUENCE_OFFSET);
    if (endedAfter != ChannelDescriptor.LIVE && lastSequence >= endedAfter) {
      return true;
    }
    if (endedAfter != ChannelDescriptor.LIVE && control.getLongAcquire(ChannelDescriptor.PUBLISHED_SEQUENCE_OFFSET)
        <= lastSequence) {
      return true;
    }
    return isPublisherGone();
  }

  /** Whether the publisher process died (pid gone) or stopped beating; checked at most every 50 ms. */
  public boolean isPublisherGone() {
    if (publisherGone) {
      return true;
    }
    long now = System.nanoTime();
    if (now - lastLivenessCheckNs < LIVENESS_CHECK_NS) {
      return false;
    }
    lastLivenessCheckNs = now;
    if (!enter()) {
      return false; // closed: what was last seen stands
    }
    try {
      return isPublisherGoneMapped(now);
    } finally {
      exit();
    }
  }

  private boolean isPublisherGoneMapped(long now) {
    long pid = control.getLongAcquire(ChannelDescriptor.PUBLISHER_PID_OFFSET);
    if (pid == 0) {
      return false; // nobody has attached yet
    }
    long beat = control.getLongAcquire(ChannelDescriptor.HEARTBEAT_NANOS_OFFSET);
    boolean alive = pid == ProcessHandle.current().pid()
        || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    boolean ended = control.getLongAcquire(ChannelDescriptor.ENDED_AFTER_SEQUENCE_OFFSET) != ChannelDescriptor.LIVE;
    if (!alive || (!ended && beat != 0 && now - beat > ChannelDescriptor.HEARTBEAT_TIMEOUT_NS)) {
      publisherGone = true;
      LOG.debug("channel {}: publisher {} is gone", name, pid);
    }
    return publisherGone;
  }

  /**
   * The publisher's muted state.
   *
   * @throws IllegalStateException if closed
   */
  public boolean isMuted() {
    enterOrThrow();
    try {
      return control.getIntAcquire(ChannelDescriptor.MUTED_OFFSET) != 0;
    } finally {
      exit();
    }
  }

  /**
   * Bumps on every mute or settings change (even values are stable).
   *
   * @throws IllegalStateException if closed
   */
  public long getStateVersion() {
    enterOrThrow();
    try {
      return control.getLongAcquire(ChannelDescriptor.STATE_VERSION_OFFSET);
    } finally {
      exit();
    }
  }

  /**
   * The publisher's settings text, read consistently under the state seqlock.
   *
   * @throws IllegalStateException if closed
   */
  public String getSettings() {
    enterOrThrow();
    try {
      return ChannelDescriptor.readSettings(control);
    } finally {
      exit();
    }
  }

  /**
   * The publisher's pid, 0 before one attached.
   *
   * @throws IllegalStateException if closed
   */
  public long getPublisherPid() {
    enterOrThrow();
    try {
      return control.getLongAcquire(ChannelDescriptor.PUBLISHER_PID_OFFSET);
    } finally {
      exit();
    }
  }

  /** The last frame sequence read. */
  public long getLastSequence() {
    return lastSequence;
  }

  public long getFramesReceived() {
    return received;
  }

  /** Frames skipped: overwritten before they were read, or lost in a ring change. */
  public long getDropped() {
    return dropped;
  }

  /** Forwarded frames whose referenced slot had already been rewritten (counted in {@link #getDropped()} too). */
  public long getExpired() {
    return expired;
  }

  /** Frames whose descriptor broke the layout. */
  public long getRejected() {
    return rejected;
  }

  /** Frames the publisher overwrote while a reader still held them (a lease older than its timeout). */
  public long getOverwrittenWhileHeld() {
    return overwrittenWhileHeld.get();
  }

  /** The message of the last rejection, or null. */
  public @Nullable String getLastRejection() {
    return lastRejection;
  }

  /** Bytes of shared memory this subscriber maps (control page plus the current ring). */
  public long getSharedBytes() {
    MappedRegion r = ring;
    return ChannelDescriptor.LENGTH + (r == null ? 0 : r.getLength());
  }

  void onFrameClosed(boolean intact) {
    if (!intact) {
      overwrittenWhileHeld.incrementAndGet();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops reading and unmaps the control page and the rings, at once or, if another thread is inside a call, as that
   * call returns; frames still open keep their ring mapped until they close. Any thread may close.
   */
  @Override
  public void close() {
    synchronized (users) {
      if (closed) {
        return;
      }
      closed = true;
    }
    exit(); // the "open" count
  }

  /** Takes a use of the mappings; false once they are released. */
  private boolean enter() {
    while (true) {
      int n = users.get();
      if (n == 0) {
        return false;
      }
      if (users.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  private void enterOrThrow() {
    if (closed || !enter()) {
      throw new IllegalStateException("subscriber of channel " + name + " is closed");
    }
  }

  private void exit() {
    if (users.decrementAndGet() == 0) {
      MappedRegion r = ring;
      ring = null;
      if (r != null) {
        r.close();
      }
      references.close();
      control.close(); // else the GC unmaps it some day, and the deleted file's page stays allocated until then
    }
  }
}
