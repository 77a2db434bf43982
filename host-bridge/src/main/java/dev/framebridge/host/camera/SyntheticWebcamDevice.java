package dev.framebridge.host.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The built-in synthetic camera as a Webcam Capture device: a moving {@link TestPatternRenderer} pattern at any size
 * and frame rate, paced by a {@link FramePacer} on the monotonic clock. {@link #getImageBytes(ByteBuffer)} blocks
 * until the next frame is due, as a real camera does, and writes RGB24.
 *
 * <p>{@link #setUnplugged(boolean)} simulates losing the device, so the host's recovery path can be exercised
 * without hardware.
 */
public final class SyntheticWebcamDevice implements WebcamDevice, WebcamDevice.BufferAccess, WebcamDevice.FPSSource {
  /** The name it is listed under; {@code --camera synthetic} selects it. */
  public static final String NAME = "Framebridge synthetic camera";

  private final CaptureClock clock;
  private final double fps;
  private volatile Dimension resolution;
  private volatile boolean open;
  private volatile boolean unplugged;
  private @Nullable TestPatternRenderer renderer;
  private @Nullable FramePacer pacer;
  private volatile long lastFrameNumber = -1;
  private volatile long lastTimestampMicros;

  public SyntheticWebcamDevice(CaptureClock clock, Dimension size, double fps) {
    this.clock = clock;
    this.fps = fps;
    this.resolution = new Dimension(size);
    new FramePacer(fps); // validates fps now, not at open
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** The one size it was made with; Webcam Capture needs it listed to accept it as the view size. */
  @Override
  public Dimension[] getResolutions() {
    return new Dimension[] {new Dimension(resolution)};
  }

  @Override
  public Dimension getResolution() {
    return new Dimension(resolution);
  }

  @Override
  public void setResolution(Dimension size) {
    if (open) {
      throw new IllegalStateException("cannot resize the synthetic camera while it is open");
    }
    resolution = new Dimension(size);
  }

  @Override
  public double getFPS() {
    return fps;
  }

  /** Simulates unplugging (frames fail) and plugging back in (frames resume). */
  public void setUnplugged(boolean unplugged) {
    this.unplugged = unplugged;
  }

  public boolean isUnplugged() {
    return unplugged;
  }

  /** Number drawn into the most recent frame, or -1 before the first. */
  public long getLastFrameNumber() {
    return lastFrameNumber;
  }

  /** Capture timestamp (microseconds on the shared clock) drawn into the most recent frame. */
  public long getLastTimestampMicros() {
    return lastTimestampMicros;
  }

  /** Frames the pacer skipped because the reader was late. */
  public long getSkippedFrames() {
    FramePacer p = pacer;
    return p == null ? 0 : p.getSkippedFrames();
  }

  @Override
  public synchronized void open() {
    if (unplugged) {
      throw new WebcamException(NAME + " is unplugged");
    }
    if (!open) {
      renderer = new TestPatternRenderer(resolution.width, resolution.height);
      pacer = new FramePacer(fps);
      open = true;
    }
  }

  @Override
  public synchronized void close() {
    open = false;
  }

  @Override
  public void dispose() {
    close();
    renderer = null;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Waits for the next frame and renders it; throws WebcamException if closed or unplugged. */
  private synchronized byte[] nextFrame() {
    TestPatternRenderer r = renderer;
    FramePacer p = pacer;
    if (!open || r == null || p == null) {
      throw new WebcamException(NAME + " is not open");
    }
    long n = p.awaitNextFrame();
    if (unplugged) {
      throw new WebcamException(NAME + " was unplugged");
    }
    long ts = clock.nowMicros();
    byte[] rgb = r.render(n, ts);
    lastFrameNumber = n;
    lastTimestampMicros = ts;
    return rgb;
  }

  @Override
  public void getImageBytes(ByteBuffer target) {
    target.put(nextFrame());
  }

  @Override
  public ByteBuffer getImageBytes() {
    byte[] rgb = nextFrame();
    ByteBuffer b = ByteBuffer.allocateDirect(rgb.length);
    b.put(rgb).flip();
    return b;
  }

  /** Next frame as a TYPE_3BYTE_BGR image (allocates; the capture loop uses the byte path instead). */
  @Override
  public BufferedImage getImage() {
    byte[] rgb = nextFrame();
    Dimension d = resolution;
    BufferedImage img = new BufferedImage(d.width, d.height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < rgb.length; i += 3) {
      bgr[i] = rgb[i + 2];
      bgr[i + 1] = rgb[i + 1];
      bgr[i + 2] = rgb[i];
    }
    return img;
  }
}
