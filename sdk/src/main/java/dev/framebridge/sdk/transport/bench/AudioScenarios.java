package dev.framebridge.sdk.transport.bench;

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator;
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor;
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
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.MediaFrame;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The audio scenario ({@code --scenario audio}): host → identity plugin JVM → host, as roundtrip does for video, with
 * 10 ms chunks of f32-planar mono 48 kHz AudioData (480 frames, 1920 bytes) paced at 100 chunks a second. The
 * plugin writes each chunk's samples into a new chunk in its output slot, as an audio effect does; with
 * {@code --audio-forward true} it passes the chunk on unchanged (published as a reference to the input slot). Audio
 * channels get 64 slots (640 ms), so a reader may stall that long before anything is overwritten. Processors use
 * the audio default of 10 chunks. In the JSON line, width is frames per chunk, height the channel count and
 * fps_target the chunk rate; "dropped" counts chunks that never arrived, and a chunk out of order or repeated would
 * count there too.
 */
final class AudioScenarios {
  static final int RATE = 48_000;
  static final int FRAMES = 480;
  static final int CHUNKS_PER_SECOND = 100;
  static final int CHUNK_US = 10_000;
  static final int SLOTS = 64;

  private AudioScenarios() {}

  static BenchResult roundtrip(BenchOptions o) throws Exception {
    BenchResult r = new BenchResult("audio", FRAMES, 1, CHUNKS_PER_SECOND);
    int warmup = CHUNKS_PER_SECOND; // one second
    long total = warmup + Math.round(o.seconds() * CHUNKS_PER_SECOND);
    long[] startNanos = new long[(int) total + 2];
    long[] outputDropped = new long[1];
    try (SharedMemoryTransport host = SharedMemoryTransport.create(
        TransportOptions.builder().root(o.root()).slotCount(SLOTS).build())) {
      MediaStreamTrackGenerator source = new MediaStreamTrackGenerator("audio");
      TrackPublication in = host.publish(source);
      TrackHandle out = host.createChannel(TrackKind.AUDIO, "audio-identity-out");
      TrackSubscription result = host.subscribe(out);
      try (ChildProcess plugin = new ChildProcess(o.childArgs("audio-identity",
          Map.of("in", in.getHandle().format(), "out", out.format())))) {
        plugin.await("ready", 60);
        long cpu0 = TransportBenchmark.cpuNanos();
        Thread mic = startMicrophone(in, source.getWritable().getWriter(), total, startNanos);
        outputDropped[0] = finalReader(result.getTrack(), startNanos, warmup, r);
        System.err.println("audio plugin: " + plugin.await("stats", 60));
        mic.join();
        long pluginCpu = Long.parseLong(plugin.await("cpu_ns", 60));
        r.cpuMsPerFrame = (TransportBenchmark.cpuNanos() - cpu0 + pluginCpu) / 1e6 / total;
      }
      r.dropped = Math.max(0, total - warmup - r.frames);
      System.err.printf("audio: published %d (dropped %d), received %d (transport dropped %d, of which expired"
          + " references %d), output processor dropped %d%n", in.getFramesPublished(), in.getDroppedFrames(),
          result.getFramesReceived(), result.getDroppedFrames(), result.getExpiredFrames(), outputDropped[0]);
      r.shmBytes = in.getSharedBytes() + result.getSharedBytes();
    }
    return r;
  }

  /** Writes chunks 1..total (timestamp n * 10 ms) of a 1 kHz tone, each straight into a slot, then ends the track. */
  static Thread startMicrophone(TrackPublication in, WritableStreamWriter<MediaFrame> writer, long total,
      long[] startNanos) {
    Thread t = new Thread(() -> {
      FramePacer pacer = new FramePacer(CHUNKS_PER_SECOND);
      double phase = 0;
      try {
        for (long n = 1; n <= total; n++) {
          pacer.awaitNext();
          startNanos[(int) n] = System.nanoTime();
          AudioData chunk = in.getAllocator().allocateAudioData(AudioSampleFormat.F32_PLANAR, 1, FRAMES, RATE,
              n * CHUNK_US);
          FloatBuffer plane = chunk.getPlane(0).asFloatBuffer();
          for (int i = 0; i < FRAMES; i++) {
            plane.put(i, (float) (0.25 * Math.sin(phase)));
            phase += 2 * Math.PI * 1000 / RATE;
          }
          writer.write(chunk).get(10, TimeUnit.SECONDS);
        }
        writer.close().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("audio source stopped", e);
      }
    }, "bench-audio-source");
    t.start();
    return t;
  }

  /** Reads chunks until the track ends; records latency of those after the warm-up, counting only in-order ones. */
  static long finalReader(MediaStreamTrack track, long[] startNanos, int warmup, BenchResult r) throws Exception {
    MediaStreamTrackProcessor<AudioData> processor = new MediaStreamTrackProcessor<>(track);
    ReadableStreamReader<AudioData> reader = processor.getReadable().getReader();
    long counted = 0;
    long previous = 0;
    long first = 0;
    long last = 0;
    while (true) {
      ReadResult<AudioData> result = reader.read().get(30, TimeUnit.SECONDS);
      AudioData chunk = result.getValue();
      if (result.isDone() || chunk == null) {
        break;
      }
      long now = System.nanoTime();
      long n = chunk.getTimestamp() / CHUNK_US;
      chunk.close();
      boolean inOrder = n > previous;
      previous = Math.max(previous, n);
      if (n > warmup && inOrder) {
        if (counted == 0) {
          first = now;
        }
        r.record(now - startNanos[(int) n]);
        counted++;
        last = now;
      }
    }
    r.frames = counted;
    r.fpsAchieved = counted > 1 ? (counted - 1) * 1e9 / (last - first) : 0;
    return processor.getDroppedFrames();
  }

  /** The plugin JVM: open the input, pass every chunk through a processor and a generator, publish. */
  static void identityPlugin(BenchOptions o) throws Exception {
    TrackHandle in = TrackHandle.parse(o.get("in", ""));
    TrackHandle out = TrackHandle.parse(o.get("out", ""));
    try (SharedMemoryTransport worker = SharedMemoryTransport.attach(in)) {
      TrackSubscription subscription = worker.subscribe(in);
      MediaStreamTrack input = subscription.getTrack();
      MediaStreamTrackGenerator generator = new MediaStreamTrackGenerator("audio");
      TrackPublication publication = worker.publish(generator, out);
      MediaStreamTrackProcessor<AudioData> processor = new MediaStreamTrackProcessor<>(input);
      ReadableStreamReader<AudioData> reader = processor.getReadable().getReader();
      WritableStreamWriter<MediaFrame> writer = generator.getWritable().getWriter();
      boolean forward = Boolean.parseBoolean(o.get("audio-forward", "false"));
      System.out.println("@ready=1");
      System.out.flush();
      while (true) {
        ReadResult<AudioData> result = reader.read().get(60, TimeUnit.SECONDS);
        AudioData chunk = result.getValue();
        if (result.isDone() || chunk == null) {
          break;
        }
        if (forward) {
          writer.write(chunk).get(10, TimeUnit.SECONDS);
        } else {
          // What an audio effect does: a new chunk in an output slot, the samples copied (a gain of 1).
          AudioData copy = publication.getAllocator().allocateAudioData(AudioSampleFormat.F32_PLANAR, 1, FRAMES,
              RATE, chunk.getTimestamp());
          copy.getPlane(0).put(0, chunk.getPlane(0), 0, FRAMES * 4);
          chunk.close();
          writer.write(copy).get(10, TimeUnit.SECONDS);
        }
      }
      System.out.printf("@stats=received %d (transport dropped %d), processor dropped %d, published %d (dropped %d)%n",
          subscription.getFramesReceived(), subscription.getDroppedFrames(), processor.getDroppedFrames(),
          publication.getFramesPublished(), publication.getDroppedFrames());
      writer.close().get(10, TimeUnit.SECONDS);
    }
    System.out.println("@cpu_ns=" + TransportBenchmark.cpuNanos());
    System.out.flush();
  }
}
