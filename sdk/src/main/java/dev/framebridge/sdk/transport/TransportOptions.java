package dev.framebridge.sdk.transport;

import dev.framebridge.sdk.transport.channel.RingDescriptor;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import java.nio.file.Path;

/** How a host's transport is set up: where its files go and how many frame slots a channel has. Immutable. */
public final class TransportOptions {
  /** Slots per channel unless set: 8 frames' worth of shared memory per video track. */
  public static final int DEFAULT_SLOT_COUNT = 8;

  private final Path root;
  private final int slotCount;

  private TransportOptions(Builder b) {
    this.root = b.root;
    this.slotCount = b.slotCount;
  }

  /** Root {@code /dev/shm}, 8 slots. */
  public static TransportOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The directory under which {@code framebridge-<user>/host-<pid>-<id>} is made. */
  public Path getRoot() {
    return root;
  }

  public int getSlotCount() {
    return slotCount;
  }

  /** Builds {@link TransportOptions}. */
  public static final class Builder {
    private Path root = InstanceDirectory.DEFAULT_ROOT;
    private int slotCount = DEFAULT_SLOT_COUNT;

    private Builder() {}

    /** Where the instance directory goes; tmpfs (the default /dev/shm) keeps the files in memory. */
    public Builder root(Path root) {
      this.root = root;
      return this;
    }

    /**
     * Frame slots per channel.
     *
     * @throws IllegalArgumentException outside 2..64
     */
    public Builder slotCount(int slotCount) {
      if (slotCount < 2 || slotCount > RingDescriptor.MAX_SLOTS) {
        throw new IllegalArgumentException("slotCount " + slotCount + " outside 2.." + RingDescriptor.MAX_SLOTS);
      }
      this.slotCount = slotCount;
      return this;
    }

    public TransportOptions build() {
      return new TransportOptions(this);
    }
  }
}
