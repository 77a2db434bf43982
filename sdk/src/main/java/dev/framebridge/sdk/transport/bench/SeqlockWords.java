package dev.framebridge.sdk.transport.bench;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import net.openhft.chronicle.bytes.MappedBytes;

/**
 * Scenario {@code seqlock-words}: the cost of the ring's seqlock word through the JDK mapping ({@code VarHandle}
 * setRelease/getAcquire, what {@code MappedRegion} uses) and through Chronicle Bytes ({@code MappedBytes}
 * writeOrderedLong/readVolatileLong), on one file in {@code --root}. Two figures each: one thread doing a writer's
 * odd/even pair plus a reader's check, and two threads (each with its own mapping, as two JVMs would have) handing
 * the word back and forth. Prints one JSON line per mapping and round (two rounds, alternated).
 */
final class SeqlockWords {
  private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int OPS = 20_000_000;
  private static final int HANDOFFS = 1_000_000;

  private SeqlockWords() {}

  static void run(BenchOptions o) throws Exception {
    Path file = Files.createTempFile(o.root(), "fb-seqlock-", ".bin");
    try {
      MappedByteBuffer a = map(file);
      MappedByteBuffer b = map(file);
      MappedBytes ca = MappedBytes.mappedBytes(file.toFile(), 1 << 16);
      MappedBytes cb = MappedBytes.mappedBytes(new File(file.toString()), 1 << 16);
      ca.singleThreadedCheckDisabled(true);
      cb.singleThreadedCheckDisabled(true);
      try {
        for (int round = 0; round < 2; round++) { // alternated, so neither is always measured first
          print("varhandle", measure(v -> LONGS.setRelease(a, 0, v), () -> (long) LONGS.getAcquire(a, 0),
              v -> LONGS.setRelease(b, 0, v), () -> (long) LONGS.getAcquire(b, 0)));
          print("chronicle-bytes", measure(v -> ca.writeOrderedLong(0, v), () -> ca.readVolatileLong(0),
              v -> cb.writeOrderedLong(0, v), () -> cb.readVolatileLong(0)));
        }
      } finally {
        ca.releaseLast();
        cb.releaseLast();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static MappedByteBuffer map(Path file) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096);
    }
  }

  /** @return {ns per single-thread write-odd/write-even/read triple, ns per one-way handoff between threads} */
  private static double[] measure(LongConsumer writeA, LongSupplier readA, LongConsumer writeB, LongSupplier readB)
      throws Exception {
    long sink = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      long t0 = System.nanoTime();
      for (long i = 0; i < OPS; i++) {
        writeA.accept(i << 1 | 1);
        writeA.accept(i << 1);
        sink += readA.getAsLong();
      }
      sink += System.nanoTime() - t0;
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < OPS; i++) {
      writeA.accept((long) i << 1 | 1);
      writeA.accept((long) i << 1);
      sink += readA.getAsLong();
    }
    double single = (System.nanoTime() - t0) / (double) OPS;
    writeA.accept(0);
    Thread echo = new Thread(() -> {
      for (long v = 1; v < 2L * HANDOFFS; v += 2) {
        while (readB.getAsLong() != v - 1) {
          Thread.onSpinWait();
        }
        writeB.accept(v);
      }
    }, "bench-seqlock-echo");
    long h0 = System.nanoTime();
    echo.start();
    for (long v = 2; v <= 2L * HANDOFFS; v += 2) {
      while (readA.getAsLong() != v - 1) {
        Thread.onSpinWait();
      }
      writeA.accept(v);
    }
    echo.join();
    double handoff = (System.nanoTime() - h0) / (2.0 * HANDOFFS);
    if (sink == 42) {
      System.err.println(); // keeps the loops from being optimised away
    }
    return new double[] {single, handoff};
  }

  private static void print(String mapping, double[] r) {
    System.out.println(String.format(Locale.ROOT,
        "{\"scenario\":\"seqlock-words\",\"mapping\":\"%s\",\"single_thread_ns_per_write_write_read\":%.2f,"
            + "\"cross_thread_ns_per_handoff\":%.1f}", mapping, r[0], r[1]));
  }
}
