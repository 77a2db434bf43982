package dev.framebridge.sdk.transport;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.track.MediaStreamTrackSource;
import dev.framebridge.sdk.transport.channel.BackoffIdleStrategy;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.transport.channel.SlotDescriptor;
import dev.framebridge.sdk.transport.channel.SlotFrame;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel opened as a live local track. A reader thread waits for frames (see
 * {@link dev.framebridge.sdk.transport.channel.BackoffIdleStrategy}), wraps each slot in place as a VideoFrame or
 * AudioData (no copy; the slot is leased until the last clone closes) and delivers it to the track's source. At
 * most {@code slots / 2 - 1} frames are held at once; while consumers hold that many, newer frames are skipped and
 * counted as dropped, so the publisher never has to overwrite a frame still in use. The
 * publisher's mute state and end follow; when the publisher dies the track ends within the heartbeat bound. Stopping
 * the last local track (or closing this) stops reading.
 */
public final class TrackSubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackSubscription.class);
  private static final long POLL_SLICE_NS = 50_000_000L;
  private static final VideoPixelFormat[] VIDEO_FORMATS = VideoPixelFormat.values();
  private static final AudioSampleFormat[] AUDIO_FORMATS = AudioSampleFormat.values();

  private final ChannelSubscriber subscriber;
  private final TrackHandle handle;
  private final MediaStreamTrackSource source;
  private final MediaStreamTrack track;
  private final Runnable onClose;
  private final Thread reader;
  private final LongAdder unusable = new LongAdder();
  // Frames handed out and not yet closed. Capped so the publisher always has free slots: a consumer that keeps more
  // makes this reader skip (and count) frames instead of letting the publisher overwrite frames still in use.
  private final AtomicInteger held = new AtomicInteger();
  private final int maxHeld;
  private volatile boolean closing;

  TrackSubscription(ChannelSubscriber subscriber, TrackHandle handle, Runnable onClose) {
    this.subscriber = subscriber;
    this.handle = handle;
    this.onClose = onClose;
    this.maxHeld = Math.max(1, subscriber.getSlotCount() / 2 - 1);
    this.source = MediaStreamTrackSource.builder(subscriber.getKind()).label(remoteLabel(subscriber, handle))
        .onLastTrackEnded(this::stopReading).build();
    this.track = source.createTrack();
    if (subscriber.isMuted()) {
      source.setMuted(true);
    }
    this.reader = new Thread(this::run, "framebridge-in-" + handle.getChannel());
    reader.setDaemon(true);
    reader.start();
  }

  private static String remoteLabel(ChannelSubscriber subscriber, TrackHandle handle) {
    for (String part : subscriber.getSettings().split(";")) {
      if (part.startsWith("label=") && part.length() > 6) {
        return part.substring(6);
      }
    }
    return handle.getChannel();
  }

  /** The live track fed by the channel; clone it for more consumers. */
  public MediaStreamTrack getTrack() {
    return track;
  }

  public TrackHandle getHandle() {
    return handle;
  }

  /** Frames read from the channel. */
  public long getFramesReceived() {
    return subscriber.getFramesReceived();
  }

  /** Frames lost: overwritten before they were read (a slow reader), or unusable. */
  public long getDroppedFrames() {
    return subscriber.getDropped() + unusable.sum();
  }

  /** Forwarded frames lost because their slot was rewritten before this reader got to them (part of dropped). */
  public long getExpiredFrames() {
    return subscriber.getExpired();
  }

  /** Frames that arrived but could not be made into a frame object (part of dropped). */
  public long getUnusableFrames() {
    return unusable.sum();
  }

  /** Shared-memory bytes this subscription maps now. */
  public long getSharedBytes() {
    return subscriber.getSharedBytes();
  }

  /** Frames whose shared-memory descriptor was bad, and the last reason, or null. */
  public long getRejectedFrames() {
    return subscriber.getRejected();
  }

  public @Nullable String getLastRejection() {
    return subscriber.getLastRejection();
  }

  /** Whether reading has stopped (the channel ended, its publisher died, or the track was stopped). */
  public boolean isEnded() {
    return !reader.isAlive();
  }

  private void run() {
    boolean muted = subscriber.isMuted();
    try {
      BackoffIdleStrategy waitForRelease = new BackoffIdleStrategy();
      while (!closing) {
        if (held.get() >= maxHeld) {
          if (subscriber.isEnded()) {
            break;
          }
          waitForRelease.idle(0);
          continue;
        }
        waitForRelease.reset();
        SlotFrame slot = subscriber.await(POLL_SLICE_NS);
        boolean nowMuted = subscriber.isMuted();
        if (nowMuted != muted) {
          muted = nowMuted;
          source.setMuted(nowMuted);
        }
        if (slot == null) {
          if (subscriber.isEnded()) {
            break;
          }
          continue;
        }
        MediaFrame frame;
        try {
          frame = wrap(slot);
        } catch (IllegalArgumentException e) {
          unusable.increment();
          LOG.warn("channel {}: unusable frame {}: {}", handle.getChannel(), slot.getSequence(), e.getMessage());
          continue; // wrapping released the slot
        }
        try {
          source.deliver(frame);
        } finally {
          frame.close();
        }
      }
    } catch (RuntimeException e) {
      LOG.error("channel {}: reading stopped: {}", handle.getChannel(), e.toString());
    } finally {
      subscriber.close();
      source.end();
    }
  }

  private MediaFrame wrap(SlotFrame slot) {
    held.incrementAndGet();
    FrameBuffer buffer = FrameBuffer.wrap(slot.getData(), () -> {
      slot.close();
      held.decrementAndGet();
    }).withTag(slot);
    if (subscriber.getKind() == TrackKind.VIDEO) {
      long d = slot.getDurationUs();
      VideoFrameInit init = VideoFrameInit.builder().format(VIDEO_FORMATS[slot.getFormatCode()])
          .codedWidth(slot.getWidth()).codedHeight(slot.getHeight()).timestamp(slot.getTimestampUs())
          .duration(d == SlotDescriptor.NO_DURATION ? null : d).displayWidth(slot.getDisplayWidth())
          .displayHeight(slot.getDisplayHeight()).build();
      return MediaFrames.wrapVideoFrame(buffer, init);
    }
    return MediaFrames.wrapAudioData(buffer, AUDIO_FORMATS[slot.getFormatCode()], slot.getSampleRate(),
        slot.getHeight(), slot.getWidth(), slot.getTimestampUs());
  }

  private void stopReading() {
    closing = true;
  }

  /** Stops reading and ends the local track(s). */
  @Override
  public void close() {
    closing = true;
    if (Thread.currentThread() != reader) {
      try {
        reader.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    source.end();
    onClose.run();
  }
}
