package dev.framebridge.host.chain;

import java.util.List;

/** A snapshot of the whole chain: its output counters and every plugin, chain order first, then rejected JARs. */
public final class ChainStatus {
  private final long outputFrames;
  private final double outputFps;
  private final double maxGapMs;
  private final List<PluginStatus> plugins;

  public ChainStatus(long outputFrames, double outputFps, double maxGapMs, List<PluginStatus> plugins) {
    this.outputFrames = outputFrames;
    this.outputFps = outputFps;
    this.maxGapMs = maxGapMs;
    this.plugins = List.copyOf(plugins);
  }

  /** Frames written to the chain's output track since start. */
  public long getOutputFrames() {
    return outputFrames;
  }

  /** Output frames per second over the last second. */
  public double getOutputFps() {
    return outputFps;
  }

  /** The largest gap between two consecutive output frames since start (or the last {@code resetMaxGap}), ms. */
  public double getMaxGapMs() {
    return maxGapMs;
  }

  public List<PluginStatus> getPlugins() {
    return plugins;
  }

  /** The plugin with this id, or throws IllegalArgumentException. */
  public PluginStatus getPlugin(String id) {
    for (PluginStatus p : plugins) {
      if (p.getId().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no plugin '" + id + "'");
  }
}
