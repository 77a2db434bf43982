package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.media.AudioDataInit;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.transport.channel.ChannelSubscriber;
import dev.framebridge.sdk.transport.instance.InstanceDirectory;
import dev.framebridge.sdk.worker.ChannelFrames;
import dev.framebridge.sdk.worker.ControlMessage;
import dev.framebridge.sdk.worker.WorkerLauncher;
import dev.framebridge.sdk.worker.WorkerMessages;
import dev.framebridge.sdk.worker.WorkerProcess;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a plugin in its own worker JVM exactly as the host does: the same {@link WorkerLauncher} command line and
 * capped heap, the same control protocol, an input track and an output track in shared memory under
 * {@code /dev/shm}. Frames are pushed one at a time and each call waits until the worker's {@code transform()} has
 * returned for it (the worker reports this in its heartbeats), so outputs are in step with inputs. Outputs are copied
 * out of the shared ring into heap frames the harness owns. A worker that throws, exits or runs out of memory fails
 * the harness with the worker's own one-line reason, as the host would report it. Closing stops the JVM and deletes
 * the shared memory.
 *
 * @param <F> VideoFrame or AudioData
 */
public final class WorkerHarness<F extends MediaFrame> implements FrameHarness<F> {
  private static final long HEARTBEAT_MS = 10;
  private static final long HOST_TIMEOUT_MS = 10_000;
  private static final int INPUT_SLOTS = 4;
  private static final int OUTPUT_SLOTS = 64;

  private final TrackKind kind;
  private final Duration timeout;
  private final InstanceDirectory directory;
  private final ChannelPublisher input;
  private final WorkerProcess process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Object progress = new Object();
  private final List<F> outputs = new ArrayList<>();
  private final Thread pinger;
  private @Nullable ChannelSubscriber output;
  private volatile long framesDone;
  private volatile long framesOut;
  private volatile @Nullable String failure;
  private long pushed;
  private long received;
  private boolean flushed;
  private boolean closed;

  private WorkerHarness(TrackKind kind, List<Path> pluginJars, String pluginId, Settings settings,
      WorkerLauncher launcher, Duration timeout) throws IOException {
    this.kind = kind;
    this.timeout = timeout;
    this.directory = InstanceDirectory.create(InstanceDirectory.DEFAULT_ROOT);
    ChannelPublisher in = null;
    try {
      in = ChannelPublisher.create(directory.getPath(), "in", kind, INPUT_SLOTS);
      ChannelPublisher.prepare(directory.getPath(), "out", kind, OUTPUT_SLOTS);
      ControlMessage init = WorkerMessages.init(pluginId, kind, ChannelFrames.handle(directory.getPath(), "in"),
          ChannelFrames.handle(directory.getPath(), "out"), settings, HEARTBEAT_MS, HOST_TIMEOUT_MS);
      this.process = launcher.launch(pluginJars, pluginId, init, this::onMessage);
    } catch (IOException | RuntimeException e) {
      if (in != null) {
        in.close();
      }
      directory.close();
      throw e;
    }
    this.input = in;
    process.getExit().thenAccept(code -> {
      if (code != 0) {
        fail("worker JVM exited with code " + code + lastStderr());
      }
      wake();
    });
    this.pinger = new Thread(this::ping, "testkit-worker-" + pluginId + "-ping");
    pinger.setDaemon(true);
    pinger.start();
  }

  /**
   * Starts a worker JVM for {@code pluginId} with {@code settings} (already resolved by the plugin's schema).
   *
   * @param pluginJars the plugin JAR then its libraries; empty when the provider is on this JVM's classpath
   * @param launcher how to start the JVM (heap cap, extra flags); {@code WorkerLauncher.builder().build()} is the
   *     host's default
   * @param timeout how long to wait for the worker to start and for each frame
   * @throws IllegalStateException if the worker failed to start, with its reason
   */
  public static <F extends MediaFrame> WorkerHarness<F> start(TrackKind kind, List<Path> pluginJars, String pluginId,
      Settings settings, WorkerLauncher launcher, Duration timeout) {
    WorkerHarness<F> h;
    try {
      h = new WorkerHarness<>(kind, pluginJars, pluginId, settings, launcher, timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the worker's shared memory", e);
    }
    try {
      h.awaitReady();
    } catch (RuntimeException | Error e) {
      h.close();
      throw e;
    }
    return h;
  }

  /** The worker JVM's pid. */
  public long getPid() {
    return process.getPid();
  }

  /** Whether the worker JVM is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The worker's one-line failure reason, or null while it is healthy. */
  public @Nullable String getFailure() {
    return failure;
  }

  /** Where the harness's tracks live in shared memory (deleted on close). */
  public Path getSharedMemoryDirectory() {
    return directory.getPath();
  }

  @Override
  public List<F> push(F frame) {
    try {
      ensureRunning();
      boolean written = ChannelFrames.write(input, frame);
      if (!written) {
        throw new IllegalStateException("no free input slot: the worker holds every one");
      }
      pushed++;
    } finally {
      frame.close();
    }
    return collect(() -> framesDone >= pushed, "transform() to return for frame " + pushed);
  }

  @Override
  public List<F> flush() {
    ensureRunning();
    flushed = true;
    input.end();
    return collect(() -> !process.isAlive(), "the worker to flush and exit");
  }

  @Override
  public void updateSettings(Settings settings) {
    ensureRunning();
    process.send(WorkerMessages.settings(settings));
  }

  @Override
  public List<F> getOutputs() {
    return Collections.unmodifiableList(outputs);
  }

  @Override
  public void clearOutputs() {
    outputs.forEach(MediaFrame::close);
    outputs.clear();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pinger.interrupt();
    process.stop(2000);
    clearOutputs();
    ChannelSubscriber o = output;
    if (o != null) {
      o.close();
    }
    input.close();
    try {
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory.getPath(), e);
    }
  }

  private void awaitReady() {
    try {
      CompletableFuture.anyOf(ready, process.getExit()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the worker did not become ready within " + timeout.toMillis() + " ms"
          + lastStderr());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the worker started");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the worker failed to start: " + e.getCause());
    }
    if (!ready.isDone()) {
      throw new IllegalStateException("the worker failed to start: " + describeFailure());
    }
  }

  /** Waits until {@code done} holds and every output the worker reported has been read; returns the new outputs. */
  private List<F> collect(java.util.function.BooleanSupplier done, String what) {
    ChannelSubscriber o = output;
    if (o == null) {
      throw new IllegalStateException("the worker's output track is not open");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<F> batch = new ArrayList<>();
    while (true) {
      boolean finished = done.getAsBoolean();
      long reported = framesOut;
      while (received < reported || finished && !o.isEnded()) {
        MediaFrame f = ChannelFrames.readFrame(o, TimeUnit.MILLISECONDS.toNanos(finished ? 1 : 10));
        if (f == null) {
          break;
        }
        received++;
        batch.add(copyToHeap(f));
      }
      if (finished && received >= framesOut) {
        break;
      }
      if (failure != null) {
        break;
      }
      if (System.nanoTime() > deadline) {
        batch.forEach(MediaFrame::close);
        throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + lastStderr());
      }
      synchronized (progress) {
        try {
          progress.wait(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + what);
        }
      }
    }
    outputs.addAll(batch);
    if (failure != null && !(flushed && !process.isAlive() && exitedCleanly())) {
      throw new IllegalStateException("the plugin failed in its worker: " + failure);
    }
    return batch;
  }

  private boolean exitedCleanly() {
    return process.getExit().getNow(-1) == 0;
  }

  @SuppressWarnings("unchecked")
  private F copyToHeap(MediaFrame f) {
    try (f) {
      if (f instanceof VideoFrame) {
        return (F) MediaFrames.heapAllocator().copyOf((VideoFrame) f);
      }
      AudioData a = (AudioData) f;
      AudioSampleFormat format = a.getFormat();
      if (format == null) {
        throw new IllegalStateException("the worker published a closed chunk");
      }
      ByteBuffer data = ByteBuffer.allocate(MediaFrames.getAudioBytes(a)).order(ByteOrder.LITTLE_ENDIAN);
      MediaFrames.copyAudioPlanes(a, data);
      data.flip();
      return (F) MediaFrames.createAudioData(AudioDataInit.builder().format(format).sampleRate(a.getSampleRate())
          .numberOfFrames(a.getNumberOfFrames()).numberOfChannels(a.getNumberOfChannels())
          .timestamp(a.getTimestamp()).data(data).build());
    }
  }

  private void ensureRunning() {
    if (closed) {
      throw new IllegalStateException("the harness is closed");
    }
    if (failure != null) {
      throw new IllegalStateException("the plugin failed in its worker: " + failure);
    }
    if (flushed) {
      throw new IllegalStateException("the input has ended (flush was called)");
    }
  }

  private void onMessage(ControlMessage m) {
    switch (m.getType()) {
      case READY:
        try {
          output = ChannelSubscriber.open(directory.getPath(), "out");
          ready.complete(null);
        } catch (IOException | RuntimeException e) {
          fail("cannot open the worker's output track: " + e);
          ready.completeExceptionally(e);
        }
        break;
      case HEARTBEAT:
        framesOut = m.getLong("framesOut", 0);
        framesDone = m.getLong("framesDone", 0);
        break;
      case FAILURE:
        fail(m.getString("reason"));
        break;
      default:
        break;
    }
    wake();
  }

  private void fail(String reason) {
    if (failure == null) {
      failure = reason;
    }
  }

  private String describeFailure() {
    String f = failure;
    return f != null ? f : "exit code " + process.getExit().getNow(-1) + lastStderr();
  }

  private String lastStderr() {
    List<String> err = process.getRecentStderr();
    return err.isEmpty() ? "" : "; last output: " + err.get(err.size() - 1);
  }

  private void wake() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private void ping() {
    while (!Thread.currentThread().isInterrupted() && process.isAlive()) {
      process.send(WorkerMessages.ping(System.nanoTime()));
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
