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
 * Reads the camera track through a {@link MediaStreamTrackProcessor} (queue of one: a late chain sees the newest
 * frame, and the processor counts what it dropped) and hands each frame to the plugin chain on its own thread.
 */
final class ChainFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainFeed.class);

  private final MediaStreamTrackProcessor<VideoFrame> processor;
  private final ReadableStreamReader<VideoFrame> reader;
  private final FrameSink chain;
  private final Thread thread;
  private volatile boolean running = true;

  ChainFeed(MediaStreamTrack cameraTrack, FrameSink chain) {
    this.processor = new MediaStreamTrackProcessor<>(cameraTrack);
    this.reader = processor.getReadable().getReader();
    this.chain = chain;
    this.thread = new Thread(this::run, "framebridge-chain-feed");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Frames the processor dropped because the chain was still busy with an earlier one. */
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
          LOG.warn("camera track reader failed: {}", e.getCause().toString());
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
        chain.accept(f);
      } catch (RuntimeException e) {
        LOG.warn("plugin chain refused a frame: {}", e.toString());
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
