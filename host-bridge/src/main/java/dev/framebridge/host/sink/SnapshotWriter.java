package dev.framebridge.host.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes PNG snapshots of the output (and the input beside it) into a directory: every N output frames, and on
 * request. Encoding runs on its own thread; a periodic snapshot that comes due while the previous one is still being
 * written is skipped (and counted) rather than queued, so snapshots never hold up the frame path.
 *
 * <p>Files: {@code output-<seq>.png} and {@code input-<seq>.png}, where seq is the output frame's sequence number
 * zero-padded to 8 digits; on-request snapshots also refresh {@code output-latest.png} / {@code input-latest.png}.
 */
public final class SnapshotWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

  private final Path directory;
  private final PictureStore output;
  private final @Nullable PictureStore input;
  private final long everyFrames;
  private final ExecutorService executor;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final Picture outputPicture = new Picture();
  private final Picture inputPicture = new Picture();
  private final ImageEncoder encoder = new ImageEncoder(0.9f);

  /**
   * @param everyFrames 0 disables periodic snapshots
   * @throws UncheckedIOException if the directory cannot be created
   */
  public SnapshotWriter(Path directory, PictureStore output, @Nullable PictureStore input, long everyFrames) {
    this.directory = directory;
    this.output = output;
    this.input = input;
    this.everyFrames = everyFrames;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create snapshot directory " + directory, e);
    }
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "framebridge-snapshots");
      t.setDaemon(true);
      return t;
    });
  }

  public Path getDirectory() {
    return directory;
  }

  public long getWritten() {
    return written.get();
  }

  public long getSkipped() {
    return skipped.get();
  }

  /** Called for each output frame (after it is published to the output store). */
  public void onOutputFrame(long outputSequence) {
    if (everyFrames <= 0 || outputSequence % everyFrames != 0) {
      return;
    }
    if (!busy.compareAndSet(false, true)) {
      skipped.incrementAndGet();
      return;
    }
    executor.execute(() -> {
      try {
        write(false);
      } catch (IOException | RuntimeException e) {
        LOG.warn("snapshot into {} failed: {}", directory, e.toString());
      } finally {
        busy.set(false);
      }
    });
  }

  /** Writes a snapshot now; completes with the output file, or null when no frame has arrived yet. */
  public Future<@Nullable Path> request() {
    return executor.submit(() -> write(true));
  }

  private @Nullable Path write(boolean latest) throws IOException {
    if (!output.readInto(outputPicture)) {
      return null;
    }
    String seq = String.format("%08d", outputPicture.getSequence());
    Path out = directory.resolve("output-" + seq + ".png");
    encoder.writePng(outputPicture.getImage(), out);
    if (input != null && input.readInto(inputPicture)) {
      encoder.writePng(inputPicture.getImage(), directory.resolve("input-" + seq + ".png"));
      if (latest) {
        encoder.writePng(inputPicture.getImage(), directory.resolve("input-latest.png"));
      }
    }
    if (latest) {
      encoder.writePng(outputPicture.getImage(), directory.resolve("output-latest.png"));
    }
    written.incrementAndGet();
    return out;
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    encoder.close();
  }
}
