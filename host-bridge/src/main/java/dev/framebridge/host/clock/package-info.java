/** The host's one capture clock: microseconds since capture start, shared by the camera and the audio source. */
@NullMarked
package dev.framebridge.host.clock;

import org.jspecify.annotations.NullMarked;
