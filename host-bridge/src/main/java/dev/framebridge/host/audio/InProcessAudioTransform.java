package dev.framebridge.host.audio;

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator;
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.stream.ReadResult;
import dev.framebridge.sdk.stream.ReadableStreamReader;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AudioTrackChain} that runs one audio {@link FrameTransform} in this JVM, as the seeds' worker example
 * does in a worker: processor(track).readable → transform → MediaStreamTrackGenerator("audio").writable, on a thread
 * of its own, one chunk at a time, with the SPI's ownership rule (an input not enqueued is closed after the call).
 * For tests and hosts without plugin workers; plugins normally run in their own JVM through the runtime's chain.
 */
public final class InProcessAudioTransform implements AudioTrackChain {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessAudioTransform.class);

  private final FrameTransform<AudioData> transform;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicLong transformed = new AtomicLong();
  private final int maxBufferSize;
  private volatile @Nullable MediaStreamTrackProcessor<AudioData> processor;
  private volatile boolean connected;

  /** A transform whose input processor buffers the audio default of 10 chunks. */
  public InProcessAudioTransform(FrameTransform<AudioData> transform) {
    this(transform, MediaStreamTrackProcessor.DEFAULT_AUDIO_BUFFER_SIZE);
  }

  /** A transform whose input processor buffers {@code maxBufferSize} chunks before dropping the oldest. */
  public InProcessAudioTransform(FrameTransform<AudioData> transform, int maxBufferSize) {
    this.transform = transform;
    this.maxBufferSize = maxBufferSize;
  }

  @Override
  public MediaStreamTrack connect(MediaStreamTrack input) {
    if (!"audio".equals(input.getKind())) {
      throw new IllegalArgumentException("an audio transform needs an audio track, got kind '" + input.getKind() + "'");
    }
    if (connected) {
      throw new IllegalStateException("this transform is already connected");
    }
    connected = true;
    MediaStreamTrackProcessor<AudioData> processor = new MediaStreamTrackProcessor<>(input, maxBufferSize);
    this.processor = processor;
    MediaStreamTrackGenerator output = new MediaStreamTrackGenerator("audio");
    Loop loop = new Loop(processor.getReadable().getReader(), output.getWritable().getWriter());
    Thread t = new Thread(loop::run, "framebridge-audio-transform");
    t.setDaemon(true);
    t.start();
    return output;
  }

  /** Completes when the input ended and every chunk was written on (exceptionally if the transform failed). */
  public CompletableFuture<Void> getCompletion() {
    return completion;
  }

  /** Chunks the input processor dropped because the transform fell {@code maxBufferSize} chunks behind. */
  public long getDroppedChunks() {
    MediaStreamTrackProcessor<AudioData> p = processor;
    return p == null ? 0 : p.getDroppedFrames();
  }

  /** Chunks handed to the transform so far. */
  public long getTransformedChunks() {
    return transformed.get();
  }

  private final class Loop implements TransformController<AudioData> {
    private final ReadableStreamReader<AudioData> reader;
    private final WritableStreamWriter<MediaFrame> writer;
    private @Nullable AudioData current;
    private boolean currentEnqueued;
    private @Nullable Throwable errored;

    Loop(ReadableStreamReader<AudioData> reader, WritableStreamWriter<MediaFrame> writer) {
      this.reader = reader;
      this.writer = writer;
    }

    void run() {
      try {
        transform.start(this);
        while (errored == null) {
          ReadResult<AudioData> r = reader.read().get();
          AudioData chunk = r.getValue();
          if (r.isDone() || chunk == null) {
            transform.flush(this);
            writer.close().get();
            completion.complete(null);
            return;
          }
          current = chunk;
          currentEnqueued = false;
          try {
            transform.transform(chunk, this);
            transformed.incrementAndGet();
          } finally {
            current = null;
            if (!currentEnqueued) {
              chunk.close();
            }
          }
        }
        throw errored;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      } catch (ExecutionException e) {
        fail(e.getCause() != null ? e.getCause() : e);
      } catch (Throwable e) {
        fail(e);
      }
    }

    private void fail(Throwable e) {
      LOG.warn("in-process audio transform failed: {}", e.toString());
      writer.abort(e);
      reader.cancel(e);
      completion.completeExceptionally(e);
    }

    @Override
    public void enqueue(AudioData frame) {
      if (frame == current) {
        currentEnqueued = true;
      }
      try {
        writer.write(frame).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing a chunk", e);
      } catch (ExecutionException e) {
        frame.close();
        throw new IllegalStateException("the output track refused a chunk: " + e.getCause(), e.getCause());
      }
    }

    @Override
    public void error(Throwable reason) {
      errored = reason;
    }

    @Override
    public FrameAllocator getAllocator() {
      return MediaFrames.heapAllocator();
    }
  }
}
