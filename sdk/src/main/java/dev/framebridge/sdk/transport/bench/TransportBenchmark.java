package dev.framebridge.sdk.transport.bench;

import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.transport.channel.SlotFrame;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code bench/transport.sh}: measures copying a frame (memcpy), processor → identity → generator in one JVM
 * (inprocess), one hop between JVMs (hop) and host → identity plugin JVM → host (roundtrip). Latency runs from the
 * moment the first publisher starts writing a frame to the moment the final reader has it, on
 * {@link System#nanoTime()} (CLOCK_MONOTONIC, shared by processes on Linux). The first frames warm the JIT up and are
 * not counted.
 */
public final class TransportBenchmark {
  private TransportBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.parse(args);
    String role = o.get("role");
    if (role != null) {
      BenchRoles.run(role, o);
      return;
    }
    for (String scenario : o.scenarios()) {
      BenchResult result;
      switch (scenario) {
        case "seqlock-words":
          SeqlockWords.run(o);
          continue;
        case "memcpy":
          result = memcpy(o);
          break;
        case "hop":
          result = hop(o);
          break;
        case "hop-chronicle":
          result = ChronicleHop.run(o);
          break;
        case "inprocess":
          result = BenchRoles.inprocess(o);
          break;
        case "audio":
          result = AudioScenarios.roundtrip(o);
          break;
        default:
          result = BenchRoles.roundtrip(o);
          break;
      }
      System.out.println(result.toJson());
    }
    System.exit(0);
  }

  static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  /** Copying one frame between two warm direct buffers. */
  static BenchResult memcpy(BenchOptions o) {
    int size = VideoPixelFormat.RGBA.frameBytes(o.width(), o.height());
    BenchResult r = new BenchResult("memcpy", o.width(), o.height(), o.fps());
    ByteBuffer src = ByteBuffer.allocateDirect(size);
    ByteBuffer dst = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i += 4096) {
      src.put(i, (byte) i);
    }
    long frames = o.frames();
    long endNs = System.nanoTime() + (long) (o.seconds() * 1e9);
    FramePacer pacer = new FramePacer(o.fps());
    for (int i = 0; i < o.warmup(); i++) {
      dst.put(0, src, 0, size);
    }
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    long n = 0;
    while (frames < 0 ? System.nanoTime() < endNs : n < frames) {
      pacer.awaitNext();
      long start = System.nanoTime();
      dst.put(0, src, 0, size);
      r.record(System.nanoTime() - start);
      n++;
    }
    long elapsed = System.nanoTime() - t0;
    r.frames = n;
    r.fpsAchieved = n * 1e9 / elapsed;
    r.cpuMsPerFrame = (cpuNanos() - cpu0) / 1e6 / n;
    return r;
  }

  /** A publisher JVM writes frames into a channel; this JVM reads them in place. */
  static BenchResult hop(BenchOptions o) throws Exception {
    BenchResult r = new BenchResult("hop", o.width(), o.height(), o.fps());
    try (InstanceDirectory dir = InstanceDirectory.create(o.root())) {
      Path path = dir.getPath();
      ChannelPublisher.prepare(path, "hop", TrackKind.VIDEO, 8);
      try (ChannelSubscriber in = ChannelSubscriber.open(path, "hop");
          ChildProcess child = new ChildProcess(o.childArgs("publisher",
              Map.of("dir", path.toString(), "channel", "hop")))) {
        child.await("ready", 60);
        ReaderLoop loop = new ReaderLoop(o, r);
        loop.run(in, true);
        r.shmBytes = in.getSharedBytes();
        long childCpu = Long.parseLong(child.await("cpu_ns", 60));
        long childSteady = Long.parseLong(child.await("cpu_steady_ns", 60));
        System.err.printf("# hop: reader CPU %.1f ms, publisher JVM CPU %.1f ms (incl. start-up);"
            + " measured frames only: %.3f ms/frame%n", loop.cpuNanos / 1e6, childCpu / 1e6,
            (loop.steadyCpuNanos + childSteady) / 1e6 / Math.max(1, r.frames));
        r.cpuMsPerFrame = (loop.cpuNanos + childCpu) / 1e6 / Math.max(1, r.frames + o.warmup());
      }
    }
    return r;
  }

  /** Reads a channel to its end, recording latency from each frame's write start. */
  static final class ReaderLoop {
    private final BenchOptions o;
    private final BenchResult r;
    long cpuNanos;
    long steadyCpuNanos;
    long torn;

    ReaderLoop(BenchOptions o, BenchResult r) {
      this.o = o;
      this.r = r;
    }

    void run(ChannelSubscriber in, boolean checkStamps) {
      long cpu0 = cpuNanos();
      long first = 0;
      long last = 0;
      long counted = 0;
      long warmup = o.warmup();
      long droppedAtStart = -1;
      while (true) {
        SlotFrame f = in.await(5_000_000_000L);
        if (f == null) {
          break;
        }
        long now = System.nanoTime();
        try {
          if (checkStamps) {
            ByteBuffer d = f.getData();
            if (d.getLong(0) != f.getSequence() || d.getLong(d.capacity() - 8) != f.getSequence()
                || !f.isIntact()) {
              torn++;
            }
          }
          if (f.getSequence() > warmup) {
            if (droppedAtStart < 0) {
              droppedAtStart = in.getDropped();
              first = now;
              steadyCpuNanos = cpuNanos();
            }
            r.record(now - f.getWriteStartNanos());
            counted++;
            last = now;
          }
        } finally {
          f.close();
        }
      }
      long cpuEnd = cpuNanos();
      cpuNanos = cpuEnd - cpu0;
      steadyCpuNanos = steadyCpuNanos == 0 ? 0 : cpuEnd - steadyCpuNanos;
      System.err.println("# " + r.scenario + ": torn frames seen " + torn + ", channel dropped " + in.getDropped());
      r.frames = counted;
      r.dropped = (droppedAtStart < 0 ? 0 : in.getDropped() - droppedAtStart) + torn;
      r.fpsAchieved = counted > 1 ? (counted - 1) * 1e9 / (last - first) : 0;
    }
  }
}
