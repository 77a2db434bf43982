package dev.framebridge.sdk.stream;

import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import dev.framebridge.spi.transform.FrameTransform;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A writable side and a readable side joined by a {@link Transformer}, as WHATWG Streams defines TransformStream.
 * By default the writable side has high-water mark 1 and the readable side 0, so a chunk is transformed only when the
 * consumer asks for output: back-pressure reaches the producer instead of a queue growing.
 */
public class TransformStream<I, O> {
  private final Object lock = new Object();
  private final Transformer<I, O> transformer;
  private final Controller controller = new Controller();
  private @Nullable ReadableStreamController<O> readableController;
  private @Nullable WritableStreamController writableController;
  private boolean backpressure = true;
  private CompletableFuture<Void> backpressureChange = new CompletableFuture<>();
  private volatile boolean terminated;
  private final ReadableStream<O> readable;
  private final WritableStream<I> writable;

  public TransformStream(Transformer<I, O> transformer) {
    this(transformer, 1, 0);
  }

  /** @throws IllegalArgumentException for a negative high-water mark */
  public TransformStream(Transformer<I, O> transformer, int writableHighWaterMark, int readableHighWaterMark) {
    this.transformer = transformer;
    this.readable = new ReadableStream<>(new Source(), readableHighWaterMark);
    this.writable = new WritableStream<>(new Sink(), writableHighWaterMark);
    try {
      transformer.start(controller);
    } catch (Throwable t) {
      controller.error(t);
    }
  }

  /**
   * A stream running a plugin's {@link FrameTransform} under the SPI's ownership rule: an input frame that the
   * transform did not enqueue is closed when {@code transform} returns.
   */
  public static <F extends MediaFrame> FrameTransformStream<F> fromFrameTransform(
      FrameTransform<F> transform, FrameAllocator allocator) {
    return new FrameTransformStream<>(transform, allocator);
  }

  public ReadableStream<O> getReadable() {
    return readable;
  }

  public WritableStream<I> getWritable() {
    return writable;
  }

  private CompletionStage<Void> performTransform(I chunk) {
    if (terminated) {
      return CompletableFuture.failedFuture(new IllegalStateException("the transform stream has terminated"));
    }
    try {
      transformer.transform(chunk, controller);
      return UnderlyingSink.DONE;
    } catch (Throwable t) {
      controller.error(t);
      return CompletableFuture.failedFuture(t);
    }
  }

  private void setBackpressure(boolean value) {
    CompletableFuture<Void> toComplete = null;
    synchronized (lock) {
      if (backpressure == value) {
        return;
      }
      backpressure = value;
      if (value) {
        backpressureChange = new CompletableFuture<>();
      } else {
        toComplete = backpressureChange;
      }
    }
    if (toComplete != null) {
      toComplete.complete(null);
    }
  }

  private void cancelTransformer(@Nullable Throwable reason) {
    try {
      transformer.cancel(reason);
    } catch (Throwable ignored) {
      // Cancellation is best effort; the streams are already failing.
    }
  }

  private final class Source implements UnderlyingSource<O> {
    @Override
    public void start(ReadableStreamController<O> c) {
      readableController = c;
    }

    @Override
    public void pull(ReadableStreamController<O> c) {
      setBackpressure(false);
    }

    @Override
    public void cancel(@Nullable Throwable reason) {
      terminated = true;
      cancelTransformer(reason);
      writableController.error(reason != null ? reason : new IllegalStateException("the readable side was cancelled"));
      setBackpressure(false);
    }
  }

  private final class Sink implements UnderlyingSink<I> {
    @Override
    public void start(WritableStreamController c) {
      writableController = c;
    }

    @Override
    public CompletionStage<Void> write(I chunk, WritableStreamController c) {
      CompletableFuture<Void> wait = null;
      synchronized (lock) {
        if (backpressure) {
          wait = backpressureChange;
        }
      }
      if (wait == null) {
        return performTransform(chunk);
      }
      return wait.thenCompose(v -> performTransform(chunk));
    }

    @Override
    public CompletionStage<Void> close() {
      try {
        transformer.flush(controller);
      } catch (Throwable t) {
        controller.error(t);
        return CompletableFuture.failedFuture(t);
      }
      readableController.close();
      return DONE;
    }

    @Override
    public CompletionStage<Void> abort(@Nullable Throwable reason) {
      terminated = true;
      cancelTransformer(reason);
      readableController.error(reason != null ? reason : new IllegalStateException("the writable side was aborted"));
      return DONE;
    }
  }

  private final class Controller implements TransformStreamController<O> {
    @Override
    public void enqueue(O chunk) {
      ReadableStreamController<O> rc = readableController;
      rc.enqueue(chunk);
      // As Streams' HasBackpressure: none while a read still waits. Checked and set under the lock, so a read that
      // arrives meanwhile (its pull clears the flag under the same lock) cannot be missed.
      synchronized (lock) {
        if (!backpressure && rc.getDesiredSize() <= 0 && rc.getPendingReadCount() == 0) {
          backpressure = true;
          backpressureChange = new CompletableFuture<>();
        }
      }
    }

    @Override
    public void error(Throwable reason) {
      terminated = true;
      readableController.error(reason);
      writableController.error(reason);
      setBackpressure(false);
    }

    @Override
    public void terminate() {
      terminated = true;
      readableController.close();
      writableController.error(new IllegalStateException("the transform stream has terminated"));
      setBackpressure(false);
    }

    @Override
    public int getDesiredSize() {
      return readableController.getDesiredSize();
    }
  }
}
