/**
 * WHATWG Streams for the JVM: readable, writable and transform streams of frames, with futures in place of promises.
 */
@NullMarked
package dev.framebridge.sdk.stream;

import org.jspecify.annotations.NullMarked;
