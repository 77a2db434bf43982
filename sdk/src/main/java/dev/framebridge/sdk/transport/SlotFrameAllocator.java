package dev.framebridge.sdk.transport;

import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.Rect;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;

/**
 * Allocates frames directly in the next free slot of a publication, so a plugin's output is written once into shared
 * memory and committed without a copy when it reaches the publication. When every slot is claimed it falls back to
 * heap memory (the frame is then copied on publish) rather than failing.
 */
final class SlotFrameAllocator implements FrameAllocator {
  private final ChannelPublisher publisher;

  SlotFrameAllocator(ChannelPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public VideoFrame allocateVideoFrame(VideoPixelFormat format, int width, int height, long timestampUs) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive, was " + width + "x" + height);
    }
    int size = format.frameBytes(width, height);
    int token = publisher.isClosed() ? -1 : publisher.claim(size);
    if (token < 0) {
      return MediaFrames.heapAllocator().allocateVideoFrame(format, width, height, timestampUs);
    }
    FrameBuffer buffer = wrap(token, size, width, height);
    return MediaFrames.wrapVideoFrame(buffer, VideoFrameInit.of(format, width, height, timestampUs));
  }

  @Override
  public AudioData allocateAudioData(AudioSampleFormat format, int numberOfChannels, int numberOfFrames,
      float sampleRate, long timestampUs) {
    if (numberOfChannels <= 0 || numberOfFrames <= 0) {
      throw new IllegalArgumentException("channels and frames must be positive, were " + numberOfChannels + " and "
          + numberOfFrames);
    }
    int size = format.getBytesPerSample() * numberOfChannels * numberOfFrames;
    int token = publisher.isClosed() ? -1 : publisher.claim(size);
    if (token < 0) {
      return MediaFrames.heapAllocator().allocateAudioData(format, numberOfChannels, numberOfFrames, sampleRate,
          timestampUs);
    }
    FrameBuffer buffer = wrap(token, size, numberOfChannels, numberOfFrames);
    return MediaFrames.wrapAudioData(buffer, format, sampleRate, numberOfFrames, numberOfChannels, timestampUs);
  }

  @Override
  public VideoFrame copyOf(VideoFrame source) {
    VideoPixelFormat format = source.getFormat();
    Rect visible = source.getVisibleRect();
    if (format == null || visible == null) {
      throw new IllegalStateException("cannot copy a closed frame");
    }
    int size = source.allocationSize();
    int token = publisher.isClosed() ? -1 : publisher.claim(size);
    if (token < 0) {
      return MediaFrames.heapAllocator().copyOf(source);
    }
    FrameBuffer buffer = wrap(token, size, visible.getWidth(), visible.getHeight());
    source.copyTo(buffer.getMemory());
    VideoFrameInit init = VideoFrameInit.builder().format(format).codedWidth(visible.getWidth())
        .codedHeight(visible.getHeight()).timestamp(source.getTimestamp()).duration(source.getDuration())
        .displayWidth(source.getDisplayWidth()).displayHeight(source.getDisplayHeight()).build();
    return MediaFrames.wrapVideoFrame(buffer, init);
  }

  private FrameBuffer wrap(int token, int size, int width, int height) {
    ByteBuffer memory = publisher.buffer(token).duplicate();
    memory.limit(size);
    SlotClaim claim = new SlotClaim(publisher, token, width, height);
    return FrameBuffer.wrap(memory, claim::release).withTag(claim);
  }

  @Override
  public String toString() {
    return "SlotFrameAllocator(" + publisher.getName() + ")";
  }
}
