package dev.framebridge.testing

import dev.framebridge.host.chain.ChainOptions
import dev.framebridge.host.chain.PluginChain
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat

import java.nio.ByteBuffer
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.ConcurrentLinkedDeque
import java.util.concurrent.Executors
import java.util.concurrent.ScheduledExecutorService
import java.util.concurrent.TimeUnit

/**
 * A plugin chain on real files, real worker JVMs and real shared memory, fed by a synthetic 30 fps camera (64x48
 * RGBA unless given, byte 0 = 0) and recording every output frame's stamp (byte 0), level (byte 1), arrival time (ns) and
 * timestamp (us).
 */
class ChainHarness implements AutoCloseable {
  static final int W = 64
  static final int H = 48

  final Path root
  final Path plugins
  final int width
  final int height
  PluginChain chain
  final ConcurrentLinkedDeque<long[]> received = new ConcurrentLinkedDeque<>()
  private ScheduledExecutorService camera
  private long frameNo

  ChainHarness(Path root, int width = W, int height = H) {
    this.root = root
    this.width = width
    this.height = height
    this.plugins = Files.createDirectories(root.resolve('plugins'))
  }

  ChainOptions.Builder options() {
    ChainOptions.builder(plugins).settleTime(Duration.ofMillis(100)).rescanInterval(Duration.ofMillis(200))
        .backoffInitial(Duration.ofMillis(100)).backoffMax(Duration.ofMillis(400)).maxFailures(3)
        .workerHeapMb(64)
  }

  ChainHarness start(ChainOptions options = options().build()) {
    chain = PluginChain.create(options) { VideoFrame f ->
      try {
        ByteBuffer p = f.getPlane(0)
        received.add([p.get(0) & 0xFF, p.get(1) & 0xFF, System.nanoTime(), f.timestamp] as long[])
      } finally {
        f.close()
      }
    }
    camera = Executors.newSingleThreadScheduledExecutor { r -> def t = new Thread(r, 'test-camera'); t.daemon = true; t }
    camera.scheduleAtFixedRate({ feed() }, 0, 33_333, TimeUnit.MICROSECONDS)
    this
  }

  private void feed() {
    try {
      ByteBuffer data = ByteBuffer.allocate(width * height * 4)
      chain?.accept(MediaFrames.createVideoFrame(data, VideoFrameInit.of(VideoPixelFormat.RGBA, width, height,
          (frameNo++) * 33_333L)))
    } catch (Throwable t) {
      t.printStackTrace()
    }
  }

  /** The stamp (byte 0) of the newest output frame, or -1. */
  int lastStamp() {
    def last = received.peekLast()
    last == null ? -1 : (int) last[0]
  }

  int lastLevel() {
    def last = received.peekLast()
    last == null ? -1 : (int) last[1]
  }

  /** Output frames that arrived after {@code sinceNs}. */
  List<long[]> since(long sinceNs) {
    received.findAll { it[2] > sinceNs }
  }

  /** The largest gap between consecutive output frames in a list, ms. */
  static double maxGapMs(List<long[]> frames) {
    double max = 0
    for (int i = 1; i < frames.size(); i++) {
      max = Math.max(max, (frames[i][2] - frames[i - 1][2]) / 1e6d)
    }
    max
  }

  /** "index:gapMs:stamp" for every gap over {@code ms} (diagnostics in assertion output). */
  static List<String> gapsOver(List<long[]> frames, double ms) {
    def out = []
    for (int i = 1; i < frames.size(); i++) {
      double g = (frames[i][2] - frames[i - 1][2]) / 1e6d
      if (g > ms) {
        out << "${i}:${String.format('%.1f', g)}:${frames[i][0]}"
      }
    }
    out
  }

  /** Pids of the worker JVMs serving the chain now. */
  List<Long> workerPids() {
    chain.status.plugins*.pid.findAll { it > 0 }
  }

  @Override
  String toString() {
    "ChainHarness(${received.size()} frames received, last stamp ${lastStamp()}, status ${chain?.status?.plugins})"
  }

  @Override
  void close() {
    camera?.shutdownNow()
    chain?.close()
    chain = null
  }
}
