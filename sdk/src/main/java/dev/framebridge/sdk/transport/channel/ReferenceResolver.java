package dev.framebridge.sdk.transport.channel;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves forwarded frames for one subscriber: maps the rings they refer to (a few, most recent kept) and leases
 * the referenced slot if it still holds the referenced sequence.
 */
final class ReferenceResolver implements AutoCloseable {
  private static final int MAX_RINGS = 4;

  private final Path directory;
  private final Map<String, MappedRegion> rings = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, MappedRegion> eldest) {
      if (size() > MAX_RINGS) {
        eldest.getValue().close(); // unmapped once frames leased from it close
        return true;
      }
      return false;
    }
  };

  ReferenceResolver(Path directory) {
    this.directory = directory;
  }

  /**
   * The referenced frame, leased, or null if it expired (overwritten, or its ring is gone).
   *
   * @throws SharedDataException if the reference breaks the layout
   */
  @Nullable SlotFrame resolve(ChannelSubscriber owner, MappedRegion descriptors, long at, long sequence) {
    Path file = descriptors.getFile();
    int length = descriptors.buffer().get((int) at + SlotDescriptor.REF_CHANNEL_LENGTH_OFFSET) & 0xFF;
    if (length == 0 || length > SlotDescriptor.REF_CHANNEL_MAX_BYTES) {
      throw new SharedDataException(file, "frame " + sequence + " refers to a channel name of " + length + " bytes");
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      char c = (char) descriptors.buffer().get((int) at + SlotDescriptor.REF_CHANNEL_OFFSET + i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
        throw new SharedDataException(file, "frame " + sequence + " refers to a channel name with byte " + (int) c);
      }
      chars[i] = c;
    }
    String channel = new String(chars);
    long generation = descriptors.getLong(at + SlotDescriptor.REF_GENERATION_OFFSET);
    int slot = descriptors.getInt(at + SlotDescriptor.REF_SLOT_OFFSET);
    long dataSequence = descriptors.getLong(at + SlotDescriptor.REF_SEQUENCE_OFFSET);
    if (generation <= 0 || dataSequence <= 0) {
      throw new SharedDataException(file, "frame " + sequence + " refers to generation " + generation
          + ", sequence " + dataSequence);
    }
    MappedRegion target = ring(channel, generation);
    if (target == null) {
      return null;
    }
    int slots = target.getInt(RingDescriptor.SLOT_COUNT_OFFSET);
    if (slot < 0 || slot >= slots) {
      throw new SharedDataException(file, "frame " + sequence + " refers to slot " + slot + " outside the "
          + slots + " slots of " + target.getFile());
    }
    long stride = target.getLong(RingDescriptor.SLOT_STRIDE_OFFSET);
    long capacity = target.getLong(RingDescriptor.SLOT_CAPACITY_OFFSET);
    long tat = RingDescriptor.slotOffset(stride, slot);
    long expected = SlotDescriptor.committed(dataSequence);
    if (!SlotDescriptor.tryAcquireRead(target, tat)) {
      return null; // being rewritten: the referenced frame is gone
    }
    if (target.getLongVolatile(tat + SlotDescriptor.COMMIT_WORD_OFFSET) != expected) {
      SlotDescriptor.releaseRead(target, tat);
      return null;
    }
    try {
      return owner.read(target, tat, stride, capacity, sequence, dataSequence, channel, generation, slot, descriptors,
          at);
    } catch (SharedDataException e) {
      SlotDescriptor.releaseRead(target, tat);
      throw e;
    }
  }

  private @Nullable MappedRegion ring(String channel, long generation) {
    String key = channel + "." + generation;
    MappedRegion region = rings.get(key);
    if (region != null) {
      return region;
    }
    Path file = ChannelDescriptor.ringFile(directory, channel, generation);
    try {
      region = MappedRegion.mapExisting(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new SharedDataException(file, "cannot map: " + e);
    }
    try {
      if (!RingDescriptor.validate(region, -1, generation)) {
        region.close();
        return null;
      }
    } catch (SharedDataException e) {
      region.close();
      throw e;
    }
    region.pretouchForRead();
    rings.put(key, region);
    return region;
  }

  @Override
  public void close() {
    rings.values().forEach(MappedRegion::close);
    rings.clear();
  }
}
