package dev.framebridge.sdk.transport.bench;

import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The parts of a benchmark that run in a child JVM, and the scenarios that need the object model. */
final class BenchRoles {
  private BenchRoles() {}

  static void run(String role, BenchOptions o) throws Exception {
    if ("publisher".equals(role)) {
      publisher(o);
    } else if ("chronicle-publisher".equals(role)) {
      ChronicleHop.publisher(o);
    } else if ("identity".equals(role)) {
      ModelScenarios.identityPlugin(o);
    } else if ("audio-identity".equals(role)) {
      AudioScenarios.identityPlugin(o);
    } else {
      throw new IllegalArgumentException("unknown role " + role);
    }
    System.exit(0);
  }

  /** Writes warm-up plus measured frames, each copied once into its slot and stamped with its sequence. */
  static void publisher(BenchOptions o) throws Exception {
    int w = o.width();
    int h = o.height();
    int size = VideoPixelFormat.RGBA.frameBytes(w, h);
    ByteBuffer source = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i += 64) {
      source.put(i, (byte) i);
    }
    try (ChannelPublisher out = ChannelPublisher.attach(Path.of(o.get("dir", "")), o.get("channel", ""))) {
      out.abort(out.claim(size)); // creates and pre-touches the ring before the clock starts
      System.out.println("@ready=1");
      long frames = o.frames();
      long endNs = System.nanoTime() + (long) (o.seconds() * 1e9);
      FramePacer pacer = new FramePacer(o.fps());
      long seq = 0;
      long cpuSteady = 0;
      while (seq < o.warmup() || (frames < 0 ? System.nanoTime() < endNs : seq < frames + o.warmup())) {
        if (seq == o.warmup()) {
          cpuSteady = TransportBenchmark.cpuNanos(); // CPU of the measured frames only, without JVM start-up
        }
        pacer.awaitNext();
        long start = System.nanoTime();
        int token = out.claim(size, start);
        ByteBuffer slot = out.buffer(token);
        slot.put(0, source, 0, size);
        seq++;
        slot.putLong(0, seq);
        slot.putLong(size - 8, seq);
        out.commitVideo(token, VideoPixelFormat.RGBA, w, h, w, h, seq * 16_666, 16_666);
      }
      System.out.println("@cpu_steady_ns=" + (TransportBenchmark.cpuNanos() - cpuSteady));
    }
    System.out.println("@cpu_ns=" + TransportBenchmark.cpuNanos());
    System.out.flush();
  }

  static BenchResult inprocess(BenchOptions o) throws Exception {
    return ModelScenarios.inprocess(o);
  }

  static BenchResult roundtrip(BenchOptions o) throws Exception {
    return ModelScenarios.roundtrip(o);
  }
}
