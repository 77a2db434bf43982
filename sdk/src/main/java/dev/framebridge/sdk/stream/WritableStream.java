package dev.framebridge.sdk.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A destination for chunks, written through a {@link WritableStreamWriter}, as WHATWG Streams defines WritableStream
 * (count queuing strategy, high-water mark 1 by default). Writes reach the {@link UnderlyingSink} in order, one at a
 * time; a synchronous sink runs on the writing thread, so a write to an idle stream costs no thread hop.
 */
public final class WritableStream<T> {
  private enum State { WRITABLE, CLOSED, ERRORED }

  private static final Object CLOSE = new Object();

  private final Object lock = new Object();
  private final UnderlyingSink<T> sink;
  private final int highWaterMark;
  private final Controller controller = new Controller();
  /** Chunks (or CLOSE); the head stays here while its write is in progress, as Streams counts it. */
  private final ArrayDeque<Object> chunks = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<Void>> futures = new ArrayDeque<>();
  private State state = State.WRITABLE;
  private @Nullable Throwable storedError;
  private boolean started;
  private boolean inFlight;
  private boolean closeQueued;
  private CompletableFuture<Void> readyFuture;
  private @Nullable WritableStreamWriter<T> writer;

  /** A stream with high-water mark 1: one write may be queued before back-pressure applies. */
  public WritableStream(UnderlyingSink<T> sink) {
    this(sink, 1);
  }

  /** @throws IllegalArgumentException for a negative high-water mark */
  public WritableStream(UnderlyingSink<T> sink, int highWaterMark) {
    if (highWaterMark < 0) {
      throw new IllegalArgumentException("highWaterMark must be >= 0, got " + highWaterMark);
    }
    this.sink = sink;
    this.highWaterMark = highWaterMark;
    this.readyFuture = highWaterMark > 0 ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
    try {
      sink.start(controller);
    } catch (Throwable t) {
      controller.error(t);
    }
    synchronized (lock) {
      started = true;
    }
    advance();
  }

  /**
   * Locks the stream to a new writer.
   *
   * @throws IllegalStateException if the stream is already locked
   */
  public WritableStreamWriter<T> getWriter() {
    WritableStreamWriter<T> w;
    synchronized (lock) {
      if (writer != null) {
        throw new IllegalStateException("WritableStream is locked to a writer");
      }
      w = new WritableStreamWriter<>(this);
      writer = w;
      if (state == State.CLOSED) {
        w.closedFuture().complete(null);
      } else if (state == State.ERRORED) {
        w.closedFuture().completeExceptionally(storedError);
      }
    }
    return w;
  }

  public boolean isLocked() {
    synchronized (lock) {
      return writer != null;
    }
  }

  /** Closes an unlocked stream after its queued writes. */
  public CompletableFuture<Void> close() {
    return closeFrom(null);
  }

  /** Aborts an unlocked stream. */
  public CompletableFuture<Void> abort(@Nullable Throwable reason) {
    return abortFrom(null, reason);
  }

  // ---- writer operations ----

  CompletableFuture<Void> write(WritableStreamWriter<T> w, T chunk) {
    CompletableFuture<Void> future;
    synchronized (lock) {
      if (writer != w) {
        return CompletableFuture.failedFuture(new IllegalStateException("writer has been released"));
      }
      if (state == State.ERRORED) {
        return CompletableFuture.failedFuture(storedError);
      }
      if (state == State.CLOSED || closeQueued) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("cannot write to a closed stream"));
      }
      future = new CompletableFuture<>();
      chunks.add(chunk);
      futures.add(future);
      updateBackpressure();
    }
    advance();
    return future;
  }

  CompletableFuture<Void> closeFrom(@Nullable WritableStreamWriter<T> w) {
    CompletableFuture<Void> future;
    CompletableFuture<Void> ready;
    synchronized (lock) {
      if (writer != w) {
        return CompletableFuture.failedFuture(new IllegalStateException(
            w == null ? "WritableStream is locked to a writer" : "writer has been released"));
      }
      if (state == State.ERRORED) {
        return CompletableFuture.failedFuture(storedError);
      }
      if (state == State.CLOSED || closeQueued) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("stream is already closed or closing"));
      }
      closeQueued = true;
      future = new CompletableFuture<>();
      chunks.add(CLOSE);
      futures.add(future);
      ready = readyFuture;
    }
    ready.complete(null);
    advance();
    return future;
  }

  CompletableFuture<Void> abortFrom(@Nullable WritableStreamWriter<T> w, @Nullable Throwable reason) {
    synchronized (lock) {
      if (writer != w) {
        return CompletableFuture.failedFuture(new IllegalStateException(
            w == null ? "WritableStream is locked to a writer" : "writer has been released"));
      }
    }
    Throwable error = reason != null ? reason : new IllegalStateException("stream aborted");
    if (!fail(error)) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      return sink.abort(reason).toCompletableFuture();
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
  }

  CompletableFuture<Void> ready(WritableStreamWriter<T> w) {
    synchronized (lock) {
      if (writer != w) {
        return CompletableFuture.failedFuture(new IllegalStateException("writer has been released"));
      }
      return state == State.ERRORED ? CompletableFuture.failedFuture(storedError) : readyFuture;
    }
  }

  @Nullable Integer desiredSize(WritableStreamWriter<T> w) {
    synchronized (lock) {
      if (writer != w) {
        throw new IllegalStateException("writer has been released");
      }
      if (state == State.ERRORED) {
        return null;
      }
      return state == State.CLOSED || closeQueued ? 0 : highWaterMark - queuedSize();
    }
  }

  void release(WritableStreamWriter<T> w) {
    synchronized (lock) {
      if (writer != w) {
        return;
      }
      writer = null;
    }
    w.closedFuture().completeExceptionally(new IllegalStateException("writer released"));
  }

  // ---- processing ----

  private int queuedSize() {
    return chunks.size() - (closeQueued && state == State.WRITABLE ? 1 : 0);
  }

  /** Caller holds the lock; returns a ready future to complete outside it, or null. */
  private @Nullable CompletableFuture<Void> updateBackpressure() {
    boolean backpressure = highWaterMark - queuedSize() <= 0 && !closeQueued;
    if (backpressure && readyFuture.isDone()) {
      readyFuture = new CompletableFuture<>();
    } else if (!backpressure && !readyFuture.isDone()) {
      return readyFuture;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private void advance() {
    while (true) {
      Object chunk;
      synchronized (lock) {
        if (inFlight || !started || state != State.WRITABLE || chunks.isEmpty()) {
          return;
        }
        chunk = chunks.peek();
        inFlight = true;
      }
      CompletionStage<Void> stage;
      try {
        stage = chunk == CLOSE ? sink.close() : sink.write((T) chunk, controller);
      } catch (Throwable t) {
        stage = CompletableFuture.failedFuture(t);
      }
      if (stage == UnderlyingSink.DONE) {
        processed(null);
        continue;
      }
      CompletableFuture<Void> cf = stage.toCompletableFuture();
      if (cf.isDone()) {
        processed(cf.isCompletedExceptionally() ? cause(cf) : null);
        continue;
      }
      cf.whenComplete((v, e) -> {
        processed(e);
        advance();
      });
      return;
    }
  }

  private void processed(@Nullable Throwable error) {
    Object chunk;
    CompletableFuture<Void> future;
    CompletableFuture<Void> ready = null;
    WritableStreamWriter<T> w = null;
    boolean wasWritable;
    synchronized (lock) {
      inFlight = false;
      chunk = chunks.poll();
      future = futures.poll();
      wasWritable = state == State.WRITABLE;
      if (wasWritable && error == null) {
        if (chunk == CLOSE) {
          state = State.CLOSED;
          w = writer;
        } else {
          ready = updateBackpressure();
        }
      }
    }
    if (error != null) {
      if (chunk instanceof dev.framebridge.spi.media.MediaFrame) {
        ((dev.framebridge.spi.media.MediaFrame) chunk).close();
      }
      fail(unwrap(error));
      future.completeExceptionally(unwrap(error));
      return;
    }
    future.complete(null);
    if (ready != null) {
      ready.complete(null);
    }
    if (w != null) {
      w.closedFuture().complete(null);
    }
  }

  /**
   * Moves to ERRORED, failing everything queued behind the write in progress. Returns false if already closed or
   * errored.
   */
  private boolean fail(Throwable error) {
    List<Object> dropped = new ArrayList<>();
    List<CompletableFuture<Void>> droppedFutures = new ArrayList<>();
    WritableStreamWriter<T> w;
    CompletableFuture<Void> ready;
    synchronized (lock) {
      if (state != State.WRITABLE) {
        return false;
      }
      state = State.ERRORED;
      storedError = error;
      drainQueued(dropped, droppedFutures, null);
      w = writer;
      ready = readyFuture;
    }
    ReadableStream.closeFrames(dropped);
    for (CompletableFuture<Void> f : droppedFutures) {
      f.completeExceptionally(error);
    }
    ready.completeExceptionally(error);
    if (w != null) {
      w.closedFuture().completeExceptionally(error);
    }
    return true;
  }

  /**
   * Removes every queued entry except a write in progress; caller holds the lock. The future of a queued close
   * request goes to {@code closeFutures} when given, else with the others.
   */
  private void drainQueued(List<Object> dropped, List<CompletableFuture<Void>> droppedFutures,
      @Nullable List<CompletableFuture<Void>> closeFutures) {
    Object head = inFlight ? chunks.poll() : null;
    CompletableFuture<Void> headFuture = inFlight ? futures.poll() : null;
    java.util.Iterator<CompletableFuture<Void>> f = futures.iterator();
    for (Object c : chunks) {
      CompletableFuture<Void> future = f.next();
      if (c != CLOSE) {
        dropped.add(c);
        droppedFutures.add(future);
      } else {
        (closeFutures != null ? closeFutures : droppedFutures).add(future);
      }
    }
    chunks.clear();
    futures.clear();
    if (head != null) {
      chunks.add(head);
      futures.add(headFuture);
    }
  }

  private static Throwable cause(CompletableFuture<?> cf) {
    try {
      cf.join();
      return new IllegalStateException("not failed");
    } catch (java.util.concurrent.CompletionException e) {
      return unwrap(e);
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private final class Controller implements WritableStreamController {
    @Override
    public void error(Throwable error) {
      fail(error);
    }

    @Override
    public void close() {
      List<Object> dropped = new ArrayList<>();
      List<CompletableFuture<Void>> droppedFutures = new ArrayList<>();
      List<CompletableFuture<Void>> closeFutures = new ArrayList<>();
      WritableStreamWriter<T> w;
      CompletableFuture<Void> ready;
      synchronized (lock) {
        if (state != State.WRITABLE) {
          return;
        }
        state = State.CLOSED;
        drainQueued(dropped, droppedFutures, closeFutures);
        w = writer;
        ready = readyFuture;
      }
      ReadableStream.closeFrames(dropped);
      IllegalArgumentException closed = new IllegalArgumentException("the stream was closed by its sink");
      for (CompletableFuture<Void> f : droppedFutures) {
        f.completeExceptionally(closed);
      }
      for (CompletableFuture<Void> f : closeFutures) {
        f.complete(null); // the writer asked for a close, and the stream is closed
      }
      ready.complete(null);
      if (w != null) {
        w.closedFuture().complete(null);
      }
    }
  }
}
