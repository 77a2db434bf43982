package dev.framebridge.host.supervisor;

/** Told, once per worker, that it failed; {@code reason} is one line naming the cause. */
@FunctionalInterface
public interface WorkerFailureListener {
  void onFailure(PluginWorker worker, String reason);
}
