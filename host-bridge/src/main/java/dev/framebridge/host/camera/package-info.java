/** Cameras through Webcam Capture: real devices, the built-in synthetic test pattern, and the capture loop. */
@NullMarked
package dev.framebridge.host.camera;

import org.jspecify.annotations.NullMarked;
