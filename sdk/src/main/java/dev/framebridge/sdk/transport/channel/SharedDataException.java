package dev.framebridge.sdk.transport.channel;

import java.nio.file.Path;

/**
 * Shared-memory data that breaks its layout: a wrong magic or version, a size or offset outside the ring. Names the
 * file and the cause; a subscriber rejects the frame or channel and goes on, it never crashes on it.
 */
public final class SharedDataException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public SharedDataException(Path file, String cause) {
    super("bad shared-memory data in " + file + ": " + cause);
    this.file = file;
  }

  /** The file holding the bad data. */
  public Path getFile() {
    return file;
  }
}
