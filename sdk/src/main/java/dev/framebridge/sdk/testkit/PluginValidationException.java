package dev.framebridge.sdk.testkit;

/** A plugin JAR or provider the host would refuse; the message names the cause and the file or class. */
public final class PluginValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public PluginValidationException(String source, String message) {
    super(source + ": " + message);
    this.source = source;
  }

  public PluginValidationException(String source, String message, Throwable cause) {
    super(source + ": " + message + " (" + cause + ")", cause);
    this.source = source;
  }

  /** The JAR path or provider class name at fault. */
  public String getSource() {
    return source;
  }
}
