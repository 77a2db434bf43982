package dev.framebridge.sdk.transport;

import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.transport.channel.ChannelDescriptor;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import dev.framebridge.spi.TrackKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Moves tracks between JVMs through shared memory. A host {@link #create creates} one: it makes the instance
 * directory (reclaiming those of dead hosts) and deletes it on close or JVM shutdown. A worker {@link #attach attaches}
 * to the host's directory given a handle.
 *
 * <pre>{@code
 * // host
 * SharedMemoryTransport host = SharedMemoryTransport.create(TransportOptions.defaults());
 * TrackHandle in = host.publish(cameraTrack).getHandle();
 * TrackHandle out = host.createChannel(TrackKind.VIDEO, "plugin1-out");
 * // ... start the worker with in.format() and out.format(), then:
 * MediaStreamTrack processed = host.open(out);
 *
 * // worker
 * SharedMemoryTransport worker = SharedMemoryTransport.attach(TrackHandle.parse(args[0]));
 * MediaStreamTrack input = worker.open(TrackHandle.parse(args[0]));
 * TrackPublication output = worker.publish(generator.getTrack(), TrackHandle.parse(args[1]));
 * }</pre>
 */
public final class SharedMemoryTransport implements AutoCloseable {
  private final Path directory;
  private final @Nullable InstanceDirectory instance;
  private final int slotCount;
  private final Set<TrackPublication> publications = ConcurrentHashMap.newKeySet();
  private final Set<TrackSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextChannel = new AtomicInteger();
  private final @Nullable Thread shutdownHook;
  private volatile boolean closed;

  private SharedMemoryTransport(Path directory, @Nullable InstanceDirectory instance, int slotCount) {
    this.directory = directory;
    this.instance = instance;
    this.slotCount = slotCount;
    if (instance != null) {
      shutdownHook = new Thread(this::deleteQuietly, "framebridge-transport-cleanup");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
  }

  /**
   * A host's transport: creates {@code <root>/framebridge-<user>/host-<pid>-<id>} (0700), first deleting the
   * directories of hosts that are no longer alive.
   *
   * @throws IOException if the directory cannot be made
   */
  public static SharedMemoryTransport create(TransportOptions options) throws IOException {
    InstanceDirectory instance = InstanceDirectory.create(options.getRoot());
    return new SharedMemoryTransport(instance.getPath(), instance, options.getSlotCount());
  }

  /**
   * A worker's transport over a host's directory; it owns nothing there and deletes nothing on close.
   *
   * @throws IllegalArgumentException if the directory does not exist
   */
  public static SharedMemoryTransport attach(Path hostDirectory) {
    if (!Files.isDirectory(hostDirectory)) {
      throw new IllegalArgumentException("no host transport directory " + hostDirectory);
    }
    return new SharedMemoryTransport(hostDirectory, null, TransportOptions.DEFAULT_SLOT_COUNT);
  }

  /** {@link #attach(Path)} to the directory of {@code handle}. */
  public static SharedMemoryTransport attach(TrackHandle handle) {
    return attach(handle.getDirectory());
  }

  /** The instance directory holding this transport's channels. */
  public Path getDirectory() {
    return directory;
  }

  /** Whether this transport created (and will delete) its directory. */
  public boolean isOwner() {
    return instance != null;
  }

  /** Directories of dead hosts deleted when this host's transport was created. */
  public List<Path> getReclaimedDirectories() {
    return instance == null ? List.of() : instance.getReclaimed();
  }

  /**
   * Makes an empty channel for someone else to publish into (a worker's output), so the host can hand out and open
   * its handle before the worker starts.
   *
   * @throws IllegalArgumentException for a bad name or one already in use
   */
  public TrackHandle createChannel(TrackKind kind, String name) {
    requireOpen();
    TrackHandle handle = TrackHandle.of(directory, name);
    try {
      ChannelPublisher.prepare(directory, name, kind, slotCount);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException("channel " + name + " already exists in " + directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create channel " + name + " in " + directory, e);
    }
    return handle;
  }

  /** Publishes {@code track} into a new channel of this transport. */
  public TrackPublication publish(MediaStreamTrack track) {
    requireOpen();
    String name = "p" + ProcessHandle.current().pid() + "-" + nextChannel.incrementAndGet();
    try {
      ChannelPublisher publisher = ChannelPublisher.create(directory, name, track.getTrackKind(), slotCount);
      return register(new TrackPublication(publisher, TrackHandle.of(directory, name), track, this::forget));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create channel " + name + " in " + directory, e);
    }
  }

  /**
   * Publishes {@code track} into a channel made by {@link #createChannel} (possibly in another JVM).
   *
   * @throws IllegalArgumentException if the channel does not exist or is of the other kind
   * @throws IllegalStateException if the channel already ended
   */
  public TrackPublication publish(MediaStreamTrack track, TrackHandle into) {
    requireOpen();
    ChannelPublisher publisher;
    try {
      publisher = ChannelPublisher.attach(into.getDirectory(), into.getChannel());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no channel " + into + " (missing " + e.getFile() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open channel " + into, e);
    }
    if (publisher.getKind() != track.getTrackKind()) {
      publisher.close();
      throw new IllegalArgumentException("channel " + into + " carries " + publisher.getKind().getWebName()
          + ", the track is " + track.getKind());
    }
    return register(new TrackPublication(publisher, into, track, this::forget));
  }

  /**
   * Opens a channel as a live track.
   *
   * @throws IllegalArgumentException if the channel does not exist
   * @throws dev.framebridge.sdk.transport.channel.SharedDataException if its files are not of this layout
   */
  public MediaStreamTrack open(TrackHandle handle) {
    return subscribe(handle).getTrack();
  }

  /** Like {@link #open} but returns the subscription, for its statistics. */
  public TrackSubscription subscribe(TrackHandle handle) {
    requireOpen();
    ChannelSubscriber subscriber;
    try {
      subscriber = ChannelSubscriber.open(handle.getDirectory(), handle.getChannel());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no channel " + handle + " (missing "
          + ChannelDescriptor.controlFile(handle.getDirectory(), handle.getChannel()) + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open channel " + handle, e);
    }
    TrackSubscription[] self = new TrackSubscription[1];
    TrackSubscription subscription = new TrackSubscription(subscriber, handle, () -> subscriptions.remove(self[0]));
    self[0] = subscription;
    subscriptions.add(subscription);
    return subscription;
  }

  private TrackPublication register(TrackPublication publication) {
    publications.add(publication);
    return publication;
  }

  private void forget() {
    publications.removeIf(TrackPublication::isClosed);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("shared-memory transport over " + directory + " is closed");
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /** Ends every publication and subscription; a host's transport deletes its directory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    new ArrayList<>(publications).forEach(TrackPublication::close);
    new ArrayList<>(subscriptions).forEach(TrackSubscription::close);
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    deleteQuietly();
  }

  private void deleteQuietly() {
    if (instance != null) {
      try {
        instance.close();
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(SharedMemoryTransport.class).warn("cannot delete {}: {}", directory,
            e.toString());
      }
    }
  }
}
