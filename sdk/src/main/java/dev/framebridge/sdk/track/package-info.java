/**
 * MediaStreamTrack on the JVM: tracks, their sources and sinks, settings, capabilities and constraints.
 *
 * <p>To make a local track, create a {@code VideoTrackGenerator} (or a legacy {@code MediaStreamTrackGenerator}) and
 * write frames to its writable; its {@code getTrack()} is the track. Code that produces frames by other means (a
 * camera, a shared-memory channel) builds a {@link dev.framebridge.sdk.track.MediaStreamTrackSource}, calls
 * {@code createTrack()} and {@code deliver(frame)}; code that consumes a track either wraps it in a
 * {@code MediaStreamTrackProcessor} or attaches a {@link dev.framebridge.sdk.track.MediaStreamTrackSink}.
 */
@NullMarked
package dev.framebridge.sdk.track;

import org.jspecify.annotations.NullMarked;
