package dev.framebridge.sdk.track;

/** Called for a track event ({@code ended}, {@code mute}, {@code unmute}) with the track it happened to. */
@FunctionalInterface
public interface MediaStreamTrackListener {
  void onEvent(MediaStreamTrack track);
}
