package dev.framebridge.sdk.insertable;

import dev.framebridge.sdk.stream.WritableStream;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.track.MediaStreamTrackSource;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.VideoFrame;

/**
 * A video track whose frames are written to a {@link WritableStream} (the specification's VideoTrackGenerator). This
 * is how to make a local track: create one, hand out {@link #getTrack()} (or clones of it), write frames.
 *
 * <ul>
 *   <li>Each written frame is sent to every live track unless {@link #isMuted() muted} when the write is processed,
 *       then closed. Writing anything but an open VideoFrame fails with IllegalArgumentException and errors the
 *       writable.
 *   <li>Closing or aborting the writable ends every track ({@code ended} fires on each).
 *   <li>When the last track stops, the writable closes: later writes fail with IllegalArgumentException and leave
 *       their frame open.
 *   <li>Each track's settings follow the frames it receives; constraints may crop, scale or decimate per track.
 * </ul>
 */
public final class VideoTrackGenerator {
  private final MediaStreamTrackSource source;
  private final GeneratorSink sink;
  private final MediaStreamTrack track;
  private volatile boolean muted;

  public VideoTrackGenerator() {
    this("");
  }

  /** A generator whose tracks report {@code label}. */
  public VideoTrackGenerator(String label) {
    this.sink = new GeneratorSink("VideoTrackGenerator", TrackKind.VIDEO, () -> muted);
    this.source = MediaStreamTrackSource.builder(TrackKind.VIDEO).label(label)
        .onLastTrackEnded(sink::onLastTrackEnded).build();
    sink.attach(source);
    this.track = source.createTrack();
  }

  /** The writable of frames, created on first access; the same object every time. */
  public WritableStream<VideoFrame> getWritable() {
    return sink.writable();
  }

  public boolean isMuted() {
    return muted;
  }

  /**
   * Mutes or unmutes the generator: while muted, written frames are closed without reaching the tracks. A change
   * fires {@code mute} or {@code unmute} on every live track; setting the current value does nothing.
   */
  public void setMuted(boolean muted) {
    synchronized (this) {
      if (this.muted == muted) {
        return;
      }
      this.muted = muted;
    }
    source.setMuted(muted);
  }

  /** The track this generator was created with; further tracks are its clones. */
  public MediaStreamTrack getTrack() {
    return track;
  }

  /** The source behind every track of this generator. */
  public MediaStreamTrackSource getSource() {
    return source;
  }
}
