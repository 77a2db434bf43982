package dev.framebridge.plugins.bench

import static dev.framebridge.sdk.effects.Argb.rgb

import com.google.zxing.BarcodeFormat
import com.google.zxing.qrcode.QRCodeWriter
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.RecyclingFrameAllocator
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.sdk.testkit.TransformHarness
import dev.framebridge.spi.media.MediaFrame
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import groovy.transform.CompileStatic
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.concurrent.locks.LockSupport

/**
 * Frames per second of each example plugin's drop-in JAR on one thread, as one worker runs it: camera-like read-only
 * 1280x720 RGBA inputs (so each effect pays its copy into the output), outputs closed as the sink would, output
 * memory recycled as a worker's shared-memory ring recycles its slots.
 *
 * <p>Two runs per plugin: unpaced (the most it can do) and paced at 30 fps for {@code seconds}, counting a drop
 * whenever a frame is not done before the next one arrives (a worker with a one-frame buffer would lose one).
 *
 * <pre>bench/plugins.sh [seconds]</pre>
 */
@CompileStatic
class PluginFpsBenchmark {
  static final int W = 1280, H = 720

  static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10
    Path dir = args.length > 1 ? Paths.get(args[1]) : locate()
    println "plugin              | settings                 | unpaced fps | p50 ms | p99 ms | max ms | 30 fps for ${seconds}s: frames | drops"
    println "--------------------|--------------------------|-------------|--------|--------|--------|-------------------------|------"
    Map<String, List<Map<String, Object>>> runs = [
        'sepia-mirror': [[:] as Map<String, Object>],
        'grayscale'   : [[:] as Map<String, Object>],
        'blur'        : [[radius: 6, kind: 'box'] as Map<String, Object>, [radius: 16, kind: 'gaussian'] as Map<String, Object>],
        'chroma-key'  : [[:] as Map<String, Object>],
        'barcode'     : [[:] as Map<String, Object>],
        'vignette-kotlin': [[:] as Map<String, Object>],
    ]
    runs.each { String name, List<Map<String, Object>> settingsList ->
      for (Map<String, Object> settings : settingsList) {
        video(dir.resolve("framebridge-plugin-${name}.jar"), name, settings, seconds)
      }
    }
    audio(dir.resolve('framebridge-plugin-audio-gain.jar'), seconds)
  }

  static Path locate() {
    for (Path p = Paths.get('').toAbsolutePath(); p != null; p = p.parent) {
      Path c = p.resolve('plugins-example/target/plugins')
      if (Files.isDirectory(c)) return c
    }
    throw new IllegalStateException('plugins-example/target/plugins not found; run mvn package first')
  }

  static VideoFrame input(String name) {
    int[] px = TestFrames.toArgb(TestFrames.pattern(VideoPixelFormat.RGBA, W, H, 0))
    if (name == 'chroma-key') {
      // A green screen over the left two thirds, the pattern (the "subject") on the right.
      for (int y = 0; y < H; y++) for (int x = 0; x < W * 2 / 3; x++) px[y * W + x] = rgb(0x20E040)
    }
    if (name == 'barcode') {
      def m = new QRCodeWriter().encode('https://framebridge.dev/bench', BarcodeFormat.QR_CODE, 300, 300)
      for (int y = 0; y < m.height; y++) for (int x = 0; x < m.width; x++) {
        px[(200 + y) * W + 600 + x] = m.get(x, y) ? rgb(0) : rgb(0xFFFFFF)
      }
    }
    TestFrames.fromArgb(VideoPixelFormat.RGBA, W, H, px, 0)
  }

  static void video(Path jar, String name, Map<String, Object> settings, int seconds) {
    PluginHarness plugin = PluginHarness.load(jar)
    try {
      VideoFrame source = input(name)
      TransformHarness<VideoFrame> harness = plugin.video(settings, new RecyclingFrameAllocator())
      long[] unpaced = new long[300]
      for (int i = 0; i < 60; i++) step(harness, source, i)                  // warm-up: JIT, scratch arrays
      long start = System.nanoTime()
      for (int i = 0; i < unpaced.length; i++) unpaced[i] = step(harness, source, i)
      double fps = unpaced.length / ((System.nanoTime() - start) / 1e9d)
      int[] paced = paced(seconds, { int i -> step(harness, source, i) } as IntStep)
      long[] sorted = unpaced.clone()
      Arrays.sort(sorted)
      printf('%-19s | %-24s | %11.1f | %6.2f | %6.2f | %6.2f | %23d | %4d%n', name, settings.toString(), fps,
          sorted[(int) (sorted.length * 0.5)] / 1e6d, sorted[(int) (sorted.length * 0.99)] / 1e6d,
          sorted[sorted.length - 1] / 1e6d, paced[0], paced[1])
      source.close()
    } finally {
      plugin.close()
    }
  }

  static void audio(Path jar, int seconds) {
    PluginHarness plugin = PluginHarness.load(jar)
    try {
      // 10 ms chunks of 48 kHz stereo: 100 a second.
      def chunk = TestFrames.tone(440f, 0.5f, 2, 480, 48000f, 0)
      TransformHarness harness = plugin.audio([gainDb: -3.0] as Map<String, Object>)
      for (int i = 0; i < 2000; i++) { harness.push(chunk.clone()); harness.clearOutputs() }
      int n = 20000
      long start = System.nanoTime()
      for (int i = 0; i < n; i++) { harness.push(chunk.clone()); harness.clearOutputs() }
      double rate = n / ((System.nanoTime() - start) / 1e9d)
      printf('%-19s | %-24s | %11.0f | (10 ms chunks of 48 kHz stereo per second; real time needs 100)%n',
          'audio-gain', '[gainDb:-3.0]', rate)
      chunk.close()
    } finally {
      plugin.close()
    }
  }

  interface IntStep { long run(int i) }

  /** Frames offered at 30 fps for {@code seconds}; returns [frames, drops]. Sleeping paces a benchmark, not a test. */
  static int[] paced(int seconds, IntStep step) {
    long interval = 1_000_000_000L.intdiv(30)
    int frames = seconds * 30
    int drops = 0
    long t0 = System.nanoTime()
    for (int i = 0; i < frames; i++) {
      long due = t0 + i * interval
      long wait = due - System.nanoTime()
      if (wait > 0) LockSupport.parkNanos(wait)
      step.run(i)
      if (System.nanoTime() > due + interval) drops++
    }
    [frames, drops] as int[]
  }

  static long step(TransformHarness<VideoFrame> harness, VideoFrame source, int i) {
    long t = System.nanoTime()
    harness.push(source.clone())
    harness.clearOutputs()
    System.nanoTime() - t
  }
}
