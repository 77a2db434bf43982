package dev.framebridge.sdk.insertable;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default place where processors hand frames to readers (the "queue a task" of the specification): a shared pool
 * of daemon threads, so a slow reader never blocks the track's producer. Each processor drains serially.
 */
final class DeliveryThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();
  static final ExecutorService SHARED = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "framebridge-delivery-" + COUNT.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private DeliveryThreads() {}
}
