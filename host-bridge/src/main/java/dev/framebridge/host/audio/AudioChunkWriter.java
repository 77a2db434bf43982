package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@link AudioCapture} writes its chunks: the writer of a MediaStreamTrackGenerator of kind "audio"
 * ({@code generator.getWritable().getWriter()::write}). The returned future completes when the chunk was taken (the
 * generator then closes it) and fails when the writable is closed or errored (the chunk may be left open).
 */
@FunctionalInterface
public interface AudioChunkWriter {
  CompletableFuture<?> write(AudioData chunk);
}
