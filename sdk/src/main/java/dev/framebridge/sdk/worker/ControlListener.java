package dev.framebridge.sdk.worker;

/** Receives the control messages a worker sends, on the worker's reader thread, in order. */
@FunctionalInterface
public interface ControlListener {
  void onMessage(ControlMessage message);
}
