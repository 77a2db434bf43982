package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.FloatBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AudioSource} on a thread of its own and writes each chunk, as f32-planar AudioData stamped with the
 * source's timestamp, into an audio track's writable. It waits for each write to complete before reading the next
 * chunk, so a slow consumer back-pressures the source (a microphone's line buffer then overflows, as in a browser)
 * instead of queueing without bound. Stops when the writable closes, the source fails or {@link #close()} is called.
 */
public final class AudioCapture implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AudioCapture.class);

  private final AudioSource source;
  private final FrameAllocator allocator;
  private final AudioChunkWriter writer;
  private final Thread thread;
  private final AtomicLong chunksWritten = new AtomicLong();
  private volatile @Nullable Throwable failure;
  private volatile boolean closing;

  /**
   * @param source where the samples come from; closed by {@link #close()}
   * @param allocator makes the chunks (e.g. {@code MediaFrames.heapAllocator()})
   * @param writer the audio track's writer
   */
  public AudioCapture(AudioSource source, FrameAllocator allocator, AudioChunkWriter writer) {
    this.source = source;
    this.allocator = allocator;
    this.writer = writer;
    this.thread = new Thread(this::run, "framebridge-audio-capture");
    this.thread.setDaemon(true);
  }

  /** Starts capturing; returns at once. */
  public AudioCapture start() {
    thread.start();
    return this;
  }

  /** Chunks the writable has accepted so far. */
  public long getChunksWritten() {
    return chunksWritten.get();
  }

  /** Why capture stopped on its own (a source or write failure), or null. */
  public @Nullable Throwable getFailure() {
    return failure;
  }

  /** Whether the capture thread is still running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  private void run() {
    AudioStreamFormat format = source.getFormat();
    int channels = format.getNumberOfChannels();
    int frames = format.getFramesPerChunk();
    float[][] planes = new float[channels][frames];
    try {
      while (!closing) {
        long timestampUs = source.read(planes);
        AudioData chunk = allocator.allocateAudioData(
            AudioSampleFormat.F32_PLANAR, channels, frames, format.getSampleRate(), timestampUs);
        for (int c = 0; c < channels; c++) {
          FloatBuffer plane = chunk.getPlane(c).asFloatBuffer();
          plane.put(planes[c], 0, frames);
        }
        try {
          writer.write(chunk).get();
          chunksWritten.incrementAndGet();
        } catch (ExecutionException | CompletionException | CancellationException e) {
          chunk.close();
          if (!closing) {
            LOG.info("audio track writable closed; capture from {} stops ({})", source.getDescription(),
                e.getCause() != null ? e.getCause().toString() : e.toString());
          }
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() interrupts a paced wait; nothing to report.
    } catch (RuntimeException e) {
      if (!closing) {
        failure = e;
        LOG.warn("audio capture from {} failed", source.getDescription(), e);
      }
    }
  }

  /** Stops the thread and closes the source. Never throws. */
  @Override
  public void close() {
    closing = true;
    thread.interrupt();
    source.close();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("audio capture thread did not stop within 2 s");
    }
  }
}
