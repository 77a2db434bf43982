package dev.framebridge.sdk.insertable;

import dev.framebridge.sdk.stream.ReadableStream;
import dev.framebridge.sdk.stream.ReadableStreamController;
import dev.framebridge.sdk.stream.UnderlyingSource;
import dev.framebridge.sdk.track.ListenerRegistration;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.track.MediaStreamTrackSink;
import dev.framebridge.sdk.track.MediaStreamTrackState;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Exposes the frames of a track as a {@link ReadableStream} (the specification's MediaStreamTrackProcessor): a sink of
 * the track with a circular queue of at most {@code maxBufferSize} frames. When the queue is full the oldest frame is
 * dropped (closed and counted); frames are handed out only while a read is pending (high-water mark 0), in arrival
 * order. The readable closes when the track ends; cancelling it detaches the processor from the track.
 *
 * <p>A frame arriving while a read is pending is bound to that read at once (so it can no longer be dropped), and the
 * read completes on a delivery executor (by default a shared daemon pool, serialized per processor): a reader's
 * continuation never runs on, or blocks, the track's producer thread.
 *
 * @param <F> {@link dev.framebridge.spi.media.VideoFrame} for a video track, {@link dev.framebridge.spi.media.AudioData}
 *     for an audio track
 */
public final class MediaStreamTrackProcessor<F extends MediaFrame> {
  /** The queue size of a video track when none is given, as Chromium: only the newest frame waits. */
  public static final int DEFAULT_VIDEO_BUFFER_SIZE = 1;
  /** The queue size of an audio track when none is given, as Chromium. */
  public static final int DEFAULT_AUDIO_BUFFER_SIZE = 10;

  private final MediaStreamTrack track;
  private final int maxBufferSize;
  private final Executor delivery;
  private final Object lock = new Object();
  private final ArrayDeque<MediaFrame> queue;
  private final AtomicInteger drainRequests = new AtomicInteger();
  private @Nullable ReadableStream<F> readable;
  private @Nullable ReadableStreamController<F> controller;
  private @Nullable ListenerRegistration registration;
  private boolean closed;
  private long droppedFrames;
  private long deliveredFrames;

  /**
   * A processor with the default queue size.
   *
   * @throws IllegalArgumentException if {@code track} is null or ended
   */
  public MediaStreamTrackProcessor(MediaStreamTrack track) {
    this(builder().track(track));
  }

  /**
   * @param maxBufferSize the queue size, 1..65535; 0 means the default
   * @throws IllegalArgumentException if {@code track} is null or ended, or the size is outside 0..65535
   */
  public MediaStreamTrackProcessor(MediaStreamTrack track, int maxBufferSize) {
    this(builder().track(track).maxBufferSize(maxBufferSize));
  }

  private MediaStreamTrackProcessor(Builder b) {
    MediaStreamTrack t = b.track;
    if (t == null) {
      throw new IllegalArgumentException("MediaStreamTrackProcessor needs a track");
    }
    if (t.getReadyState() == MediaStreamTrackState.ENDED) {
      throw new IllegalArgumentException("the input track cannot be ended: " + t);
    }
    if (b.maxBufferSize < 0 || b.maxBufferSize > 65535) {
      throw new IllegalArgumentException("maxBufferSize must be in 0..65535, got " + b.maxBufferSize);
    }
    this.track = t;
    this.maxBufferSize = b.maxBufferSize >= 1 ? b.maxBufferSize
        : t.getTrackKind() == TrackKind.VIDEO ? DEFAULT_VIDEO_BUFFER_SIZE : DEFAULT_AUDIO_BUFFER_SIZE;
    this.delivery = new SerialExecutor(b.executor != null ? b.executor : DeliveryThreads.SHARED);
    this.queue = new ArrayDeque<>(Math.min(this.maxBufferSize, 64));
  }

  public static Builder builder() {
    return new Builder();
  }

  public MediaStreamTrack getTrack() {
    return track;
  }

  public int getMaxBufferSize() {
    return maxBufferSize;
  }

  /**
   * The readable of this processor's frames: created (and connected to the track) on the first call; every call
   * returns the same object. Frames read belong to the reader, who must close them.
   */
  public ReadableStream<F> getReadable() {
    // Built under the lock so that a racing second caller cannot install another stream's controller. The sink is
    // attached last: a track that already ended tells it at once, which closes the new readable.
    synchronized (lock) {
      if (readable == null) {
        readable = new ReadableStream<>(new Source(), 0, delivery);
        ListenerRegistration reg = track.addSink(new Sink());
        if (closed) {
          reg.close();
        } else {
          registration = reg;
        }
      }
      return readable;
    }
  }

  /** Frames dropped because the queue was full (the reader was slower than the track). */
  public long getDroppedFrames() {
    synchronized (lock) {
      return droppedFrames;
    }
  }

  /** Frames handed to readers. */
  public long getDeliveredFrames() {
    synchronized (lock) {
      return deliveredFrames;
    }
  }

  /** Whether the processor has closed (its track ended or its readable was cancelled). */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  // ---- the specification's algorithms ----

  private void handleNewFrame(MediaFrame frame) {
    MediaFrame oldest = null;
    synchronized (lock) {
      if (closed) {
        oldest = frame;
      } else {
        if (queue.size() >= maxBufferSize) {
          oldest = queue.poll();
          droppedFrames++;
        }
        queue.add(frame);
      }
    }
    if (oldest != null) {
      oldest.close();
    }
    scheduleDrain();
  }

  /** maybeReadFrame, run by whichever thread asks (producer or reader); one thread drains at a time. */
  private void scheduleDrain() {
    if (drainRequests.getAndIncrement() == 0) {
      drain();
    }
  }

  @SuppressWarnings("unchecked")
  private void drain() {
    int missed = 1;
    while (true) {
      while (true) {
        MediaFrame frame;
        ReadableStreamController<F> c;
        synchronized (lock) {
          c = controller;
          if (closed || c == null || queue.isEmpty() || c.getPendingReadCount() == 0) {
            break;
          }
          frame = queue.poll();
          deliveredFrames++;
        }
        try {
          c.enqueue((F) frame);
        } catch (IllegalStateException e) {
          frame.close();
          break;
        }
      }
      missed = drainRequests.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** processorClose: detach from the track, close the readable, drop what is queued. */
  private void close() {
    ListenerRegistration reg;
    ReadableStreamController<F> c;
    MediaFrame[] discarded;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      reg = registration;
      registration = null;
      c = controller;
      discarded = queue.toArray(new MediaFrame[0]);
      queue.clear();
    }
    if (reg != null) {
      reg.close();
    }
    for (MediaFrame f : discarded) {
      f.close();
    }
    if (c != null) {
      c.close();
    }
  }

  private final class Source implements UnderlyingSource<F> {
    @Override
    public void start(ReadableStreamController<F> c) {
      synchronized (lock) {
        controller = c;
      }
    }

    @Override
    public void pull(ReadableStreamController<F> c) {
      scheduleDrain();
    }

    @Override
    public void cancel(@Nullable Throwable reason) {
      close();
    }
  }

  private final class Sink implements MediaStreamTrackSink {
    @Override
    public void onFrame(MediaFrame frame) {
      handleNewFrame(frame);
    }

    @Override
    public void onEnded() {
      close();
    }
  }

  /** Builds a {@link MediaStreamTrackProcessor} (the specification's MediaStreamTrackProcessorInit). */
  public static final class Builder {
    private @Nullable MediaStreamTrack track;
    private int maxBufferSize;
    private @Nullable Executor executor;

    private Builder() {}

    /** Required. */
    public Builder track(@Nullable MediaStreamTrack track) {
      this.track = track;
      return this;
    }

    /** 1..65535; 0 (the default) lets the processor choose. */
    public Builder maxBufferSize(int maxBufferSize) {
      this.maxBufferSize = maxBufferSize;
      return this;
    }

    /** Where reads complete (their continuations run), one task at a time; defaults to a shared daemon pool. */
    public Builder executor(@Nullable Executor executor) {
      this.executor = executor;
      return this;
    }

    /** @throws IllegalArgumentException as the constructors do */
    public <F extends MediaFrame> MediaStreamTrackProcessor<F> build() {
      return new MediaStreamTrackProcessor<>(this);
    }
  }
}
