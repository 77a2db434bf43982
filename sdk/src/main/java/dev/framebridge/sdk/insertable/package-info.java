/**
 * Insertable streams for MediaStreamTrack: {@link dev.framebridge.sdk.insertable.MediaStreamTrackProcessor} (track to
 * readable of frames), {@link dev.framebridge.sdk.insertable.VideoTrackGenerator} and the legacy
 * {@link dev.framebridge.sdk.insertable.MediaStreamTrackGenerator} (writable of frames to track).
 *
 * <p>Threads: a write to a generator is processed on the writing thread (the frame reaches every track's sinks before
 * the write completes); a processor binds an arriving frame to a pending read on the producer's thread and completes
 * the read on its delivery executor, so a slow reader never blocks the producer, only makes the processor drop.
 */
@NullMarked
package dev.framebridge.sdk.insertable;

import org.jspecify.annotations.NullMarked;
