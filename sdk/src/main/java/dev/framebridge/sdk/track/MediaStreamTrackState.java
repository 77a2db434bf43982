package dev.framebridge.sdk.track;

/** A track's readyState; {@link #toString()} gives the specification's name. */
public enum MediaStreamTrackState {
  LIVE("live"),
  ENDED("ended");

  private final String webName;

  MediaStreamTrackState(String webName) {
    this.webName = webName;
  }

  /** {@code "live"} or {@code "ended"}. */
  @Override
  public String toString() {
    return webName;
  }
}
