package dev.framebridge.sdk.insertable;

import dev.framebridge.sdk.stream.WritableStream;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.track.MediaStreamTrackSource;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import org.jspecify.annotations.Nullable;

/**
 * The legacy generator of earlier drafts: a track of kind "video" or "audio" that is itself the source of its frames,
 * written to {@link #getWritable()}. Written frames must match the kind (VideoFrame or AudioData) and are closed once
 * sent; closing the writable ends the track and its clones; stopping the last of them closes the writable.
 */
public class MediaStreamTrackGenerator extends MediaStreamTrack {
  private final GeneratorSink sink;

  /**
   * @param kind {@code "video"} or {@code "audio"}
   * @throws IllegalArgumentException for any other kind, or none
   */
  public MediaStreamTrackGenerator(@Nullable String kind) {
    this(sinkFor(kind));
  }

  private MediaStreamTrackGenerator(GeneratorSink sink) {
    super(sourceFor(sink));
    this.sink = sink;
  }

  private static GeneratorSink sinkFor(@Nullable String kind) {
    if (kind == null) {
      throw new IllegalArgumentException("MediaStreamTrackGenerator needs a kind (\"video\" or \"audio\")");
    }
    return new GeneratorSink("MediaStreamTrackGenerator", TrackKind.fromWebName(kind), () -> false);
  }

  private static MediaStreamTrackSource sourceFor(GeneratorSink sink) {
    MediaStreamTrackSource source = MediaStreamTrackSource.builder(sink.kind())
        .onLastTrackEnded(sink::onLastTrackEnded).build();
    sink.attach(source);
    return source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The writable of frames, created on first access; the same object every time. */
  public WritableStream<MediaFrame> getWritable() {
    return sink.writable();
  }

  /** Builds a {@link MediaStreamTrackGenerator} (the legacy MediaStreamTrackGeneratorInit). */
  public static final class Builder {
    private @Nullable String kind;

    private Builder() {}

    /** Required: {@code "video"} or {@code "audio"}. */
    public Builder kind(@Nullable String kind) {
      this.kind = kind;
      return this;
    }

    /** @throws IllegalArgumentException for a missing or unknown kind */
    public MediaStreamTrackGenerator build() {
      return new MediaStreamTrackGenerator(kind);
    }
  }
}
