package dev.framebridge.sdk.worker;

/** The kinds of control message; the comment of each names its direction and payload keys. */
public enum ControlMessageType {
  /** host → worker, first: protocol, pluginId, inputHandle, transportDir, settings (map), heartbeatMs, timeoutMs. */
  INIT,
  /** host → worker: settings (map), the full new values. */
  SETTINGS,
  /** host → worker, every heartbeat interval: sentNs. Silence for the timeout makes the worker exit. */
  PING,
  /** host → worker: finish the current frame, close the output and exit 0. */
  STOP,
  /** worker → host, first: protocol, id, version, spiVersion. */
  HELLO,
  /** worker → host once its output track is published: outputHandle. */
  READY,
  /** worker → host, every heartbeat interval: framesIn, framesOut, dropped, p50Us, p99Us, busyNs. */
  HEARTBEAT,
  /** worker → host before it exits on a fault: reason (one line). */
  FAILURE
}
