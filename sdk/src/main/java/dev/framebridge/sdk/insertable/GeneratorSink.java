package dev.framebridge.sdk.insertable;

import dev.framebridge.sdk.stream.UnderlyingSink;
import dev.framebridge.sdk.stream.WritableStream;
import dev.framebridge.sdk.stream.WritableStreamController;
import dev.framebridge.sdk.track.MediaStreamTrackSource;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The underlying sink shared by both generators (writeFrame and closeWritable of the specification): checks the
 * chunk, sends it to the source's tracks unless muted (sampled as each write is processed), closes it; ends the
 * tracks when the writable closes or aborts; closes the writable when the last track stops. Typed {@code Object} so
 * that a wrong chunk is refused with IllegalArgumentException, not a ClassCastException.
 */
final class GeneratorSink implements UnderlyingSink<Object> {
  private final String owner;
  private final TrackKind kind;
  private final BooleanSupplier muted;
  private @Nullable MediaStreamTrackSource source;
  private volatile @Nullable WritableStreamController controller;
  private volatile boolean lastTrackEnded;
  private volatile @Nullable WritableStream<Object> writable;

  GeneratorSink(String owner, TrackKind kind, BooleanSupplier muted) {
    this.owner = owner;
    this.kind = kind;
    this.muted = muted;
  }

  TrackKind kind() {
    return kind;
  }

  void attach(MediaStreamTrackSource source) {
    this.source = source;
  }

  /** The writable, created on first use. */
  @SuppressWarnings("unchecked")
  <T> WritableStream<T> writable() {
    WritableStream<Object> w = writable;
    if (w == null) {
      synchronized (this) {
        w = writable;
        if (w == null) {
          w = new WritableStream<>(this, 1);
          writable = w;
        }
      }
    }
    return (WritableStream<T>) w;
  }

  /** The source's last track stopped: close the writable (now or when it is created). */
  void onLastTrackEnded() {
    lastTrackEnded = true;
    WritableStreamController c = controller;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public void start(WritableStreamController c) {
    controller = c;
    if (lastTrackEnded) {
      c.close();
    }
  }

  @Override
  public CompletionStage<Void> write(Object chunk, WritableStreamController c) {
    if (!(chunk instanceof MediaFrame)) {
      throw new IllegalArgumentException(owner + " accepts " + expected() + ", got "
          + chunk.getClass().getName());
    }
    MediaFrame frame = (MediaFrame) chunk;
    boolean rightKind = kind == TrackKind.VIDEO ? frame instanceof VideoFrame : frame instanceof AudioData;
    if (!rightKind) {
      throw new IllegalArgumentException(owner + " of kind " + kind.getWebName() + " accepts " + expected()
          + ", got " + frame.getClass().getSimpleName());
    }
    if (frame.isClosed()) {
      throw new IllegalArgumentException(owner + " cannot write a closed frame");
    }
    try {
      if (!muted.getAsBoolean()) {
        source.deliver(frame);
      }
    } finally {
      frame.close();
    }
    return DONE;
  }

  @Override
  public CompletionStage<Void> close() {
    source.end();
    return DONE;
  }

  @Override
  public CompletionStage<Void> abort(@Nullable Throwable reason) {
    source.end();
    return DONE;
  }

  private String expected() {
    return kind == TrackKind.VIDEO ? "VideoFrame" : "AudioData";
  }
}
