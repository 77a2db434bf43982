package dev.framebridge.host;

import dev.framebridge.host.chain.FrameSink;
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor;
import dev.framebridge.sdk.stream.ReadResult;
import dev.framebridge.sdk.stream.ReadableStreamReader;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.spi.media.VideoFrame;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a track through a {@link MediaStreamTrackProcessor} (queue of one: a late reader sees the newest frame, and
 * the processor counts what it dropped) and hands each frame, with its ownership, to a sink on its own thread.
 */
final class TrackReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackReader.class);

  private final MediaStreamTrackProcessor<VideoFrame> processor;
  private final ReadableStreamReader<VideoFrame> reader;
  private final FrameSink sink;
  private final Thread thread;
  private volatile boolean running = true;

  TrackReader(MediaStreamTrack track, String threadName, FrameSink sink) {
    this.processor = new MediaStreamTrackProcessor<>(track);
    this.reader = processor.getReadable().getReader();
    this.sink = sink;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Frames the processor dropped because the sink was still busy with an earlier one. */
  long getDroppedFrames() {
    return processor.getDroppedFrames();
  }

  private void run() {
    while (running) {
      ReadResult<VideoFrame> r;
      try {
        r = reader.read().get();
      } catch (InterruptedException e) {
        break;
      } catch (ExecutionException e) {
        if (running) {
          LOG.warn("{}: track reader failed: {}", thread.getName(), e.getCause().toString());
        }
        break;
      }
      VideoFrame f = r.getValue();
      if (r.isDone() || f == null) {
        break;
      }
      if (!running) {
        f.close();
        break;
      }
      try {
        sink.accept(f);
      } catch (RuntimeException e) {
        LOG.warn("{}: frame sink failed: {}", thread.getName(), e.toString());
      }
    }
  }

  @Override
  public void close() {
    running = false;
    reader.cancel(null);
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
