/**
 * Insertable streams for MediaStreamTrack: {@link dev.framebridge.sdk.insertable.MediaStreamTrackProcessor} (track to
 * readable of frames), {@link dev.framebridge.sdk.insertable.VideoTrackGenerator} and the legacy
 * {@link dev.framebridge.sdk.insertable.MediaStreamTrackGenerator} (writable of frames to track).
 */
@NullMarked
package dev.framebridge.sdk.insertable;

import org.jspecify.annotations.NullMarked;
