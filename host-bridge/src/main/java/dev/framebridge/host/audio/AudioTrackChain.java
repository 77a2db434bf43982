package dev.framebridge.host.audio;

import dev.framebridge.sdk.track.MediaStreamTrack;

/**
 * The audio plugin chain as {@link AudioPipeline} sees it: given the captured audio track, returns the processed
 * track. With the runtime's chain of audio plugins (each in a supervised worker JVM): {@code input -> (chain =
 * PluginChain.start(input, ChainOptions.builder(plugins).trackKind(TrackKind.AUDIO).build())).getOutput()} (the host
 * keeps and closes the chain; see FramebridgeHost.startAudio). {@link #PASS_THROUGH} returns the input itself.
 */
@FunctionalInterface
public interface AudioTrackChain {
  AudioTrackChain PASS_THROUGH = input -> input;

  /** Connects the chain to {@code input} and returns its output track (kind "audio"). */
  MediaStreamTrack connect(MediaStreamTrack input);
}
