package dev.framebridge.sdk.transport;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.track.ListenerRegistration;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.track.MediaStreamTrackSink;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.SlotDescriptor;
import dev.framebridge.sdk.transport.channel.SlotFrame;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioDataCopyToOptions;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local track being published into a channel: every frame the track delivers is written once into a slot; a frame
 * allocated by {@link #getAllocator()} is committed where it already is, and a frame read from another channel and
 * passed on unchanged is published as a reference to its slot (no copy at all). Mute, unmute and end follow the track.
 * Closing stops publishing and ends the remote track.
 */
public final class TrackPublication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackPublication.class);

  private final ChannelPublisher publisher;
  private final TrackHandle handle;
  private final MediaStreamTrack track;
  private final SlotFrameAllocator allocator;
  private final Runnable onClose;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder committedInPlace = new LongAdder();
  private final ListenerRegistration sinkRegistration;
  private final ListenerRegistration muteRegistration;
  private final ListenerRegistration unmuteRegistration;
  private int lastWidth = -1;
  private int lastHeight = -1;
  private volatile boolean closed;

  TrackPublication(ChannelPublisher publisher, TrackHandle handle, MediaStreamTrack track, Runnable onClose) {
    this.publisher = publisher;
    this.handle = handle;
    this.track = track;
    this.allocator = new SlotFrameAllocator(publisher);
    this.onClose = onClose;
    publisher.setSettings(settingsText(0, 0));
    publisher.setMuted(track.isMuted());
    muteRegistration = track.addMuteListener(t -> publisher.setMuted(true));
    unmuteRegistration = track.addUnmuteListener(t -> publisher.setMuted(false));
    sinkRegistration = track.addSink(new Sink());
  }

  /** The handle another JVM opens to get this track. */
  public TrackHandle getHandle() {
    return handle;
  }

  /** The local track being published. */
  public MediaStreamTrack getTrack() {
    return track;
  }

  /**
   * Allocates frames straight in this publication's next free slot: a frame allocated here and written to the
   * published track reaches shared memory without any copy.
   */
  public FrameAllocator getAllocator() {
    return allocator;
  }

  /** Frames written into the channel. */
  public long getFramesPublished() {
    return publisher.getFramesPublished();
  }

  /** Frames committed where they were allocated, without a copy. */
  public long getFramesCommittedInPlace() {
    return committedInPlace.sum();
  }

  /** Frames that could not be published (every slot claimed, or the frame was unusable). */
  public long getDroppedFrames() {
    return dropped.sum();
  }

  /** Shared-memory bytes the channel holds now. */
  public long getSharedBytes() {
    return publisher.getSharedBytes();
  }

  public boolean isClosed() {
    return closed;
  }

  /** Stops publishing; the remote track ends. The channel's ring file is deleted. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sinkRegistration.close();
    muteRegistration.close();
    unmuteRegistration.close();
    publisher.close();
    onClose.run();
  }

  private String settingsText(int width, int height) {
    return "label=" + track.getLabel().replace(';', ',') + ";kind=" + track.getKind() + ";width=" + width
        + ";height=" + height;
  }

  private void publish(MediaFrame frame) {
    if (closed || publisher.isClosed()) {
      return;
    }
    FrameBuffer buffer = MediaFrames.getBuffer(frame);
    Object tag = buffer == null ? null : buffer.getTag();
    if (tag instanceof SlotClaim && ((SlotClaim) tag).publisher == publisher && commitInPlace(frame, (SlotClaim) tag)) {
      committedInPlace.increment();
      return;
    }
    if (tag instanceof SlotFrame && forward(frame, (SlotFrame) tag)) {
      return;
    }
    if (frame instanceof VideoFrame) {
      copyVideo((VideoFrame) frame);
    } else {
      copyAudio((AudioData) frame);
    }
  }

  /** A frame read from a channel, passed on unchanged: publish a reference to its slot instead of a copy. */
  private boolean forward(MediaFrame frame, SlotFrame slot) {
    if (frame instanceof VideoFrame) {
      VideoFrame v = (VideoFrame) frame;
      Rect r = v.getVisibleRect();
      if (r == null || r.getX() != 0 || r.getY() != 0 || r.getWidth() != slot.getWidth()
          || r.getHeight() != slot.getHeight() || v.getCodedWidth() != slot.getWidth()) {
        return false; // a cropped view: copy what is visible
      }
      boolean ok = publisher.forward(slot, v.getTimestamp(), duration(v.getDuration()), v.getDisplayWidth(),
          v.getDisplayHeight());
      if (ok) {
        noteSize(slot.getWidth(), slot.getHeight());
      }
      return ok;
    }
    AudioData a = (AudioData) frame;
    return a.getNumberOfFrames() == slot.getHeight() && a.getNumberOfChannels() == slot.getWidth()
        && publisher.forward(slot, a.getTimestamp(), a.getDuration(), slot.getDisplayWidth(), 0);
  }

  /** Frames published as a reference to the slot they were read from (passed on unchanged, not copied). */
  public long getFramesForwarded() {
    return publisher.getFramesForwarded();
  }

  private boolean commitInPlace(MediaFrame frame, SlotClaim claim) {
    if (claim.isCommitted()) {
      return false; // the same memory published twice: the second time it must be copied
    }
    boolean ok;
    if (frame instanceof VideoFrame) {
      VideoFrame v = (VideoFrame) frame;
      Rect r = v.getVisibleRect();
      VideoPixelFormat format = v.getFormat();
      if (format == null || r == null || r.getX() != 0 || r.getY() != 0 || v.getCodedWidth() != claim.width
          || v.getCodedHeight() != claim.height || r.getWidth() != claim.width || r.getHeight() != claim.height) {
        return false; // a view of part of the slot: copy what is visible
      }
      claim.markCommitted();
      ok = publisher.commitVideo(claim.token, format, claim.width, claim.height, v.getDisplayWidth(),
          v.getDisplayHeight(), v.getTimestamp(), duration(v.getDuration()));
      noteSize(claim.width, claim.height);
    } else {
      AudioData a = (AudioData) frame;
      AudioSampleFormat format = a.getFormat();
      if (format == null || a.getNumberOfChannels() != claim.width || a.getNumberOfFrames() != claim.height) {
        return false;
      }
      claim.markCommitted();
      ok = publisher.commitAudio(claim.token, format, claim.width, claim.height, a.getSampleRate(),
          a.getTimestamp(), a.getDuration());
    }
    if (!ok) {
      dropped.increment();
    }
    return true;
  }

  private void copyVideo(VideoFrame v) {
    VideoPixelFormat format = v.getFormat();
    Rect r = v.getVisibleRect();
    if (format == null || r == null) {
      dropped.increment();
      return;
    }
    int size = v.allocationSize();
    int token = publisher.claim(size);
    if (token < 0) {
      dropped.increment();
      return;
    }
    try {
      v.copyTo(publisher.buffer(token));
    } catch (RuntimeException e) {
      publisher.abort(token);
      dropped.increment();
      LOG.warn("channel {}: frame not published: {}", handle.getChannel(), e.toString());
      return;
    }
    publisher.commitVideo(token, format, r.getWidth(), r.getHeight(), v.getDisplayWidth(), v.getDisplayHeight(),
        v.getTimestamp(), duration(v.getDuration()));
    noteSize(r.getWidth(), r.getHeight());
  }

  private void copyAudio(AudioData a) {
    AudioSampleFormat format = a.getFormat();
    if (format == null) {
      dropped.increment();
      return;
    }
    int channels = a.getNumberOfChannels();
    int frames = a.getNumberOfFrames();
    int planes = format.isPlanar() ? channels : 1;
    int planeBytes = format.getBytesPerSample() * frames * (format.isPlanar() ? 1 : channels);
    int token = publisher.claim(planeBytes * planes);
    if (token < 0) {
      dropped.increment();
      return;
    }
    ByteBuffer slot = publisher.buffer(token);
    try {
      for (int p = 0; p < planes; p++) {
        a.copyTo(slot.slice(p * planeBytes, planeBytes), AudioDataCopyToOptions.plane(p));
      }
    } catch (RuntimeException e) {
      publisher.abort(token);
      dropped.increment();
      LOG.warn("channel {}: audio not published: {}", handle.getChannel(), e.toString());
      return;
    }
    publisher.commitAudio(token, format, channels, frames, a.getSampleRate(), a.getTimestamp(), a.getDuration());
  }

  private void noteSize(int width, int height) {
    if (width != lastWidth || height != lastHeight) {
      lastWidth = width;
      lastHeight = height;
      publisher.setSettings(settingsText(width, height));
    }
  }

  private static long duration(@Nullable Long durationUs) {
    return durationUs == null ? SlotDescriptor.NO_DURATION : durationUs;
  }

  private final class Sink implements MediaStreamTrackSink {
    @Override
    public void onFrame(MediaFrame frame) {
      try {
        publish(frame);
      } finally {
        frame.close();
      }
    }

    @Override
    public void onEnded() {
      publisher.end();
    }
  }
}
