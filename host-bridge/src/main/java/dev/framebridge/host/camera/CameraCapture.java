package dev.framebridge.host.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture loop: opens the selected camera through Webcam Capture, reads RGB24 at the requested rate, converts it
 * once to RGBA and hands it to a {@link CameraOutput}. Losing the device mutes the output with one clear log line;
 * the loop retries every half second and unmutes when frames flow again. It never throws out of its thread.
 */
public final class CameraCapture implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CameraCapture.class);
  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final Webcam webcam;
  private final SyntheticWebcamDevice synthetic;
  private final CaptureClock clock;
  private final CameraOutput output;
  private final double fps;
  private final Thread thread;
  private final AtomicLong framesCaptured = new AtomicLong();
  private volatile boolean muted;
  private volatile boolean running = true;
  private volatile int width;
  private volatile int height;

  private CameraCapture(Webcam webcam, SyntheticWebcamDevice synthetic, CaptureClock clock, CameraOutput output,
      CameraOptions options) {
    this.webcam = webcam;
    this.synthetic = synthetic;
    this.clock = clock;
    this.output = output;
    this.fps = options.getFps();
    this.width = options.getWidth();
    this.height = options.getHeight();
    this.thread = new Thread(this::run, "framebridge-camera");
    this.thread.setDaemon(true);
  }

  /**
   * Registers the project's Webcam Capture driver, selects and opens the camera, and starts the capture thread.
   *
   * @throws IllegalArgumentException if the selector names no camera (the message lists the cameras found)
   * @throws IllegalStateException if the camera exists but cannot be opened
   */
  public static CameraCapture start(CameraOptions options, CaptureClock clock, CameraOutput output) {
    Dimension size = new Dimension(options.getWidth(), options.getHeight());
    SyntheticWebcamDevice synthetic = new SyntheticWebcamDevice(clock, size, options.getFps());
    Webcam.setDriver(new FramebridgeWebcamDriver(synthetic, !options.isSynthetic()));
    List<Webcam> cams = Webcam.getWebcams();
    Webcam chosen = select(cams, options);
    chosen.getLock().disable(); // no lock files in the temp directory
    if (chosen.getDevice() != synthetic) {
      boolean listed = Arrays.stream(chosen.getViewSizes()).anyMatch(size::equals);
      if (!listed) {
        LOG.info("camera '{}' does not list {}x{} (lists {}); requesting it as a custom size", chosen.getName(),
            size.width, size.height, Arrays.toString(chosen.getViewSizes()));
        chosen.setCustomViewSizes(size);
      }
    }
    chosen.setViewSize(size);
    if (!chosen.open()) {
      throw new IllegalStateException("camera '" + chosen.getName() + "' could not be opened");
    }
    CameraCapture capture = new CameraCapture(chosen, synthetic, clock, output, options);
    Dimension actual = chosen.getViewSize();
    capture.width = actual.width;
    capture.height = actual.height;
    LOG.info("camera '{}' open at {}x{}, {} fps requested", chosen.getName(), actual.width, actual.height,
        options.getFps());
    capture.thread.start();
    return capture;
  }

  private static Webcam select(List<Webcam> cams, CameraOptions options) {
    String sel = options.getCamera();
    if (sel == null) {
      Webcam first = cams.get(0); // the synthetic camera is listed last, so this is a real one if any exists
      if (first.getDevice() instanceof SyntheticWebcamDevice) {
        LOG.info("no camera found; using the synthetic test pattern (choose one with --camera)");
      }
      return first;
    }
    if (options.isSynthetic()) {
      return cams.stream().filter(c -> c.getDevice() instanceof SyntheticWebcamDevice).findFirst().orElseThrow();
    }
    if (sel.chars().allMatch(Character::isDigit)) {
      int index = Integer.parseInt(sel);
      if (index >= cams.size()) {
        throw new IllegalArgumentException("no camera at index " + index + "; cameras: " + names(cams));
      }
      return cams.get(index);
    }
    String needle = sel.toLowerCase(Locale.ROOT);
    return cams.stream().filter(c -> c.getName().toLowerCase(Locale.ROOT).contains(needle)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no camera named '" + sel + "'; cameras: " + names(cams)));
  }

  private static String names(List<Webcam> cams) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cams.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(i).append(": '").append(cams.get(i).getName()).append('\'');
    }
    return b.toString();
  }

  public String getCameraName() {
    return webcam.getName();
  }

  public boolean isSynthetic() {
    return webcam.getDevice() == synthetic;
  }

  /** The synthetic device (also when a real camera is selected; then it is idle). */
  public SyntheticWebcamDevice getSyntheticDevice() {
    return synthetic;
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  public double getFps() {
    return fps;
  }

  /** True while the device is lost. */
  public boolean isMuted() {
    return muted;
  }

  public long getFramesCaptured() {
    return framesCaptured.get();
  }

  private void run() {
    FramePacer pacer = isSynthetic() ? null : new FramePacer(fps); // the synthetic device paces itself
    ByteBuffer rgb = ByteBuffer.allocateDirect(width * height * 3);
    ByteBuffer rgba = ByteBuffer.allocateDirect(width * height * 4);
    while (running) {
      try {
        if (pacer != null) {
          pacer.awaitNextFrame();
        }
        rgb.clear();
        webcam.getImageBytes(rgb);
        if (!running) {
          break;
        }
        if (rgb.position() != width * height * 3 && rgb.position() != 0) {
          throw new WebcamException("camera delivered " + rgb.position() + " bytes, expected "
              + (width * height * 3));
        }
        if (rgb.position() == 0) {
          throw new WebcamException("camera delivered no image");
        }
        long ts = isSynthetic() ? synthetic.getLastTimestampMicros() : clock.nowMicros();
        Rgb24ToRgba.convert(rgb, rgba, width * height);
        if (muted) {
          muted = false;
          LOG.info("camera '{}' is back; track unmuted", webcam.getName());
          output.onMuted(false);
        }
        output.onFrame(rgba, width, height, ts);
        framesCaptured.incrementAndGet();
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        lost(e);
      }
    }
  }

  private void lost(RuntimeException cause) {
    if (!muted) {
      muted = true;
      LOG.warn("camera '{}' lost ({}); track muted, retrying every {} ms", webcam.getName(), cause.getMessage(),
          TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS));
      try {
        output.onMuted(true);
      } catch (RuntimeException e) {
        LOG.warn("muting the camera track failed", e);
      }
    }
    long until = System.nanoTime() + RETRY_NANOS;
    while (running && System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
    }
    if (!running) {
      return;
    }
    try {
      if (webcam.isOpen()) {
        webcam.close();
      }
      webcam.open();
    } catch (RuntimeException e) {
      LOG.debug("camera '{}' still unavailable: {}", webcam.getName(), e.toString());
    }
  }

  /** Stops the thread and closes the camera. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      webcam.close();
    } catch (RuntimeException e) {
      LOG.debug("closing camera '{}': {}", webcam.getName(), e.toString());
    }
  }
}
