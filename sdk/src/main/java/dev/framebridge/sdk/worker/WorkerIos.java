package dev.framebridge.sdk.worker;

/** Opens a worker's input and output from its INIT message. */
final class WorkerIos {
  private WorkerIos() {}

  static WorkerIo open(ControlMessage init) {
    throw new UnsupportedOperationException("TODO(runtime): transport not merged yet");
  }
}
