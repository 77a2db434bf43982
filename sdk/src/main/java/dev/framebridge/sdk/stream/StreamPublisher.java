package dev.framebridge.sdk.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** {@link ReadableStream#asPublisher()}: one subscriber, one read outstanding at a time, only as much as requested. */
final class StreamPublisher<T> implements Flow.Publisher<T> {
  private final ReadableStream<T> stream;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  StreamPublisher(ReadableStream<T> stream) {
    this.stream = stream;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("this publisher supports a single subscriber"));
      return;
    }
    ReadableStreamReader<T> reader;
    try {
      reader = stream.getReader();
    } catch (IllegalStateException e) {
      subscribed.set(false);
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(e);
      return;
    }
    new Subscription<>(reader, subscriber).begin();
  }

  private static final class Subscription<T> implements Flow.Subscription {
    private final ReadableStreamReader<T> reader;
    private final Flow.Subscriber<? super T> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean readPending;
    private volatile boolean terminated;

    Subscription(ReadableStreamReader<T> reader, Flow.Subscriber<? super T> subscriber) {
      this.reader = reader;
      this.subscriber = subscriber;
    }

    void begin() {
      subscriber.onSubscribe(this);
    }

    @Override
    public void request(long n) {
      if (terminated) {
        return;
      }
      if (n <= 0) {
        terminated = true;
        reader.cancel(null);
        subscriber.onError(new IllegalArgumentException("request must be positive (Reactive Streams 3.9), got " + n));
        return;
      }
      demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      drain();
    }

    @Override
    public void cancel() {
      if (!terminated) {
        terminated = true;
        reader.cancel(null);
      }
    }

    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      do {
        while (!terminated && !readPending && demand.get() > 0) {
          CompletableFuture<ReadResult<T>> f = reader.read();
          if (f.isDone()) {
            deliver(f);
          } else {
            readPending = true;
            f.whenComplete((r, e) -> {
              deliver(f);
              readPending = false;
              drain();
            });
          }
        }
      } while (wip.decrementAndGet() != 0);
    }

    private void deliver(CompletableFuture<ReadResult<T>> f) {
      ReadResult<T> r;
      try {
        r = f.join();
      } catch (RuntimeException e) {
        if (!terminated) {
          terminated = true;
          subscriber.onError(WritableStream.unwrap(e));
        }
        return;
      }
      if (r.isDone()) {
        if (!terminated) {
          terminated = true;
          subscriber.onComplete();
        }
        return;
      }
      T value = r.getValue();
      if (terminated) {
        ReadableStream.closeFrames(java.util.List.of(value));
        return;
      }
      demand.decrementAndGet();
      subscriber.onNext(value);
    }
  }
}
