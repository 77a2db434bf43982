package dev.framebridge.sdk.track;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The source behind one or more {@link MediaStreamTrack}s: a generator, a camera, a shared-memory channel. It creates
 * tracks, fans each delivered frame out to every live, enabled track (each track adapting it to its own constraints),
 * and carries the muted and ended state of its tracks.
 *
 * <p>The simplest way to make a local source is a {@code VideoTrackGenerator}: write frames to its writable. Build a
 * source directly only for frames arriving by other means:
 *
 * <pre>{@code
 * MediaStreamTrackSource camera = MediaStreamTrackSource.builder(TrackKind.VIDEO).label("camera")
 *     .onLastTrackEnded(() -> stopCapture()).build();
 * MediaStreamTrack track = camera.createTrack();
 * try (VideoFrame frame = grab()) { camera.deliver(frame); }   // deliver borrows; the caller still closes
 * camera.end();                                                   // fires "ended" on every live track
 * }</pre>
 *
 * <p>{@link #deliver} must not be called concurrently with itself (one producer thread, or external ordering).
 */
public final class MediaStreamTrackSource {
  private static final MediaStreamTrack[] NO_TRACKS = new MediaStreamTrack[0];

  private final TrackKind kind;
  private final String label;
  private final MediaTrackCapabilities capabilities;
  private final FrameAllocator allocator;
  private final @Nullable Runnable onLastTrackEnded;
  private final Object lock = new Object();
  private final LongAdder delivered = new LongAdder();
  private volatile MediaStreamTrack[] tracks = NO_TRACKS;
  private volatile boolean muted;
  private volatile boolean ended;

  private MediaStreamTrackSource(Builder b) {
    this.kind = b.kind;
    this.label = b.label;
    this.capabilities = b.capabilities != null ? b.capabilities
        : b.kind == TrackKind.VIDEO ? MediaTrackCapabilities.video() : MediaTrackCapabilities.audio();
    this.allocator = b.allocator != null ? b.allocator : MediaFrames.heapAllocator();
    this.onLastTrackEnded = b.onLastTrackEnded;
  }

  /** A source of {@code kind} with an empty label and default capabilities. */
  public MediaStreamTrackSource(TrackKind kind) {
    this(builder(kind));
  }

  public static Builder builder(TrackKind kind) {
    return new Builder(kind);
  }

  public TrackKind getKind() {
    return kind;
  }

  public String getLabel() {
    return label;
  }

  public MediaTrackCapabilities getCapabilities() {
    return capabilities;
  }

  /** Where tracks allocate the cropped and scaled frames their constraints ask for. */
  public FrameAllocator getAllocator() {
    return allocator;
  }

  /** A new live track of this source, or an ended one if the source has ended. */
  public MediaStreamTrack createTrack() {
    return new MediaStreamTrack(this);
  }

  /**
   * Sends a frame to every live, enabled track; nothing happens while muted. The frame is borrowed: each sink gets its
   * own clone (or a cropped/scaled version), and the caller still owns and closes {@code frame}.
   *
   * @throws IllegalArgumentException if the frame is closed or not of this source's kind
   */
  public void deliver(MediaFrame frame) {
    if (frame.isClosed()) {
      throw new IllegalArgumentException("cannot deliver a closed frame");
    }
    if (kind == TrackKind.VIDEO ? !(frame instanceof VideoFrame) : !(frame instanceof AudioData)) {
      throw new IllegalArgumentException("a " + kind.getWebName() + " source cannot deliver "
          + frame.getClass().getSimpleName());
    }
    if (muted) {
      return;
    }
    MediaStreamTrack[] snapshot = tracks;
    for (MediaStreamTrack t : snapshot) {
      t.deliver(frame);
    }
    if (snapshot.length > 0) {
      delivered.increment();
    }
  }

  /** Frames delivered to at least one live track. */
  public long getDeliveredFrameCount() {
    return delivered.sum();
  }

  public boolean isMuted() {
    return muted;
  }

  /** Mutes or unmutes every live track, firing {@code mute} or {@code unmute} on each; the same value does nothing. */
  public void setMuted(boolean value) {
    MediaStreamTrack[] snapshot;
    synchronized (lock) {
      if (muted == value) {
        return;
      }
      muted = value;
      snapshot = tracks;
    }
    for (MediaStreamTrack t : snapshot) {
      t.setMutedBySource(value);
    }
  }

  /** Whether the source has ended: {@link #end()} was called or its last track stopped. */
  public boolean isEnded() {
    return ended;
  }

  /** Ends every live track ({@code ended} fires on each, sinks are told); later tracks are created ended. */
  public void end() {
    MediaStreamTrack[] snapshot;
    synchronized (lock) {
      if (ended) {
        return;
      }
      ended = true;
      snapshot = tracks;
      tracks = NO_TRACKS;
    }
    for (MediaStreamTrack t : snapshot) {
      t.endBySource();
    }
  }

  public int getLiveTrackCount() {
    return tracks.length;
  }

  /** Adds a new track; false if the source has ended (the track is then born ended). */
  boolean register(MediaStreamTrack track) {
    synchronized (lock) {
      if (ended) {
        return false;
      }
      MediaStreamTrack[] next = Arrays.copyOf(tracks, tracks.length + 1);
      next[tracks.length] = track;
      tracks = next;
      return true;
    }
  }

  /** A track stopped itself; when it was the last, the source ends and {@code onLastTrackEnded} runs. */
  void unregister(MediaStreamTrack track) {
    boolean last = false;
    synchronized (lock) {
      MediaStreamTrack[] current = tracks;
      int i = Arrays.asList(current).indexOf(track);
      if (i < 0) {
        return;
      }
      MediaStreamTrack[] next = new MediaStreamTrack[current.length - 1];
      System.arraycopy(current, 0, next, 0, i);
      System.arraycopy(current, i + 1, next, i, current.length - i - 1);
      tracks = next;
      if (next.length == 0 && !ended) {
        ended = true;
        last = true;
      }
    }
    if (last && onLastTrackEnded != null) {
      onLastTrackEnded.run();
    }
  }

  /** Builds a {@link MediaStreamTrackSource}. */
  public static final class Builder {
    private final TrackKind kind;
    private String label = "";
    private @Nullable MediaTrackCapabilities capabilities;
    private @Nullable FrameAllocator allocator;
    private @Nullable Runnable onLastTrackEnded;

    private Builder(TrackKind kind) {
      this.kind = kind;
    }

    /** The label its tracks report (a device name, a plugin id); empty by default. */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /** What its tracks report from getCapabilities(); defaults to those of a generated track of its kind. */
    public Builder capabilities(MediaTrackCapabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    /** Where cropped and scaled frames are allocated; defaults to {@link MediaFrames#heapAllocator()}. */
    public Builder allocator(FrameAllocator allocator) {
      this.allocator = allocator;
      return this;
    }

    /** Runs once, when the last live track stops by its own {@code stop()} (not when {@link #end()} is called). */
    public Builder onLastTrackEnded(Runnable onLastTrackEnded) {
      this.onLastTrackEnded = onLastTrackEnded;
      return this;
    }

    public MediaStreamTrackSource build() {
      return new MediaStreamTrackSource(this);
    }
  }
}
