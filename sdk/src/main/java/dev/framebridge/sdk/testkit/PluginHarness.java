package dev.framebridge.sdk.testkit;

import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.transform.FrameAllocator;
import dev.framebridge.sdk.worker.WorkerLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test kit's entry point: a validated plugin (from a JAR, a provider class or the classpath, through
 * {@link PluginLoader} exactly as the host loads it) and harnesses over its transforms. Closing closes every harness
 * (and their output frames, and worker JVMs) and the JAR's class loader. {@code videoInWorker}/{@code audioInWorker}
 * (or the {@code inWorkerJvm} flag) run the same transform in a separate worker JVM over shared memory, as the host
 * would.
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
  private final List<FrameHarness<?>> harnesses = new ArrayList<>();

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

  /**
   * A video harness in this thread, or, with {@code inWorkerJvm}, in a worker JVM exactly as the host runs it: the
   * flag that lets one test check both.
   */
  public FrameHarness<VideoFrame> video(Map<String, ?> settings, boolean inWorkerJvm) {
    return inWorkerJvm ? videoInWorker(settings) : video(settings);
  }

  /** An audio harness in this thread or, with {@code inWorkerJvm}, in a worker JVM. */
  public FrameHarness<AudioData> audio(Map<String, ?> settings, boolean inWorkerJvm) {
    return inWorkerJvm ? audioInWorker(settings) : audio(settings);
  }

  /** The plugin's video transform in its own worker JVM (the host's default launcher: 256 MB heap). */
  public WorkerHarness<VideoFrame> videoInWorker(Map<String, ?> settings) {
    return videoInWorker(settings, WorkerLauncher.builder().build());
  }

  /** The plugin's video transform in a worker JVM started by {@code launcher}. */
  public WorkerHarness<VideoFrame> videoInWorker(Map<String, ?> settings, WorkerLauncher launcher) {
    requireKind(TrackKind.VIDEO);
    return track(inWorker(TrackKind.VIDEO, settings, launcher));
  }

  /** The plugin's audio transform in its own worker JVM. */
  public WorkerHarness<AudioData> audioInWorker(Map<String, ?> settings) {
    return audioInWorker(settings, WorkerLauncher.builder().build());
  }

  /** The plugin's audio transform in a worker JVM started by {@code launcher}. */
  public WorkerHarness<AudioData> audioInWorker(Map<String, ?> settings, WorkerLauncher launcher) {
    requireKind(TrackKind.AUDIO);
    return track(inWorker(TrackKind.AUDIO, settings, launcher));
  }

  private <F extends dev.framebridge.spi.media.MediaFrame> WorkerHarness<F> inWorker(TrackKind kind,
      Map<String, ?> settings, WorkerLauncher launcher) {
    Path jar = loaded.getJar();
    return WorkerHarness.start(kind, jar == null ? List.of() : List.of(jar), getPlugin().getId(), settings(settings),
        launcher, Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    for (FrameHarness<?> h : harnesses) {
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

  private <F extends dev.framebridge.spi.media.MediaFrame, H extends FrameHarness<F>> H track(H h) {
    harnesses.add(h);
    return h;
  }
}
