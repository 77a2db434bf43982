package dev.framebridge.host.chain;

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator;
import dev.framebridge.sdk.insertable.VideoTrackGenerator;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.ListenerRegistration;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's two track ends: a sink on the input track feeding {@link PluginChain#acceptFrame}, and a host-side
 * generator whose track is the chain's output, fed by whichever slot or worker is serving: a
 * {@link VideoTrackGenerator} for video, a {@link MediaStreamTrackGenerator} of kind "audio" for audio (which queues
 * more, since every chunk counts).
 */
final class TrackEnds implements MediaSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackEnds.class);
  private static final int MAX_QUEUED_VIDEO = 4;
  private static final int MAX_QUEUED_AUDIO = 64;

  private final MediaStreamTrack output;
  private final WritableStreamWriter<MediaFrame> writer;
  private final int maxQueued;
  private @Nullable ListenerRegistration input;
  private long dropped;

  @SuppressWarnings("unchecked")
  TrackEnds(TrackKind kind) {
    if (kind == TrackKind.AUDIO) {
      MediaStreamTrackGenerator generator = new MediaStreamTrackGenerator("audio");
      output = generator;
      writer = generator.getWritable().getWriter();
      maxQueued = MAX_QUEUED_AUDIO;
    } else {
      VideoTrackGenerator generator = new VideoTrackGenerator("framebridge plugin chain");
      output = generator.getTrack();
      // the chain hands this end only frames of its kind
      writer = (WritableStreamWriter<MediaFrame>) (WritableStreamWriter<?>) generator.getWritable().getWriter();
      maxQueued = MAX_QUEUED_VIDEO;
    }
  }

  void attach(MediaStreamTrack track, PluginChain chain) {
    input = track.addSink(chain::acceptFrame);
  }

  MediaStreamTrack getOutput() {
    return output;
  }

  @Override
  public void accept(MediaFrame frame) {
    Integer desired = writer.getDesiredSize();
    if (desired == null || desired <= -maxQueued) {
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
