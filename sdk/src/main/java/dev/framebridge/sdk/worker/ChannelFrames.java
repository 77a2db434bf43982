package dev.framebridge.sdk.worker;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.sdk.transport.TrackHandle;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.transport.channel.SlotDescriptor;
import dev.framebridge.sdk.transport.channel.SlotFrame;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Video frames over the transport's shared-memory channels, as the plugin chain moves them between host and
 * workers: a frame is written once into a claimed slot (its visible rect, tightly packed) and read in place as a
 * frame whose memory is the slot (closing it releases the slot's lease). Handles are the transport's
 * {@link TrackHandle} strings, so a worker can open them with {@code SharedMemoryTransport}.
 */
public final class ChannelFrames {
  private static final VideoPixelFormat[] FORMATS = VideoPixelFormat.values();

  private ChannelFrames() {}

  /** The handle of channel {@code name} in {@code directory}: a transport {@link TrackHandle} string. */
  public static String handle(Path directory, String name) {
    return TrackHandle.of(directory.toAbsolutePath(), name).format();
  }

  /** The channel directory of a handle. */
  public static Path directoryOf(String handle) {
    return TrackHandle.parse(handle).getDirectory();
  }

  /** The channel name of a handle. */
  public static String nameOf(String handle) {
    return TrackHandle.parse(handle).getChannel();
  }

  /**
   * Copies {@code frame}'s visible pixels into the next slot and commits it; the frame stays the caller's.
   *
   * @return false when no slot was free (the frame is dropped; back-pressure is a return value)
   * @throws IllegalStateException if the frame is closed
   */
  public static boolean write(ChannelPublisher publisher, VideoFrame frame) {
    VideoPixelFormat format = frame.getFormat();
    Rect visible = frame.getVisibleRect();
    if (format == null || visible == null) {
      throw new IllegalStateException("cannot publish a closed frame");
    }
    int size = frame.allocationSize();
    int token = publisher.claim(size);
    if (token < 0) {
      return false;
    }
    ByteBuffer slot = publisher.buffer(token);
    try {
      frame.copyTo(slot);
    } catch (RuntimeException e) {
      publisher.abort(token);
      throw e;
    }
    Long duration = frame.getDuration();
    return publisher.commitVideo(token, format, (int) visible.getWidth(), (int) visible.getHeight(),
        frame.getDisplayWidth(), frame.getDisplayHeight(), frame.getTimestamp(),
        duration == null ? SlotDescriptor.NO_DURATION : duration);
  }

  /**
   * The next frame of the channel, read in place (the caller owns it and must close it), or null when none arrived
   * within {@code timeoutNs} or the track has ended (see {@link ChannelSubscriber#isEnded()}).
   */
  public static @Nullable VideoFrame read(ChannelSubscriber subscriber, long timeoutNs) {
    SlotFrame slot = subscriber.await(timeoutNs);
    if (slot == null) {
      return null;
    }
    try {
      int code = slot.getFormatCode();
      if (code < 0 || code >= FORMATS.length) {
        throw new IllegalStateException("channel frame has unknown pixel format code " + code);
      }
      VideoFrameInit.Builder init = VideoFrameInit.builder().format(FORMATS[code]).codedWidth(slot.getWidth())
          .codedHeight(slot.getHeight()).timestamp(slot.getTimestampUs());
      if (slot.getDurationUs() != SlotDescriptor.NO_DURATION) {
        init.duration(slot.getDurationUs());
      }
      if (slot.getDisplayWidth() > 0 && slot.getDisplayHeight() > 0) {
        init.displayWidth(slot.getDisplayWidth()).displayHeight(slot.getDisplayHeight());
      }
      return MediaFrames.wrapVideoFrame(FrameBuffer.wrap(slot.getData(), slot::close), init.build());
    } catch (RuntimeException e) {
      slot.close();
      throw e;
    }
  }
}
