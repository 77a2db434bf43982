package dev.framebridge.host.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Webcam Capture driver the host registers (with {@code Webcam.setDriver} before the first lookup): the system's
 * cameras through Webcam Capture's default driver, when asked for, followed by the {@link SyntheticWebcamDevice}.
 * The synthetic device is listed last, so index 0 is a real camera whenever one exists.
 */
public final class FramebridgeWebcamDriver implements WebcamDriver {
  private static final Logger LOG = LoggerFactory.getLogger(FramebridgeWebcamDriver.class);

  private final SyntheticWebcamDevice synthetic;
  private final @Nullable WebcamDriver system;

  /**
   * @param includeSystemDevices false skips the native lookup (about 250 ms without a camera), for
   *     {@code --camera synthetic}
   */
  public FramebridgeWebcamDriver(SyntheticWebcamDevice synthetic, boolean includeSystemDevices) {
    this.synthetic = synthetic;
    this.system = includeSystemDevices && mayHaveSystemCameras() ? new WebcamDefaultDriver() : null;
  }

  /**
   * False on Linux without any {@code /dev/video*} node: then the native lookup can only fail, and it would extract
   * and load a native library (and print its loader errors) for nothing.
   */
  static boolean mayHaveSystemCameras() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return true;
    }
    java.io.File[] nodes = new java.io.File("/dev").listFiles((dir, name) -> name.startsWith("video"));
    return nodes != null && nodes.length > 0;
  }

  public SyntheticWebcamDevice getSynthetic() {
    return synthetic;
  }

  @Override
  public List<WebcamDevice> getDevices() {
    List<WebcamDevice> devices = new ArrayList<>();
    if (system != null) {
      try {
        devices.addAll(system.getDevices());
      } catch (RuntimeException | LinkageError e) {
        // A missing native library or an odd platform must not keep the synthetic camera from working.
        LOG.warn("system camera lookup failed ({}); only the synthetic camera is available", e.toString());
      }
    }
    devices.add(synthetic);
    return devices;
  }

  /** False: the default driver's native grabber wants one thread, and Webcam Capture then serialises calls. */
  @Override
  public boolean isThreadSafe() {
    return system == null;
  }
}
