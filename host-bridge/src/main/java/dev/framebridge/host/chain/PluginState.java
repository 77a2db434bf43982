package dev.framebridge.host.chain;

import java.util.Locale;

/** Where a plugin of the chain stands; {@link #getWebName()} is the value of {@code state} in the status API. */
public enum PluginState {
  /** Its worker JVM is starting and has not produced a frame yet; the slot passes frames through. */
  STARTING,
  /** Its worker transforms the frames of the slot. */
  RUNNING,
  /** Disabled by the user, or its JAR was removed: the slot passes frames through untouched. */
  BYPASSED,
  /** Its worker failed; the slot passes frames through while the host restarts it after a backoff. */
  RESTARTING,
  /** Failed too often, or its JAR is bad: not restarted until the JAR changes. */
  QUARANTINED,
  /** Its worker was stopped (chain closed or plugin removed). */
  STOPPED;

  /** The lower-case name used in JSON. */
  public String getWebName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
