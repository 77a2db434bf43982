package dev.framebridge.sdk.track;

import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A track of video or audio frames, as Media Capture and Streams defines MediaStreamTrack. Frames come from its
 * {@link MediaStreamTrackSource} and go to its sinks (processors, publishers). Thread-safe.
 *
 * <p>Events: {@code ended} fires when the source ends the track (never for {@link #stop()} of this track), {@code mute}
 * and {@code unmute} when the source's muted state changes. Listeners run on the thread causing the event.
 */
public class MediaStreamTrack {
  private static final Logger LOG = LoggerFactory.getLogger(MediaStreamTrack.class);
  private static final Set<String> VIDEO_HINTS = Set.of("", "motion", "detail", "text");
  private static final Set<String> AUDIO_HINTS = Set.of("", "speech", "speech-recognition", "music");
  private static final MediaStreamTrackSink[] NO_SINKS = new MediaStreamTrackSink[0];

  private final MediaStreamTrackSource source;
  private final String id = UUID.randomUUID().toString();
  private final Object lock = new Object();
  private final TrackOutput output;
  private final List<MediaStreamTrackListener> endedListeners = new CopyOnWriteArrayList<>();
  private final List<MediaStreamTrackListener> muteListeners = new CopyOnWriteArrayList<>();
  private final List<MediaStreamTrackListener> unmuteListeners = new CopyOnWriteArrayList<>();
  private volatile MediaStreamTrackState readyState;
  private volatile boolean enabled = true;
  private volatile boolean muted;
  private volatile String contentHint = "";
  private volatile MediaTrackConstraints constraints = MediaTrackConstraints.none();
  private volatile MediaStreamTrackSink[] sinks = NO_SINKS;

  /** A new track of {@code source}: live, unless the source has ended. Prefer {@link MediaStreamTrackSource#createTrack}. */
  protected MediaStreamTrack(MediaStreamTrackSource source) {
    this.source = source;
    this.output = new TrackOutput(source);
    this.muted = source.isMuted();
    this.readyState = MediaStreamTrackState.LIVE;
    if (!source.register(this)) {
      this.readyState = MediaStreamTrackState.ENDED;
    }
  }

  /** The source of this track (for subclasses that are sources themselves, like MediaStreamTrackGenerator). */
  protected final MediaStreamTrackSource getSource() {
    return source;
  }

  /** A unique id (a UUID string). */
  public String getId() {
    return id;
  }

  /** {@code "video"} or {@code "audio"}. */
  public String getKind() {
    return source.getKind().getWebName();
  }

  public TrackKind getTrackKind() {
    return source.getKind();
  }

  public String getLabel() {
    return source.getLabel();
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** A disabled track passes no frames to its sinks (and its settings stop following frames). */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isMuted() {
    return muted;
  }

  public MediaStreamTrackState getReadyState() {
    return readyState;
  }

  public String getContentHint() {
    return contentHint;
  }

  /**
   * Sets the content hint: {@code "motion"}, {@code "detail"}, {@code "text"} or {@code ""} for video;
   * {@code "speech"}, {@code "speech-recognition"}, {@code "music"} or {@code ""} for audio. Any other value leaves it
   * unchanged, as the browser does.
   */
  public void setContentHint(String hint) {
    if ((source.getKind() == TrackKind.VIDEO ? VIDEO_HINTS : AUDIO_HINTS).contains(hint)) {
      this.contentHint = hint;
    }
  }

  /**
   * A new track of the same source with a new id, the same enabled state, content hint and constraints. Stopping
   * either leaves the other live. A clone of an ended track is ended.
   */
  @Override
  public MediaStreamTrack clone() {
    MediaStreamTrack copy = readyState == MediaStreamTrackState.ENDED
        ? endedTrack() : source.createTrack();
    copy.enabled = enabled;
    copy.contentHint = contentHint;
    copy.constraints = constraints;
    copy.output.configure(constraints);
    return copy;
  }

  private MediaStreamTrack endedTrack() {
    MediaStreamTrack t = source.createTrack();
    if (t.stopQuietly()) {
      source.unregister(t);
    }
    return t;
  }

  /** Ends this track: its sinks are told, no {@code ended} event fires. When it was the source's last, the source ends. */
  public void stop() {
    if (stopQuietly()) {
      source.unregister(this);
    }
  }

  private boolean stopQuietly() {
    MediaStreamTrackSink[] toEnd;
    synchronized (lock) {
      if (readyState == MediaStreamTrackState.ENDED) {
        return false;
      }
      readyState = MediaStreamTrackState.ENDED;
      toEnd = sinks;
      sinks = NO_SINKS;
    }
    for (MediaStreamTrackSink s : toEnd) {
      s.onEnded();
    }
    return true;
  }

  public ListenerRegistration addEndedListener(MediaStreamTrackListener listener) {
    return register(endedListeners, listener);
  }

  public ListenerRegistration addMuteListener(MediaStreamTrackListener listener) {
    return register(muteListeners, listener);
  }

  public ListenerRegistration addUnmuteListener(MediaStreamTrackListener listener) {
    return register(unmuteListeners, listener);
  }

  private static ListenerRegistration register(List<MediaStreamTrackListener> list, MediaStreamTrackListener l) {
    list.add(l);
    return () -> list.remove(l);
  }

  /**
   * Attaches a consumer of this track's frames. On an ended track the sink is told {@code onEnded} at once.
   * Closing the registration detaches it (without {@code onEnded}).
   */
  public ListenerRegistration addSink(MediaStreamTrackSink sink) {
    synchronized (lock) {
      if (readyState == MediaStreamTrackState.LIVE) {
        MediaStreamTrackSink[] next = Arrays.copyOf(sinks, sinks.length + 1);
        next[sinks.length] = sink;
        sinks = next;
        return () -> removeSink(sink);
      }
    }
    sink.onEnded();
    return () -> {};
  }

  private void removeSink(MediaStreamTrackSink sink) {
    synchronized (lock) {
      MediaStreamTrackSink[] current = sinks;
      int i = Arrays.asList(current).indexOf(sink);
      if (i < 0) {
        return;
      }
      MediaStreamTrackSink[] next = new MediaStreamTrackSink[current.length - 1];
      System.arraycopy(current, 0, next, 0, i);
      System.arraycopy(current, i + 1, next, i, current.length - i - 1);
      sinks = next;
    }
  }

  /** The current settings: the size and estimated rate of the frames this track delivers. */
  public MediaTrackSettings getSettings() {
    return output.settings();
  }

  public MediaTrackCapabilities getCapabilities() {
    return source.getCapabilities();
  }

  /** The constraints last applied successfully; none at first. */
  public MediaTrackConstraints getConstraints() {
    return constraints;
  }

  /**
   * Applies constraints to this track alone (not its clones): with resize mode {@code "crop-and-scale"} (explicit, or
   * implied by a size constraint) frames are cropped and scaled to fit; a frameRate constraint drops frames to that
   * rate. Fails with {@link OverconstrainedException} naming the constraint when a required value (exact, min, max)
   * lies outside the capabilities, leaving the previous constraints in force. An unsupported ideal value is ignored.
   */
  public CompletableFuture<Void> applyConstraints(MediaTrackConstraints constraints) {
    try {
      ConstraintCheck.check(constraints, getCapabilities());
    } catch (OverconstrainedException e) {
      return CompletableFuture.failedFuture(e);
    }
    synchronized (lock) {
      this.constraints = constraints;
      output.configure(constraints);
    }
    return CompletableFuture.completedFuture(null);
  }

  // ---- called by the source ----

  void deliver(MediaFrame frame) {
    if (!enabled || readyState != MediaStreamTrackState.LIVE) {
      return;
    }
    MediaFrame out = output.adapt(frame);
    if (out == null) {
      return;
    }
    try {
      for (MediaStreamTrackSink s : sinks) {
        try {
          s.onFrame(out.clone());
        } catch (RuntimeException e) {
          LOG.warn("a sink of {} failed", this, e);
        }
      }
    } finally {
      if (out != frame) {
        out.close();
      }
    }
  }

  void setMutedBySource(boolean value) {
    if (readyState != MediaStreamTrackState.LIVE || muted == value) {
      return;
    }
    muted = value;
    fire(value ? muteListeners : unmuteListeners);
  }

  void endBySource() {
    if (stopQuietly()) {
      fire(endedListeners);
    }
  }

  private void fire(List<MediaStreamTrackListener> listeners) {
    for (MediaStreamTrackListener l : listeners) {
      try {
        l.onEvent(this);
      } catch (RuntimeException e) {
        LOG.warn("a listener of {} failed", this, e);
      }
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + getKind() + ", " + id + ", " + readyState + (muted ? ", muted" : "")
        + (enabled ? "" : ", disabled") + ")";
  }
}
