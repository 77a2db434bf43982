package dev.framebridge.host.plugin;

import java.nio.file.Path;

/** A plugin JAR that cannot be used; the message is one line naming the file and the cause. */
public final class PluginJarException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String cause;

  public PluginJarException(Path file, String cause) {
    super(file.getFileName() + ": " + cause);
    this.file = file;
    this.cause = cause;
  }

  public Path getFile() {
    return file;
  }

  /** The cause alone, without the file name. */
  public String getReason() {
    return cause;
  }
}
