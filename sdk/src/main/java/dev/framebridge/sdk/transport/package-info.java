/**
 * Tracks across JVMs over shared memory: publish a local {@code MediaStreamTrack} into a channel, get a short
 * {@link dev.framebridge.sdk.transport.TrackHandle}, open it in another JVM as a live track.
 */
@NullMarked
package dev.framebridge.sdk.transport;

import org.jspecify.annotations.NullMarked;
