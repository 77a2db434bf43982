package dev.framebridge.sdk.worker;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.transport.TrackHandle;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Opens a worker's ends from its INIT message: {@code inputHandle} (the slot's input channel) and
 * {@code outputHandle} (the output channel the host prepared). By default through the object model and the
 * transport's track API ({@link TrackWorkerIo}); {@code -Dframebridge.worker.channelIo=true} reads and writes the
 * channels directly (one copy more on output, no stream machinery), kept as a fallback and for comparison.
 */
final class WorkerIos {
  private WorkerIos() {}

  static WorkerIo open(ControlMessage init, TrackKind kind) throws IOException {
    // the direct channel path keeps video's newest-frame-wins reading; audio always goes in order through the track
    if (kind == TrackKind.AUDIO || !Boolean.getBoolean("framebridge.worker.channelIo")) {
      return new TrackWorkerIo(TrackHandle.parse(init.getString("inputHandle")),
          TrackHandle.parse(init.getString("outputHandle")), kind);
    }
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
    private long droppedBaseline = -1;

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
      if (f != null && droppedBaseline < 0) {
        droppedBaseline = input.getDropped(); // frames published before this worker subscribed are not drops
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
    public void write(MediaFrame frame) {
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
      return dropped + skipped + (droppedBaseline < 0 ? 0 : input.getDropped() - droppedBaseline);
    }

    @Override
    public void close() {
      output.close();
      input.close();
    }
  }
}
