package dev.framebridge.host.camera;

import java.nio.ByteBuffer;

/**
 * Where {@link CameraCapture} delivers frames: normally the camera track's generator. Called on the capture thread.
 * The capture converts each frame straight into memory the output hands out, so a frame is written once.
 */
public interface CameraOutput {

  /**
   * Memory for the next frame: a big-endian buffer of at least {@code bytes} capacity, which the capture fills from
   * index 0 and then passes to {@link #onFrame}. The default allocates; a pooling output overrides it.
   */
  default ByteBuffer frameMemory(int bytes) {
    return ByteBuffer.allocateDirect(bytes);
  }

  /**
   * One frame of tightly packed RGBA, {@code width * height * 4} bytes from index 0 of {@code rgba}, which came from
   * {@link #frameMemory} and now belongs to the output.
   */
  void onFrame(ByteBuffer rgba, int width, int height, long timestampMicros);

  /** The camera was lost ({@code true}; no frames until it returns) or has come back ({@code false}). */
  void onMuted(boolean muted);
}
