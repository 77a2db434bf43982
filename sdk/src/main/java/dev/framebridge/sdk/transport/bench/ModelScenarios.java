package dev.framebridge.sdk.transport.bench;

import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor;
import dev.framebridge.sdk.insertable.VideoTrackGenerator;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.sdk.stream.ReadResult;
import dev.framebridge.sdk.stream.ReadableStreamReader;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.transport.SharedMemoryTransport;
import dev.framebridge.sdk.transport.TrackHandle;
import dev.framebridge.sdk.transport.TrackPublication;
import dev.framebridge.sdk.transport.TrackSubscription;
import dev.framebridge.sdk.transport.TransportOptions;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import dev.framebridge.spi.transform.FrameAllocator;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios over the object model: processor → identity → generator in one JVM (inprocess), and host → identity
 * plugin JVM → host (roundtrip). The source writes each frame once (into a shared-memory slot when it has one),
 * remembering when it started; the final reader looks that up by timestamp.
 */
final class ModelScenarios {
  private ModelScenarios() {}

  /** The source: copies a prepared picture into a frame from {@code allocator} (a slot, for a publication). */
  static final class Camera {
    final int width;
    final int height;
    final int size;
    final ByteBuffer picture;
    final long[] startNanos;

    Camera(int width, int height, long frames) {
      this.width = width;
      this.height = height;
      this.size = VideoPixelFormat.RGBA.frameBytes(width, height);
      this.picture = ByteBuffer.allocateDirect(size);
      for (int i = 0; i < size; i += 64) {
        picture.put(i, (byte) i);
      }
      this.startNanos = new long[(int) frames + 2];
    }

    VideoFrame frame(long n, FrameAllocator allocator) {
      startNanos[(int) n] = System.nanoTime();
      VideoFrame f = allocator.allocateVideoFrame(VideoPixelFormat.RGBA, width, height, n);
      f.getPlane(0).put(0, picture, 0, size);
      return f;
    }
  }

  /** Writes frames 1..total into {@code writer}, paced, then closes it. */
  static Thread startCamera(Camera camera, BenchOptions o, long total, FrameAllocator allocator,
      WritableStreamWriter<VideoFrame> writer) {
    Thread t = new Thread(() -> {
      FramePacer pacer = new FramePacer(o.fps());
      try {
        for (long n = 1; n <= total; n++) {
          pacer.awaitNext();
          writer.write(camera.frame(n, allocator)).get(10, TimeUnit.SECONDS);
        }
        writer.close().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("camera stopped", e);
      }
    }, "bench-camera");
    t.start();
    return t;
  }

  /** Reads frames until the track ends, recording latency of those after the warm-up. */
  static long finalReader(MediaStreamTrack track, Camera camera, BenchOptions o, BenchResult r) throws Exception {
    MediaStreamTrackProcessor<VideoFrame> processor = new MediaStreamTrackProcessor<>(track);
    ReadableStreamReader<VideoFrame> reader = processor.getReadable().getReader();
    long counted = 0;
    long first = 0;
    long last = 0;
    while (true) {
      ReadResult<VideoFrame> result = reader.read().get(30, TimeUnit.SECONDS);
      if (result.isDone()) {
        break;
      }
      VideoFrame f = result.getValue();
      long now = System.nanoTime();
      long n = f.getTimestamp();
      f.close();
      if (n > o.warmup()) {
        if (counted == 0) {
          first = now;
        }
        r.record(now - camera.startNanos[(int) n]);
        counted++;
        last = now;
      }
    }
    r.frames = counted;
    r.fpsAchieved = counted > 1 ? (counted - 1) * 1e9 / (last - first) : 0;
    System.err.println("# " + r.scenario + ": final processor dropped " + processor.getDroppedFrames());
    return counted;
  }

  static long total(BenchOptions o) {
    long frames = o.frames() < 0 ? Math.round(o.seconds() * 1000) : o.frames();
    return frames + o.warmup();
  }

  static BenchResult inprocess(BenchOptions o) throws Exception {
    BenchResult r = new BenchResult("inprocess", o.width(), o.height(), o.fps());
    long total = total(o);
    Camera camera = new Camera(o.width(), o.height(), total);
    VideoTrackGenerator source = new VideoTrackGenerator("camera");
    VideoTrackGenerator output = new VideoTrackGenerator("identity");
    MediaStreamTrackProcessor<VideoFrame> processor = new MediaStreamTrackProcessor<>(source.getTrack());
    Thread identity = identity(processor.getReadable().getReader(), output.getWritable().getWriter());
    long cpu0 = TransportBenchmark.cpuNanos();
    MediaStreamTrack finalTrack = output.getTrack();
    Thread cam = startCamera(camera, o, total, new PooledAllocator(), source.getWritable().getWriter());
    finalReader(finalTrack, camera, o, r);
    cam.join();
    identity.join();
    r.dropped = Math.max(0, total - o.warmup() - r.frames);
    r.cpuMsPerFrame = (TransportBenchmark.cpuNanos() - cpu0) / 1e6 / total;
    return r;
  }

  /** Reads frames and writes them unchanged to the generator; closes it when the input ends. */
  static Thread identity(ReadableStreamReader<VideoFrame> in, WritableStreamWriter<VideoFrame> out) {
    Thread t = new Thread(() -> {
      try {
        while (true) {
          ReadResult<VideoFrame> result = in.read().get(60, TimeUnit.SECONDS);
          if (result.isDone()) {
            break;
          }
          out.write(result.getValue()).get(10, TimeUnit.SECONDS);
        }
        out.close().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("identity stopped", e);
      }
    }, "bench-identity");
    t.start();
    return t;
  }

  static BenchResult roundtrip(BenchOptions o) throws Exception {
    BenchResult r = new BenchResult("roundtrip", o.width(), o.height(), o.fps());
    long total = total(o);
    Camera camera = new Camera(o.width(), o.height(), total);
    try (SharedMemoryTransport host = SharedMemoryTransport.create(
        TransportOptions.builder().root(o.root()).build())) {
      VideoTrackGenerator source = new VideoTrackGenerator("camera");
      TrackPublication in = host.publish(source.getTrack());
      TrackHandle out = host.createChannel(TrackKind.VIDEO, "identity-out");
      TrackSubscription result = host.subscribe(out);
      in.getAllocator().allocateVideoFrame(VideoPixelFormat.RGBA, o.width(), o.height(), 0).close(); // pre-touch
      try (ChildProcess plugin = new ChildProcess(o.childArgs("identity",
          Map.of("in", in.getHandle().format(), "out", out.format())))) {
        plugin.await("ready", 60);
        long cpu0 = TransportBenchmark.cpuNanos();
        Thread cam = startCamera(camera, o, total, in.getAllocator(), source.getWritable().getWriter());
        finalReader(result.getTrack(), camera, o, r);
        cam.join();
        long pluginCpu = Long.parseLong(plugin.await("cpu_ns", 60));
        System.err.println("# roundtrip: host channel dropped " + result.getDroppedFrames() + " (expired "
            + result.getExpiredFrames() + ", unusable " + result.getUnusableFrames() + "), plugin "
            + plugin.await("drops", 5));
        r.cpuMsPerFrame = (TransportBenchmark.cpuNanos() - cpu0 + pluginCpu) / 1e6 / total;
      }
      r.dropped = Math.max(0, total - o.warmup() - r.frames);
      r.shmBytes = in.getSharedBytes() + result.getSharedBytes();
    }
    return r;
  }

  /** The plugin JVM of roundtrip: open the input, identity through a processor and a generator, publish. */
  static void identityPlugin(BenchOptions o) throws Exception {
    TrackHandle in = TrackHandle.parse(o.get("in", ""));
    TrackHandle out = TrackHandle.parse(o.get("out", ""));
    try (SharedMemoryTransport worker = SharedMemoryTransport.attach(in)) {
      VideoTrackGenerator generator = new VideoTrackGenerator("identity");
      TrackPublication publication = worker.publish(generator.getTrack(), out);
      TrackSubscription subscription = worker.subscribe(in);
      MediaStreamTrackProcessor<VideoFrame> processor = new MediaStreamTrackProcessor<>(subscription.getTrack());
      Thread t = identity(processor.getReadable().getReader(), generator.getWritable().getWriter());
      System.out.println("@ready=1");
      System.out.flush();
      t.join();
      System.out.println("@drops=processor " + processor.getDroppedFrames() + ", channel "
          + subscription.getDroppedFrames() + ", forwarded " + publication.getFramesForwarded() + "/"
          + publication.getFramesPublished());
    }
    System.out.println("@cpu_ns=" + TransportBenchmark.cpuNanos());
    System.out.flush();
  }
}
