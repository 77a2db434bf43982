// Allocation and throughput of the in-JVM object model: generator -> processor -> FrameTransform -> generator ->
// processor -> consumer, with 64x64 RGBA frames written as fast as possible. Run with bench/model-alloc.sh.
import dev.framebridge.sdk.insertable.*;
import dev.framebridge.sdk.media.*;
import dev.framebridge.sdk.stream.*;
import dev.framebridge.spi.media.*;
import dev.framebridge.spi.transform.*;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

public class ModelAlloc {
  static com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  static long allocated() {
    long[] ids = mx.getAllThreadIds();
    long sum = 0;
    for (long b : mx.getThreadAllocatedBytes(ids)) if (b > 0) sum += b;
    return sum;
  }
  static VideoFrame frame(long ts, ByteBuffer px) {
    return MediaFrames.createVideoFrame(px, VideoFrameInit.builder().format(VideoPixelFormat.RGBA).codedWidth(64).codedHeight(64).timestamp(ts).build());
  }
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    ByteBuffer px = ByteBuffer.allocateDirect(64 * 64 * 4);
    // baseline: create and close frames only
    double baseline = 0;
    for (int r = 0; r < 2; r++) { long t0 = allocated(); for (int i = 0; i < n; i++) frame(i, px).close(); baseline = (allocated() - t0) / (double) n; }
    System.out.printf("baseline (create + close a frame, media's cost): %.0f B/frame%n", baseline);
    for (int round = 0; round < 3; round++) {
      VideoTrackGenerator in = new VideoTrackGenerator();
      VideoTrackGenerator out = new VideoTrackGenerator();
      MediaStreamTrackProcessor<VideoFrame> p = new MediaStreamTrackProcessor<>(in.getTrack(), 1);
      MediaStreamTrackProcessor<VideoFrame> q = new MediaStreamTrackProcessor<>(out.getTrack(), 1);
      FrameTransformStream<VideoFrame> t = TransformStream.fromFrameTransform((f, c) -> c.enqueue(f), MediaFrames.heapAllocator());
      AtomicLong got = new AtomicLong();
      var chain = p.getReadable().pipeThrough(t).pipeTo(out.getWritable());
      var sink = q.getReadable().pipeTo(new WritableStream<VideoFrame>((f, c) -> { got.incrementAndGet(); f.close(); return UnderlyingSink.DONE; }));
      WritableStreamWriter<VideoFrame> w = in.getWritable().getWriter();
      long a0 = allocated(); long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) w.write(frame(i, px));
      w.close().get(); chain.get(); sink.get();
      long ns = System.nanoTime() - t0; long bytes = allocated() - a0;
      double overhead = bytes - baseline * n; // everything the model allocated beyond creating the frames
      System.out.printf("round %d: %d written, %d through the chain (%d dropped at the first processor), %.0f written/s;"
          + " model overhead %.0f B per written frame, %.0f B per frame through the chain%n",
          round, n, got.get(), p.getDroppedFrames(), n / (ns / 1e9), overhead / n, overhead / Math.max(1, got.get()));
    }
    System.out.println("open frames " + MediaFrames.getOpenFrameCount() + ", live buffers " + MediaFrames.getLiveBufferCount());
  }
}
