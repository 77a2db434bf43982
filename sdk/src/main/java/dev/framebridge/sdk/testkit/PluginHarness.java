package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test kit's entry point: a validated plugin (from a JAR, a provider class or the classpath, through
 * {@link PluginLoader} exactly as the host loads it) and harnesses over its transforms. Closing closes every harness
 * (and their output frames) and the JAR's class loader.
 *
 * <pre>{@code
 * try (PluginHarness plugin = PluginHarness.load(Path.of("target/my-effect.jar"));
 *      VideoFrame input = TestFrames.solid(VideoPixelFormat.RGBA, 64, 48, 0xFF336699, 0)) {
 *   VideoFrame out = plugin.video(Map.of("strength", 0.5)).process(input.clone());
 *   FrameAssertions.assertPixel(out, 10, 10, 0xFF2A5078, 1);
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {
  private final LoadedPlugin loaded;
  private final List<TransformHarness<?>> harnesses = new ArrayList<>();

  private PluginHarness(LoadedPlugin loaded) {
    this.loaded = loaded;
  }

  /** Loads and validates a plugin JAR. */
  public static PluginHarness load(Path jar) {
    return new PluginHarness(PluginLoader.load(jar));
  }

  /** Instantiates and validates a provider class. */
  public static PluginHarness of(Class<? extends FramebridgePlugin> providerClass) {
    return new PluginHarness(PluginLoader.load(providerClass));
  }

  /** The provider registered on the test classpath under {@code id}. */
  public static PluginHarness fromClasspath(String id) {
    return new PluginHarness(PluginLoader.loadFromClasspath(id, Thread.currentThread().getContextClassLoader()));
  }

  public FramebridgePlugin getPlugin() {
    return loaded.getPlugin();
  }

  public LoadedPlugin getLoaded() {
    return loaded;
  }

  /** The plugin's defaults overridden by {@code raw}, validated by its schema as the host would. */
  public Settings settings(Map<String, ?> raw) {
    return getPlugin().getSettingsSchema().resolve(raw);
  }

  /** A harness over a new video transform with default settings. */
  public TransformHarness<VideoFrame> video() {
    return video(Map.of());
  }

  /** A harness over a new video transform with these settings (defaults for the rest). */
  public TransformHarness<VideoFrame> video(Map<String, ?> settings) {
    return video(settings, MediaFrames.heapAllocator());
  }

  /** A video harness whose transform allocates from {@code allocator} (e.g. a {@link RecyclingFrameAllocator}). */
  public TransformHarness<VideoFrame> video(Map<String, ?> settings, FrameAllocator allocator) {
    requireKind(TrackKind.VIDEO);
    return track(TransformHarness.of(getPlugin().createVideoTransform(settings(settings)), allocator));
  }

  /** A harness over a new audio transform with default settings. */
  public TransformHarness<AudioData> audio() {
    return audio(Map.of());
  }

  /** A harness over a new audio transform with these settings. */
  public TransformHarness<AudioData> audio(Map<String, ?> settings) {
    return audio(settings, MediaFrames.heapAllocator());
  }

  /** An audio harness whose transform allocates from {@code allocator}. */
  public TransformHarness<AudioData> audio(Map<String, ?> settings, FrameAllocator allocator) {
    requireKind(TrackKind.AUDIO);
    return track(TransformHarness.of(getPlugin().createAudioTransform(settings(settings)), allocator));
  }

  @Override
  public void close() {
    for (TransformHarness<?> h : harnesses) {
      h.close();
    }
    loaded.close();
  }

  private void requireKind(TrackKind kind) {
    if (!getPlugin().getTrackKinds().contains(kind)) {
      throw new IllegalArgumentException(
          "plugin '" + getPlugin().getId() + "' does not declare " + kind.getWebName() + " tracks");
    }
  }

  private <F extends dev.framebridge.spi.media.MediaFrame> TransformHarness<F> track(TransformHarness<F> h) {
    harnesses.add(h);
    return h;
  }
}
