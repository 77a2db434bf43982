package dev.framebridge.host.camera;

import java.nio.ByteBuffer;

/** Where {@link CameraCapture} delivers frames: normally the camera track's generator. Called on the capture thread. */
public interface CameraOutput {

  /**
   * One frame of tightly packed RGBA, {@code width * height * 4} bytes from position 0. The buffer is reused for the
   * next frame: copy what you keep before returning.
   */
  void onFrame(ByteBuffer rgba, int width, int height, long timestampMicros);

  /** The camera was lost ({@code true}; no frames until it returns) or has come back ({@code false}). */
  void onMuted(boolean muted);
}
