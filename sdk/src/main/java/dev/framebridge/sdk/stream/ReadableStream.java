package dev.framebridge.sdk.stream;

import dev.framebridge.spi.media.MediaFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A stream of chunks read one at a time through a {@link ReadableStreamReader}, as WHATWG Streams defines
 * ReadableStream (count queuing strategy). Thread-safe: sources may enqueue from any thread; read futures complete on
 * the thread that supplies the chunk, never while a lock is held.
 *
 * <p>Frames queued in the stream when it is cancelled or errored are closed, since nobody else can reach them.
 */
public final class ReadableStream<T> {
  private enum State { READABLE, CLOSED, ERRORED }

  private final Object lock = new Object();
  private final UnderlyingSource<T> source;
  private final int highWaterMark;
  private final @Nullable Executor completionExecutor;
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<ReadResult<T>>> readRequests = new ArrayDeque<>();
  private final Controller controller = new Controller();
  private State state = State.READABLE;
  private boolean closeRequested;
  private boolean started;
  private boolean pulling;
  private boolean pullAgain;
  private @Nullable Throwable storedError;
  private @Nullable ReadableStreamReader<T> reader;

  /** A stream with high-water mark 0: the source is pulled only while a read is pending. */
  public ReadableStream(UnderlyingSource<T> source) {
    this(source, 0);
  }

  /**
   * @param highWaterMark how many chunks the stream asks its source for ahead of reads; 0 pulls only on demand
   * @throws IllegalArgumentException for a negative high-water mark
   */
  public ReadableStream(UnderlyingSource<T> source, int highWaterMark) {
    this(source, highWaterMark, null);
  }

  /**
   * @param completionExecutor where reads answered by {@link ReadableStreamController#enqueue} are completed (their
   *     continuations run there), instead of on the enqueuing thread. The chunk is bound to the read at once, so it
   *     can no longer be dropped; the executor should run tasks in order. Null completes them on the enqueuing thread.
   */
  public ReadableStream(UnderlyingSource<T> source, int highWaterMark, @Nullable Executor completionExecutor) {
    if (highWaterMark < 0) {
      throw new IllegalArgumentException("highWaterMark must be >= 0, got " + highWaterMark);
    }
    this.source = source;
    this.highWaterMark = highWaterMark;
    this.completionExecutor = completionExecutor;
    try {
      source.start(controller);
    } catch (Throwable t) {
      controller.error(t);
    }
    synchronized (lock) {
      started = true;
    }
    callPullIfNeeded();
  }

  /**
   * Locks the stream to a new reader.
   *
   * @throws IllegalStateException if the stream is already locked
   */
  public ReadableStreamReader<T> getReader() {
    ReadableStreamReader<T> r;
    State s;
    Throwable e;
    synchronized (lock) {
      if (reader != null) {
        throw new IllegalStateException("ReadableStream is locked to a reader");
      }
      r = new ReadableStreamReader<>(this);
      reader = r;
      s = state;
      e = storedError;
    }
    if (s == State.CLOSED) {
      r.closedFuture().complete(null);
    } else if (s == State.ERRORED) {
      r.closedFuture().completeExceptionally(e);
    }
    return r;
  }

  public boolean isLocked() {
    synchronized (lock) {
      return reader != null;
    }
  }

  /**
   * Cancels the stream: queued chunks are discarded (frames closed), pending reads get "done", the source is told.
   *
   * @throws IllegalStateException (in the future) if the stream is locked to a reader
   */
  public CompletableFuture<Void> cancel(@Nullable Throwable reason) {
    synchronized (lock) {
      if (reader != null) {
        return CompletableFuture.failedFuture(new IllegalStateException("ReadableStream is locked; cancel the reader"));
      }
    }
    return cancelInternal(reason);
  }

  /**
   * Pipes every chunk into {@code destination}, one write at a time with its back-pressure. Completes normally when
   * this stream closes and the destination has closed; an error on either side aborts or cancels the other and fails
   * the result. Both streams are locked for the duration.
   */
  public CompletableFuture<Void> pipeTo(WritableStream<? super T> destination) {
    return new Pipe<>(this, destination).start();
  }

  /** Pipes into {@code transform}'s writable side and returns its readable side. */
  public <R> ReadableStream<R> pipeThrough(TransformStream<? super T, R> transform) {
    pipeTo(transform.getWritable());
    return transform.getReadable();
  }

  /**
   * This stream as a {@link Flow.Publisher} for one subscriber, reading only as much as is requested (so Kotlin's
   * {@code asFlow()} and Reactive Streams operators see back-pressure). Subscribing locks the stream; cancelling the
   * subscription cancels the stream.
   */
  public Flow.Publisher<T> asPublisher() {
    return new StreamPublisher<>(this);
  }

  // ---- reader operations ----

  CompletableFuture<ReadResult<T>> read(ReadableStreamReader<T> r) {
    CompletableFuture<ReadResult<T>> result;
    List<CompletableFuture<ReadResult<T>>> closing = null;
    synchronized (lock) {
      if (reader != r) {
        return CompletableFuture.failedFuture(new IllegalStateException("reader has been released"));
      }
      if (!queue.isEmpty()) {
        T chunk = queue.poll();
        if (closeRequested && queue.isEmpty()) {
          closing = finishClose();
        }
        result = CompletableFuture.completedFuture(ReadResult.of(chunk));
      } else if (state == State.CLOSED) {
        return CompletableFuture.completedFuture(ReadResult.done());
      } else if (state == State.ERRORED) {
        return CompletableFuture.failedFuture(storedError);
      } else {
        result = new CompletableFuture<>();
        readRequests.add(result);
      }
    }
    if (closing != null) {
      completeClosed(closing);
    } else {
      callPullIfNeeded();
    }
    return result;
  }

  void release(ReadableStreamReader<T> r) {
    List<CompletableFuture<ReadResult<T>>> pending;
    synchronized (lock) {
      if (reader != r) {
        return;
      }
      reader = null;
      pending = new ArrayList<>(readRequests);
      readRequests.clear();
    }
    IllegalStateException released = new IllegalStateException("reader released");
    for (CompletableFuture<ReadResult<T>> f : pending) {
      f.completeExceptionally(released);
    }
    r.closedFuture().completeExceptionally(released);
  }

  CompletableFuture<Void> cancelFrom(ReadableStreamReader<T> r, @Nullable Throwable reason) {
    synchronized (lock) {
      if (reader != r) {
        return CompletableFuture.failedFuture(new IllegalStateException("reader has been released"));
      }
    }
    return cancelInternal(reason);
  }

  private CompletableFuture<Void> cancelInternal(@Nullable Throwable reason) {
    List<T> discarded;
    List<CompletableFuture<ReadResult<T>>> pending;
    synchronized (lock) {
      if (state == State.CLOSED) {
        return CompletableFuture.completedFuture(null);
      }
      if (state == State.ERRORED) {
        return CompletableFuture.failedFuture(storedError);
      }
      discarded = new ArrayList<>(queue);
      queue.clear();
      pending = finishClose();
    }
    closeFrames(discarded);
    completeClosed(pending);
    try {
      source.cancel(reason);
      return CompletableFuture.completedFuture(null);
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
  }

  // ---- internals ----

  /** Marks the stream closed and returns the reads to answer with "done"; caller holds the lock. */
  private List<CompletableFuture<ReadResult<T>>> finishClose() {
    state = State.CLOSED;
    List<CompletableFuture<ReadResult<T>>> pending = new ArrayList<>(readRequests);
    readRequests.clear();
    return pending;
  }

  private void completeClosed(List<CompletableFuture<ReadResult<T>>> pending) {
    for (CompletableFuture<ReadResult<T>> f : pending) {
      f.complete(ReadResult.done());
    }
    ReadableStreamReader<T> r;
    synchronized (lock) {
      r = reader;
    }
    if (r != null) {
      r.closedFuture().complete(null);
    }
  }

  private void callPullIfNeeded() {
    while (true) {
      synchronized (lock) {
        if (!started || state != State.READABLE || closeRequested) {
          return;
        }
        boolean wanted = (reader != null && !readRequests.isEmpty()) || highWaterMark - queue.size() > 0;
        if (!wanted) {
          return;
        }
        if (pulling) {
          pullAgain = true;
          return;
        }
        pulling = true;
      }
      try {
        source.pull(controller);
      } catch (Throwable t) {
        controller.error(t);
      }
      synchronized (lock) {
        pulling = false;
        if (!pullAgain) {
          return;
        }
        pullAgain = false;
      }
    }
  }

  static void closeFrames(List<?> chunks) {
    for (Object c : chunks) {
      if (c instanceof MediaFrame) {
        ((MediaFrame) c).close();
      }
    }
  }

  private final class Controller implements ReadableStreamController<T> {
    @Override
    public void enqueue(T chunk) {
      CompletableFuture<ReadResult<T>> request;
      synchronized (lock) {
        if (state != State.READABLE || closeRequested) {
          throw new IllegalStateException("cannot enqueue: the stream is " + (closeRequested ? "closing" : state));
        }
        request = readRequests.poll();
        if (request == null) {
          queue.add(chunk);
        }
      }
      if (request != null) {
        ReadResult<T> result = ReadResult.of(chunk);
        if (completionExecutor == null) {
          request.complete(result);
        } else {
          completionExecutor.execute(() -> request.complete(result));
        }
      }
      callPullIfNeeded();
    }

    @Override
    public void close() {
      List<CompletableFuture<ReadResult<T>>> pending;
      synchronized (lock) {
        if (state != State.READABLE || closeRequested) {
          return;
        }
        closeRequested = true;
        if (!queue.isEmpty()) {
          return;
        }
        pending = finishClose();
      }
      completeClosed(pending);
    }

    @Override
    public void error(Throwable error) {
      List<T> discarded;
      List<CompletableFuture<ReadResult<T>>> pending;
      ReadableStreamReader<T> r;
      synchronized (lock) {
        if (state != State.READABLE) {
          return;
        }
        state = State.ERRORED;
        storedError = error;
        discarded = new ArrayList<>(queue);
        queue.clear();
        pending = new ArrayList<>(readRequests);
        readRequests.clear();
        r = reader;
      }
      closeFrames(discarded);
      for (CompletableFuture<ReadResult<T>> f : pending) {
        f.completeExceptionally(error);
      }
      if (r != null) {
        r.closedFuture().completeExceptionally(error);
      }
    }

    @Override
    public int getDesiredSize() {
      synchronized (lock) {
        return state == State.READABLE && !closeRequested ? highWaterMark - queue.size() : 0;
      }
    }

    @Override
    public int getPendingReadCount() {
      synchronized (lock) {
        return readRequests.size();
      }
    }
  }
}
