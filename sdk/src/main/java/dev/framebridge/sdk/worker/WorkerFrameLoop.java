package dev.framebridge.sdk.worker;

import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.transform.FrameAllocator;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;
import java.io.EOFException;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * The worker's processor → transform → generator loop on one thread, for one track kind (video frames or audio
 * chunks): reads an input frame, applies pending settings
 * between frames, calls the transform, writes what it enqueued, closes an input it did not enqueue, and records the
 * time spent in the transform. A fault (throw, {@code error()}, a frame of the wrong kind) ends the loop with a
 * {@link TransformFault} carrying a one-line reason.
 */
final class WorkerFrameLoop implements TransformController<MediaFrame> {
  private final WorkerIo io;
  private final TrackKind kind;
  private final FrameTransform<MediaFrame> transform;
  private final AtomicReference<@Nullable Settings> pendingSettings = new AtomicReference<>();
  private final Recorder transformUs = new Recorder(3);
  private volatile long busySinceNs;
  private volatile long framesIn;
  private volatile long framesOut;
  private volatile long framesDone;
  private volatile boolean stopRequested;
  private @Nullable MediaFrame current;
  private boolean currentEnqueued;
  private @Nullable Throwable errored;
  private volatile @Nullable String faultMessage;

  // The transform sees this loop as a TransformController of its kind's frame; it is declared over MediaFrame so a
  // frame of the wrong kind, smuggled in through a raw type, reaches the check in enqueue instead of a bridge cast.
  private final TransformController<MediaFrame> controller;

  /** A loop for {@code kind}; {@code transform} is the plugin's transform of that kind (video or audio). */
  @SuppressWarnings("unchecked")
  WorkerFrameLoop(WorkerIo io, TrackKind kind, FrameTransform<? extends MediaFrame> transform) {
    this.io = io;
    this.kind = kind;
    this.transform = (FrameTransform<MediaFrame>) transform;
    this.controller = this;
  }

  /** Thrown out of {@link #run()} when the plugin misbehaved; its message is the one-line reason. */
  static final class TransformFault extends Exception {
    private static final long serialVersionUID = 1L;

    TransformFault(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  void offerSettings(Settings settings) {
    pendingSettings.set(settings);
  }

  void requestStop() {
    stopRequested = true;
  }

  /** Nanoseconds the transform has been inside the current call, 0 when idle. */
  long getBusyNs() {
    long since = busySinceNs;
    return since == 0 ? 0 : Math.max(1, System.nanoTime() - since);
  }

  long getFramesIn() {
    return framesIn;
  }

  long getFramesOut() {
    return framesOut;
  }

  /** Input frames whose transform() call has returned (what a test kit waits for). */
  long getFramesDone() {
    return framesDone;
  }

  long getDropped() {
    return io.getDropped();
  }

  /** The transform-time histogram since the last call, microseconds. */
  org.HdrHistogram.Histogram sampleTransformUs() {
    return transformUs.getIntervalHistogram();
  }

  /** Runs until the input ends or a stop is requested; returns normally then. */
  void run() throws TransformFault {
    try {
      busySinceNs = System.nanoTime();
      transform.start(controller);
    } catch (Exception | LinkageError e) {
      throw new TransformFault("start() threw " + describe(e), e);
    } finally {
      busySinceNs = 0;
    }
    while (!stopRequested) {
      MediaFrame frame;
      try {
        frame = io.read(100);
      } catch (EOFException e) {
        flush();
        return;
      } catch (Exception e) {
        throw new TransformFault("reading the input track failed: " + describe(e), e);
      }
      if (frame == null) {
        continue;
      }
      framesIn++;
      applySettings();
      current = frame;
      currentEnqueued = false;
      long start = System.nanoTime();
      busySinceNs = start;
      try {
        transform.transform(frame, controller);
      } catch (Exception | LinkageError e) {
        String fault = faultMessage;
        throw new TransformFault(fault != null ? fault : "transform() threw " + describe(e), e);
      } finally {
        busySinceNs = 0;
        current = null;
        if (!currentEnqueued) {
          frame.close();
        }
      }
      transformUs.recordValue(Math.max(0, (System.nanoTime() - start) / 1000));
      String fault = faultMessage;
      if (fault != null) {
        throw new TransformFault(fault, errored);
      }
      framesDone++;
    }
  }

  private void flush() throws TransformFault {
    try {
      transform.flush(controller);
    } catch (Exception | LinkageError e) {
      throw new TransformFault("flush() threw " + describe(e), e);
    }
  }

  private void applySettings() throws TransformFault {
    Settings s = pendingSettings.getAndSet(null);
    if (s != null) {
      try {
        transform.onSettingsChanged(s);
      } catch (RuntimeException | LinkageError e) {
        throw new TransformFault("onSettingsChanged() threw " + describe(e), e);
      }
    }
  }

  @Override
  public void enqueue(MediaFrame f) {
    if (!ofKind(f)) {
      String got = f == null ? "null" : f.getClass().getSimpleName();
      if (f != null) {
        f.close();
      }
      IllegalArgumentException e = new IllegalArgumentException("enqueued a frame of the wrong kind (" + got
          + ") on " + (kind == TrackKind.AUDIO ? "an audio" : "a video") + " track");
      errored = e;
      faultMessage = e.getMessage();
      throw e;
    }
    MediaFrame frame = f;
    if (frame == current) {
      if (currentEnqueued) {
        throw new IllegalStateException("the input frame was enqueued twice");
      }
      currentEnqueued = true;
    }
    try {
      io.write(frame);
      framesOut++;
    } catch (Exception e) {
      frame.close();
      throw new IllegalStateException("writing to the output track failed: " + describe(e), e);
    }
  }

  @Override
  public void error(Throwable reason) {
    errored = reason;
    faultMessage = "transform called error(" + describe(reason) + ")";
  }

  @Override
  public FrameAllocator getAllocator() {
    return io.getAllocator();
  }

  private boolean ofKind(@Nullable MediaFrame f) {
    return kind == TrackKind.AUDIO ? f instanceof AudioData : f instanceof VideoFrame;
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
  }
}
