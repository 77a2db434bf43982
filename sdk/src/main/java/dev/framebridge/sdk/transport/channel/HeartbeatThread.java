package dev.framebridge.sdk.transport.channel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** One daemon thread per JVM that refreshes the heartbeat of every open publisher. */
final class HeartbeatThread {
  private static final Set<ChannelPublisher> LIVE = ConcurrentHashMap.newKeySet();
  private static @Nullable ScheduledExecutorService executor;

  private HeartbeatThread() {}

  static void add(ChannelPublisher publisher) {
    LIVE.add(publisher);
    start();
  }

  static void remove(ChannelPublisher publisher) {
    LIVE.remove(publisher);
  }

  private static synchronized void start() {
    if (executor == null) {
      ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "framebridge-heartbeat");
        t.setDaemon(true);
        return t;
      });
      long periodNs = ChannelDescriptor.HEARTBEAT_INTERVAL_NS;
      e.scheduleAtFixedRate(() -> LIVE.forEach(ChannelPublisher::heartbeat), periodNs, periodNs,
          TimeUnit.NANOSECONDS);
      executor = e;
    }
  }
}
