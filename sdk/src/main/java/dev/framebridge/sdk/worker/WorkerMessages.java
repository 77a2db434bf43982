package dev.framebridge.sdk.worker;

import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.settings.Settings;
import java.util.LinkedHashMap;

/**
 * The messages a launcher sends a worker (the host's supervisor, the test kit's {@code WorkerHarness}), built in one
 * place so the fields {@link PluginWorkerMain} reads are written the same way everywhere.
 */
public final class WorkerMessages {
  private WorkerMessages() {}

  /**
   * @param inputHandle the track the worker reads ({@link ChannelFrames#handle})
   * @param outputHandle the prepared channel it publishes into
   * @param heartbeatMs how often the worker reports (HEARTBEAT)
   * @param hostTimeoutMs how long the worker waits for a PING before it decides the host is gone and exits
   */
  public static ControlMessage init(String pluginId, TrackKind kind, String inputHandle, String outputHandle,
      Settings settings, long heartbeatMs, long hostTimeoutMs) {
    return ControlMessage.of(ControlMessageType.INIT).with("protocol", ControlCodec.PROTOCOL_VERSION)
        .with("pluginId", pluginId).with("kind", kind.getWebName()).with("inputHandle", inputHandle)
        .with("outputHandle", outputHandle).with("settings", new LinkedHashMap<>(settings.asMap()))
        .with("heartbeatMs", heartbeatMs).with("timeoutMs", hostTimeoutMs);
  }

  /** New settings for the running transform (applied before its next frame). */
  public static ControlMessage settings(Settings settings) {
    return ControlMessage.of(ControlMessageType.SETTINGS).with("settings", new LinkedHashMap<>(settings.asMap()));
  }

  /** The host's liveness signal; a worker that gets none for its timeout exits. */
  public static ControlMessage ping(long sentNs) {
    return ControlMessage.of(ControlMessageType.PING).with("sentNs", sentNs);
  }
}
