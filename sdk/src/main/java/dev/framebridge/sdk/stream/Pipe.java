package dev.framebridge.sdk.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One {@link ReadableStream#pipeTo}: waits for the writer to be ready, reads, writes, repeats. Futures that are
 * already complete are handled in a loop, so a synchronous chain never grows the stack.
 */
final class Pipe<T> {
  private final ReadableStreamReader<T> reader;
  private final WritableStreamWriter<? super T> writer;
  private final CompletableFuture<Void> result = new CompletableFuture<>();
  private final AtomicBoolean finishing = new AtomicBoolean();
  // Continuations allocated once per pipe, not once per chunk.
  private final BiConsumer<Object, Throwable> onReady = (v, e) -> {
    if (e == null) {
      pump();
    }
  };
  private final BiConsumer<ReadResult<T>, Throwable> onRead = (r, e) -> {
    if (e == null && handle(r)) {
      pump();
    }
  };

  Pipe(ReadableStream<T> source, WritableStream<? super T> destination) {
    this.reader = source.getReader();
    WritableStreamWriter<? super T> w;
    try {
      w = destination.getWriter();
    } catch (RuntimeException e) {
      reader.releaseLock();
      throw e;
    }
    this.writer = w;
  }

  CompletableFuture<Void> start() {
    reader.closed().whenComplete((v, e) -> {
      // A normal close is seen by the pump as a "done" read, after every chunk before it was written.
      if (e != null && finishing.compareAndSet(false, true)) {
        Throwable cause = WritableStream.unwrap(e);
        writer.abort(cause).whenComplete((x, y) -> finish(cause));
      }
    });
    writer.closed().whenComplete((v, e) -> {
      if (finishing.compareAndSet(false, true)) {
        Throwable cause = e != null
            ? WritableStream.unwrap(e)
            : new IllegalArgumentException("the destination closed before the source");
        reader.cancel(cause).whenComplete((x, y) -> finish(cause));
      }
    });
    pump();
    return result;
  }

  private void pump() {
    while (!finishing.get()) {
      CompletableFuture<Void> ready = writer.ready();
      if (!ready.isDone()) {
        ready.whenComplete(onReady);
        return;
      }
      if (ready.isCompletedExceptionally()) {
        return;
      }
      CompletableFuture<ReadResult<T>> read = reader.read();
      if (!read.isDone()) {
        read.whenComplete(onRead);
        return;
      }
      if (read.isCompletedExceptionally() || !handle(read.join())) {
        return;
      }
    }
  }

  /** Writes one chunk; false when the source is done. */
  private boolean handle(ReadResult<T> r) {
    if (r.isDone()) {
      if (finishing.compareAndSet(false, true)) {
        writer.close().whenComplete((x, y) -> finish(y));
      }
      return false;
    }
    T chunk = r.getValue();
    CompletableFuture<Void> written = writer.write(chunk);
    if (written.isCompletedExceptionally()) {
      // Refused at once (the destination closed meanwhile): the chunk is still ours.
      ReadableStream.closeFrames(java.util.List.of(chunk));
      return false;
    }
    return true;
  }

  private void finish(@org.jspecify.annotations.Nullable Throwable error) {
    writer.releaseLock();
    reader.releaseLock();
    if (error == null) {
      result.complete(null);
    } else {
      result.completeExceptionally(WritableStream.unwrap(error));
    }
  }
}
