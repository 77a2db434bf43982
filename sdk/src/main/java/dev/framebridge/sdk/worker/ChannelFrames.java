package dev.framebridge.sdk.worker;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.sdk.transport.TrackHandle;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.transport.channel.SlotDescriptor;
import dev.framebridge.sdk.transport.channel.SlotFrame;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioDataCopyToOptions;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Video frames and audio chunks over the transport's shared-memory channels, as the plugin chain moves them between host and
 * workers: a frame is written once into a claimed slot (its visible rect, tightly packed) and read in place as a
 * frame whose memory is the slot (closing it releases the slot's lease). Handles are the transport's
 * {@link TrackHandle} strings, so a worker can open them with {@code SharedMemoryTransport}.
 */
public final class ChannelFrames {
  private static final VideoPixelFormat[] FORMATS = VideoPixelFormat.values();
  private static final AudioSampleFormat[] AUDIO_FORMATS = AudioSampleFormat.values();

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

  /**
   * Writes a video frame or an audio chunk (by its kind) into the next slot; the frame stays the caller's.
   *
   * @return false when no slot was free (dropped)
   * @throws IllegalArgumentException if the frame's kind does not match the channel's
   */
  public static boolean write(ChannelPublisher publisher, MediaFrame frame) {
    if (frame instanceof VideoFrame && publisher.getKind() == TrackKind.VIDEO) {
      return write(publisher, (VideoFrame) frame);
    }
    if (frame instanceof AudioData && publisher.getKind() == TrackKind.AUDIO) {
      return writeAudio(publisher, (AudioData) frame);
    }
    throw new IllegalArgumentException("a " + frame.getClass().getSimpleName() + " cannot go into the "
        + publisher.getKind() + " channel " + publisher.getName());
  }

  /** Copies an audio chunk's planes into the next slot and commits it; false when no slot was free. */
  private static boolean writeAudio(ChannelPublisher publisher, AudioData a) {
    AudioSampleFormat format = a.getFormat();
    if (format == null) {
      throw new IllegalStateException("cannot publish a closed audio chunk");
    }
    int channels = a.getNumberOfChannels();
    int frames = a.getNumberOfFrames();
    int planes = format.isPlanar() ? channels : 1;
    int planeBytes = format.getBytesPerSample() * frames * (format.isPlanar() ? 1 : channels);
    int token = publisher.claim(planeBytes * planes);
    if (token < 0) {
      return false;
    }
    ByteBuffer slot = publisher.buffer(token);
    try {
      for (int p = 0; p < planes; p++) {
        a.copyTo(slot.slice(p * planeBytes, planeBytes), AudioDataCopyToOptions.plane(p));
      }
    } catch (RuntimeException e) {
      publisher.abort(token);
      throw e;
    }
    return publisher.commitAudio(token, format, channels, frames, a.getSampleRate(), a.getTimestamp(),
        a.getDuration());
  }

  /**
   * The next frame or chunk of the channel (by the channel's kind), read in place (the caller owns it), or null when
   * none arrived within {@code timeoutNs} or the track has ended.
   */
  public static @Nullable MediaFrame readFrame(ChannelSubscriber subscriber, long timeoutNs) {
    if (subscriber.getKind() == TrackKind.VIDEO) {
      return read(subscriber, timeoutNs);
    }
    SlotFrame slot = subscriber.await(timeoutNs);
    if (slot == null) {
      return null;
    }
    try {
      int code = slot.getFormatCode();
      if (code < 0 || code >= AUDIO_FORMATS.length) {
        throw new IllegalStateException("channel chunk has unknown sample format code " + code);
      }
      // audio slots carry channels in width and frames in height (ChannelPublisher.commitAudio)
      return MediaFrames.wrapAudioData(FrameBuffer.wrap(slot.getData(), slot::close), AUDIO_FORMATS[code],
          slot.getSampleRate(), slot.getHeight(), slot.getWidth(), slot.getTimestampUs());
    } catch (RuntimeException e) {
      slot.close();
      throw e;
    }
  }
}
