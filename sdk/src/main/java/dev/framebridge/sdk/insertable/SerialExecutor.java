package dev.framebridge.sdk.insertable;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks one at a time, in submission order, on a shared executor (the task queue of one processor). */
final class SerialExecutor implements Executor {
  private final Executor target;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Runnable drain = this::drain;

  SerialExecutor(Executor target) {
    this.target = target;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() == 0) {
      target.execute(drain);
    }
  }

  private void drain() {
    do {
      Runnable task = tasks.poll();
      try {
        task.run();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).warn("a delivery task failed", e);
      }
    } while (pending.decrementAndGet() != 0);
  }
}
