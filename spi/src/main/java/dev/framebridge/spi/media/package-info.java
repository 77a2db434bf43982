/** Frame types a plugin reads and writes in place: video frames, audio data, and their small value types. */
@NullMarked
package dev.framebridge.spi.media;

import org.jspecify.annotations.NullMarked;
