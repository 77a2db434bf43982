package dev.framebridge.sdk.transport.channel;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A publisher's outstanding claims: which slots are claimed, under which token, and the ring each claim holds a
 * reference on, so closing or replacing the ring never unmaps memory still being written. Claims left over from a
 * replaced ring (or a close) become orphans, which keep their ring mapped until committed or aborted. Not
 * thread-safe: {@link ChannelPublisher} calls it under its own lock.
 */
final class ClaimTable {
  private final boolean[] claimed;
  private final @Nullable MappedRegion[] region;
  private final int[] token;
  private final Map<Integer, MappedRegion> orphans = new HashMap<>();
  private long abandoned;

  ClaimTable(int slotCount) {
    this.claimed = new boolean[slotCount];
    this.region = new MappedRegion[slotCount];
    this.token = new int[slotCount];
  }

  /** The slot a token names. */
  static int slotOf(int token) {
    return token & 0xFF;
  }

  boolean isClaimed(int slot) {
    return claimed[slot];
  }

  /**
   * Records a claim of {@code slot} in ring {@code generation}, whose reference {@code r} the caller has already
   * taken; returns its token.
   */
  int claim(int slot, MappedRegion r, long generation) {
    int t = (int) ((generation & 0x7FFFFF) << 8) | slot;
    region[slot] = r;
    claimed[slot] = true;
    token[slot] = t;
    return t;
  }

  /** Whether {@code t} is a claim of the current ring that is neither committed nor aborted. */
  boolean isCurrent(int t) {
    int slot = slotOf(t);
    return claimed[slot] && token[slot] == t;
  }

  /** Ends the current claim of {@code slot} (committed or aborted) and drops its ring reference. */
  void release(int slot) {
    claimed[slot] = false;
    MappedRegion held = region[slot];
    region[slot] = null;
    if (held != null) {
      held.release();
    }
  }

  /** Ends an orphaned claim, if {@code t} is one, and counts it abandoned. */
  void releaseOrphan(int t) {
    MappedRegion held = orphans.remove(t);
    if (held != null) {
      held.release();
      abandoned++;
    }
  }

  /** Moves every outstanding claim aside; their rings stay mapped until each is committed or aborted. */
  void orphanAll() {
    for (int i = 0; i < claimed.length; i++) {
      if (claimed[i]) {
        claimed[i] = false;
        MappedRegion held = region[i];
        region[i] = null;
        if (held != null) {
          orphans.put(token[i], held);
        }
      }
    }
  }

  void countAbandoned() {
    abandoned++;
  }

  /** Claims dropped without a commit (aborted, or orphaned and then given back). */
  long getAbandoned() {
    return abandoned;
  }
}
