package dev.framebridge.host.chain;

import dev.framebridge.sdk.insertable.VideoTrackGenerator;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.ListenerRegistration;
import dev.framebridge.sdk.track.MediaStreamTrack;

import dev.framebridge.spi.media.VideoFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's two track ends: a sink on the input track feeding {@link PluginChain#accept}, and a host-side
 * {@link VideoTrackGenerator} whose track is the chain's output, fed by whichever slot or worker is serving.
 */
final class TrackEnds implements FrameSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackEnds.class);
  private static final int MAX_QUEUED = 4;

  private final VideoTrackGenerator generator = new VideoTrackGenerator("framebridge plugin chain");
  private final WritableStreamWriter<VideoFrame> writer = generator.getWritable().getWriter();
  private @Nullable ListenerRegistration input;
  private long dropped;

  void attach(MediaStreamTrack track, PluginChain chain) {
    input = track.addSink(frame -> {
      if (frame instanceof VideoFrame) {
        chain.accept((VideoFrame) frame);
      } else {
        frame.close();
      }
    });
  }

  MediaStreamTrack getOutput() {
    return generator.getTrack();
  }

  @Override
  public void accept(VideoFrame frame) {
    Integer desired = writer.getDesiredSize();
    if (desired == null || desired <= -MAX_QUEUED) {
      dropped++; // the output's consumers are not keeping up (or it has closed): drop rather than queue
      frame.close();
      return;
    }
    writer.write(frame).exceptionally(e -> {
      LOG.debug("chain output write failed: {}", e.toString());
      return null;
    });
  }

  long getDropped() {
    return dropped;
  }

  void detachInput() {
    ListenerRegistration r = input;
    if (r != null) {
      r.close();
    }
  }

  @Override
  public void close() {
    detachInput();
    writer.close();
  }

}
