package dev.framebridge.sdk.transport.bench;

import dev.framebridge.sdk.transport.channel.BackoffIdleStrategy;
import dev.framebridge.sdk.transport.channel.ChannelDescriptor;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.RingDescriptor;
import dev.framebridge.sdk.transport.channel.SlotDescriptor;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.jspecify.annotations.Nullable;

/**
 * Scenario {@code hop-chronicle}: the suggested shape, measured next to {@code hop}. The publisher JVM writes
 * each frame once into a slot of the same mapped ring ({@link ChannelPublisher}, per-slot seqlock), then appends the
 * frame's descriptor to a Chronicle Queue {@code <channel>.cq} in the instance directory (one-second roll cycle,
 * 64 KiB blocks; the reader deletes each cycle file once its tailer leaves it). This JVM tails the queue instead of
 * scanning slot headers, then leases the slot and checks its commit word before and after the read, as {@code hop}
 * does. Waiting is {@code ChannelSubscriber.await}'s: sleep through most of a paced gap, then
 * {@link BackoffIdleStrategy}.
 */
final class ChronicleHop {
  /** A frame: slot, sequence, generation, timestampUs, writeStartNanos, format, width, height, byteLength. */
  static final int FRAME = 1;
  /** The track ended: sequence of the last frame. */
  static final int ENDED = 2;

  private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private ChronicleHop() {}

  /** {@code --roll}: a TestRollCycles or RollCycles name; TEST_SECONDLY by default (what deletion needs). */
  static RollCycle rollCycle(BenchOptions o) {
    String name = o.get("roll", "TEST_SECONDLY");
    try {
      return TestRollCycles.valueOf(name);
    } catch (IllegalArgumentException e) {
      return RollCycles.valueOf(name);
    }
  }

  static SingleChronicleQueue queue(Path dir, RollCycle roll, boolean deleteReleased) {
    SingleChronicleQueueBuilder b = SingleChronicleQueueBuilder.binary(dir.resolve("hop.cq"))
        .rollCycle(roll).blockSize(64 << 10);
    if (deleteReleased) {
      b.storeFileListener(ChronicleHop::deleteReleased);
    }
    return b.build();
  }

  private static void deleteReleased(int cycle, File file) {
    if (!file.delete() && file.exists()) {
      System.err.println("# hop-chronicle: could not delete " + file);
    }
  }

  /** Child role {@code chronicle-publisher}: the {@code hop} publisher plus one queue append per frame. */
  static void publisher(BenchOptions o) throws Exception {
    int w = o.width();
    int h = o.height();
    int size = VideoPixelFormat.RGBA.frameBytes(w, h);
    java.nio.ByteBuffer source = java.nio.ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i += 64) {
      source.put(i, (byte) i);
    }
    Path dir = Path.of(o.get("dir", ""));
    try (ChannelPublisher out = ChannelPublisher.attach(dir, "hop");
        SingleChronicleQueue q = queue(dir, rollCycle(o), false);
        ExcerptAppender appender = q.createAppender()) {
      out.abort(out.claim(size)); // creates and pre-touches the ring before the clock starts
      long generation = 1;
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
        java.nio.ByteBuffer slot = out.buffer(token);
        slot.put(0, source, 0, size);
        seq++;
        slot.putLong(0, seq);
        slot.putLong(size - 8, seq);
        out.commitVideo(token, VideoPixelFormat.RGBA, w, h, w, h, seq * 16_666, 16_666);
        try (DocumentContext dc = appender.writingDocument()) {
          Bytes<?> b = dc.wire().bytes();
          b.writeInt(FRAME);
          b.writeInt(token & 0xFF); // ChannelPublisher's token: generation << 8 | slot
          b.writeLong(seq);
          b.writeLong(generation);
          b.writeLong(seq * 16_666);
          b.writeLong(start);
          b.writeInt(VideoPixelFormat.RGBA.ordinal());
          b.writeInt(w);
          b.writeInt(h);
          b.writeInt(size);
        }
      }
      try (DocumentContext dc = appender.writingDocument()) {
        Bytes<?> b = dc.wire().bytes();
        b.writeInt(ENDED);
        b.writeInt(0);
        b.writeLong(seq);
      }
      System.out.println("@cpu_steady_ns=" + (TransportBenchmark.cpuNanos() - cpuSteady));
    }
    System.out.println("@cpu_ns=" + TransportBenchmark.cpuNanos());
    System.out.flush();
  }

  /** The reader side, in this JVM. */
  static BenchResult run(BenchOptions o) throws Exception {
    BenchResult r = new BenchResult("hop-chronicle", o.width(), o.height(), o.fps());
    try (InstanceDirectory instance = InstanceDirectory.create(o.root())) {
      Path dir = instance.getPath();
      ChannelPublisher.prepare(dir, "hop", TrackKind.VIDEO, 8);
      try (SingleChronicleQueue q = queue(dir, rollCycle(o), true);
          ExcerptTailer tailer = q.createTailer();
          ChildProcess child = new ChildProcess(o.childArgs("chronicle-publisher", Map.of("dir", dir.toString())))) {
        child.await("ready", 60);
        Reader reader = new Reader(dir, o, r);
        reader.run(tailer);
        r.shmBytes = reader.maxShmBytes; // sampled while streaming: the publisher deletes its ring on close
        long childCpu = Long.parseLong(child.await("cpu_ns", 60));
        long childSteady = Long.parseLong(child.await("cpu_steady_ns", 60));
        System.err.printf("# hop-chronicle: reader CPU %.1f ms, publisher JVM CPU %.1f ms (incl. start-up);"
            + " measured frames only: %.3f ms/frame%n", reader.cpuNanos / 1e6, childCpu / 1e6,
            (reader.steadyCpuNanos + childSteady) / 1e6 / Math.max(1, r.frames));
        r.cpuMsPerFrame = (reader.cpuNanos + childCpu) / 1e6 / Math.max(1, r.frames + o.warmup());
      }
    }
    return r;
  }

  static long directoryBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Tails the queue; each descriptor names a slot, which is leased and checked like {@code ChannelSubscriber}'s. */
  static final class Reader {
    private final Path dir;
    private final BenchOptions o;
    private final BenchResult r;
    private final BackoffIdleStrategy idle = new BackoffIdleStrategy();
    private @Nullable MappedByteBuffer ring;
    private long generation;
    private long stride;
    long cpuNanos;
    long steadyCpuNanos;
    long maxShmBytes;
    long torn;
    long lastSequence;
    long dropped;
    boolean ended;
    private long lastFrameNs = System.nanoTime() - BackoffIdleStrategy.ACTIVE_WINDOW_NS;
    private long intervalNs;

    Reader(Path dir, BenchOptions o, BenchResult r) {
      this.dir = dir;
      this.o = o;
      this.r = r;
    }

    void run(ExcerptTailer tailer) throws IOException {
      long cpu0 = TransportBenchmark.cpuNanos();
      long first = 0;
      long last = 0;
      long counted = 0;
      long warmup = o.warmup();
      long droppedAtStart = -1;
      long timeoutNs = 5_000_000_000L;
      long waitStart = System.nanoTime();
      idle.reset();
      while (!ended) {
        long seq = poll(tailer);
        long now = System.nanoTime();
        if (seq == 0) {
          if (now - waitStart > timeoutNs) {
            System.err.println("# hop-chronicle: no descriptor for 5 s, stopping");
            break;
          }
          long since = now - lastFrameNs;
          long wakeAt = intervalNs - Math.max(2_000_000L, intervalNs / 4);
          if (intervalNs >= 4_000_000L && since < wakeAt) {
            LockSupport.parkNanos(wakeAt - since); // as ChannelSubscriber.await: sleep through a paced gap
          } else {
            idle.idle(since);
          }
          continue;
        }
        if (seq < 0) {
          continue; // torn or ended
        }
        if (seq > warmup) {
          if (droppedAtStart < 0) {
            droppedAtStart = dropped;
            first = now;
            steadyCpuNanos = TransportBenchmark.cpuNanos();
          }
          r.record(now - writeStartNanos);
          counted++;
          last = now;
          if (counted % 64 == 1) {
            maxShmBytes = Math.max(maxShmBytes, directoryBytes(dir)); // after the timestamp: not in the latency
          }
        }
        long gap = now - lastFrameNs;
        if (gap < BackoffIdleStrategy.ACTIVE_WINDOW_NS) {
          intervalNs = intervalNs == 0 ? gap : (intervalNs * 7 + gap) / 8;
        }
        lastFrameNs = now;
        waitStart = now;
        idle.reset();
      }
      long cpuEnd = TransportBenchmark.cpuNanos();
      cpuNanos = cpuEnd - cpu0;
      steadyCpuNanos = steadyCpuNanos == 0 ? 0 : cpuEnd - steadyCpuNanos;
      System.err.println("# hop-chronicle: torn frames seen " + torn + ", dropped " + dropped);
      r.frames = counted;
      r.dropped = (droppedAtStart < 0 ? 0 : dropped - droppedAtStart) + torn;
      r.fpsAchieved = counted > 1 ? (counted - 1) * 1e9 / (last - first) : 0;
    }

    private long writeStartNanos;

    /** @return the frame's sequence, 0 when no descriptor is ready, -1 for a descriptor not delivered */
    private long poll(ExcerptTailer tailer) throws IOException {
      int slot;
      long seq;
      long gen;
      int size;
      try (DocumentContext dc = tailer.readingDocument()) {
        if (!dc.isPresent()) {
          return 0;
        }
        Bytes<?> b = dc.wire().bytes();
        int type = b.readInt();
        slot = b.readInt();
        seq = b.readLong();
        if (type == ENDED) {
          ended = true;
          return -1;
        }
        gen = b.readLong();
        b.readLong(); // timestampUs
        writeStartNanos = b.readLong();
        b.readInt(); // format
        b.readInt(); // width
        b.readInt(); // height
        size = b.readInt();
      }
      MappedByteBuffer m = gen == generation && ring != null ? ring : map(gen);
      long at = RingDescriptor.slotOffset(stride, slot);
      long expected = SlotDescriptor.committed(seq);
      int leases = (int) at + SlotDescriptor.LEASE_COUNT_OFFSET;
      // Lease the slot as ChannelSubscriber does (a CAS the publisher respects), then check it still holds the frame.
      LONGS.setVolatile(m, (int) at + SlotDescriptor.LEASE_NANOS_OFFSET, System.nanoTime());
      boolean leased = false;
      while (true) {
        int v = (int) INTS.getVolatile(m, leases);
        if ((v & SlotDescriptor.WRITE_LOCK) != 0) {
          break;
        }
        if (INTS.compareAndSet(m, leases, v, v + 1)) {
          leased = true;
          break;
        }
      }
      try {
        if (!leased || (long) LONGS.getAcquire(m, (int) at + SlotDescriptor.COMMIT_WORD_OFFSET) != expected) {
          dropped += seq - lastSequence;
          lastSequence = seq;
          return -1; // already being rewritten: the frame is lost
        }
        int data = (int) at + SlotDescriptor.LENGTH;
        if (m.getLong(data) != seq || m.getLong(data + size - 8) != seq
            || (long) LONGS.getAcquire(m, (int) at + SlotDescriptor.COMMIT_WORD_OFFSET) != expected) {
          torn++;
        }
      } finally {
        if (leased) {
          INTS.getAndAdd(m, leases, -1);
        }
      }
      dropped += seq - lastSequence - 1;
      lastSequence = seq;
      return seq;
    }

    private MappedByteBuffer map(long gen) throws IOException {
      Path file = ChannelDescriptor.ringFile(dir, "hop", gen);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
        m.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < m.capacity(); i += 4096) {
          m.get(i); // fault the pages in now, as ChannelSubscriber's pretouchForRead does
        }
        ring = m;
        generation = gen;
        stride = m.getLong(RingDescriptor.SLOT_STRIDE_OFFSET);
        return m;
      }
    }
  }
}
