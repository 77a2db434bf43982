/** WebCodecs VideoFrame and AudioData over reference-counted memory: construction, validation, copy and conversion. */
@NullMarked
package dev.framebridge.sdk.media;

import org.jspecify.annotations.NullMarked;
