package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;

/** Where processed audio goes: the system output, a WAV file, a level meter. Called from one thread. */
public interface AudioSink extends AutoCloseable {

  /**
   * Consumes one chunk. The chunk stays the caller's: a sink copies what it needs and never closes it.
   *
   * @throws IllegalStateException if the sink is closed
   */
  void write(AudioData chunk);

  /** Flushes and releases the sink; later writes fail. Never throws. */
  @Override
  void close();
}
