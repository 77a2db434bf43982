package dev.framebridge.host;

import dev.framebridge.host.sink.PreviewWindow;

/** Where the host shows its output. */
public enum PreviewMode {
  /** A Swing window (needs a display). */
  WINDOW,
  /** The web preview on 127.0.0.1. */
  WEB,
  /** No preview: snapshots and the stats line only. */
  NONE;

  /** A window when a display exists, else the web preview. */
  public static PreviewMode getDefault() {
    return PreviewWindow.isDisplayAvailable() ? WINDOW : WEB;
  }
}
