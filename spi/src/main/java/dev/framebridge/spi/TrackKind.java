package dev.framebridge.spi;

/** The kind of a media track, as the specification names it ("video" or "audio"). */
public enum TrackKind {
  VIDEO("video"),
  AUDIO("audio");

  private final String webName;

  TrackKind(String webName) {
    this.webName = webName;
  }

  /** The specification's name: {@code "video"} or {@code "audio"}. */
  public String getWebName() {
    return webName;
  }

  /**
   * Parses the specification's name.
   *
   * @throws IllegalArgumentException for any other value, as the browser throws TypeError
   */
  public static TrackKind fromWebName(String name) {
    for (TrackKind kind : values()) {
      if (kind.webName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown track kind '" + name + "' (expected \"video\" or \"audio\")");
  }
}
