package dev.framebridge.sdk.worker;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Opens a worker's ends from its INIT message: subscribes to {@code inputHandle} and attaches as publisher of the
 * output channel the host prepared ({@code outputHandle}).
 */
final class WorkerIos {
  private WorkerIos() {}

  static WorkerIo open(ControlMessage init) throws IOException {
    String in = init.getString("inputHandle");
    String out = init.getString("outputHandle");
    ChannelSubscriber subscriber = ChannelSubscriber.open(ChannelFrames.directoryOf(in), ChannelFrames.nameOf(in));
    ChannelPublisher publisher;
    try {
      publisher = ChannelPublisher.attach(ChannelFrames.directoryOf(out), ChannelFrames.nameOf(out));
    } catch (IOException | RuntimeException e) {
      subscriber.close();
      throw e;
    }
    return new ChannelWorkerIo(subscriber, publisher, out);
  }

  private static final class ChannelWorkerIo implements WorkerIo {
    private final ChannelSubscriber input;
    private final ChannelPublisher output;
    private final String outputHandle;
    private final FrameAllocator allocator = MediaFrames.heapAllocator();
    private long dropped;
    private long skipped;

    ChannelWorkerIo(ChannelSubscriber input, ChannelPublisher output, String outputHandle) {
      this.input = input;
      this.output = output;
      this.outputHandle = outputHandle;
    }

    @Override
    public String getOutputHandle() {
      return outputHandle;
    }

    @Override
    public @Nullable VideoFrame read(long timeoutMs) throws Exception {
      VideoFrame f = ChannelFrames.read(input, TimeUnit.MILLISECONDS.toNanos(timeoutMs));
      if (f == null && input.isEnded()) {
        throw new EOFException("input track ended");
      }
      // latest wins, as a video MediaStreamTrackProcessor's buffer of 1: a worker that fell behind (or has just
      // started on a ring holding older frames) transforms the newest frame, not a backlog
      while (f != null) {
        VideoFrame newer = ChannelFrames.read(input, 0);
        if (newer == null) {
          break;
        }
        f.close();
        skipped++;
        f = newer;
      }
      return f;
    }

    @Override
    public void write(VideoFrame frame) {
      try {
        if (!ChannelFrames.write(output, frame)) {
          dropped++;
        }
      } finally {
        frame.close();
      }
    }

    @Override
    public FrameAllocator getAllocator() {
      return allocator;
    }

    @Override
    public long getDropped() {
      return dropped + skipped + input.getDropped();
    }

    @Override
    public void close() {
      output.close();
      input.close();
    }
  }
}
