package dev.framebridge.host.camera;

import dev.framebridge.sdk.insertable.VideoTrackGenerator;
import dev.framebridge.sdk.media.FrameBuffer;
import dev.framebridge.sdk.media.MediaFrames;
import dev.framebridge.sdk.media.VideoFrameInit;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the camera as a track: a {@link VideoTrackGenerator} whose writable receives one RGBA VideoFrame per
 * captured frame (timestamps in microseconds on the shared {@link CaptureClock}). Frame memory comes from a small pool
 * of direct buffers returned when the last frame viewing one closes, so steady capture allocates no pixel memory.
 * Losing the device mutes the generator (and so the track); frames resume unmuted.
 */
public final class CameraTrack implements CameraOutput, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CameraTrack.class);
  private static final int POOL_LIMIT = 8;

  private final VideoTrackGenerator generator;
  private final WritableStreamWriter<VideoFrame> writer;
  private final ConcurrentLinkedQueue<ByteBuffer> pool = new ConcurrentLinkedQueue<>();
  private final AtomicLong framesWritten = new AtomicLong();
  private final AtomicLong buffersAllocated = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean warnedWrite;

  public CameraTrack(String label) {
    this.generator = new VideoTrackGenerator(label);
    this.writer = generator.getWritable().getWriter();
  }

  /** The camera track (feed it to the plugin chain, or clone it for other consumers). */
  public MediaStreamTrack getTrack() {
    return generator.getTrack();
  }

  public boolean isMuted() {
    return generator.isMuted();
  }

  public long getFramesWritten() {
    return framesWritten.get();
  }

  /** Pixel buffers allocated so far (stays at the pool's working size in steady state). */
  public long getBuffersAllocated() {
    return buffersAllocated.get();
  }

  @Override
  public void onFrame(ByteBuffer rgba, int width, int height, long timestampMicros) {
    if (closed) {
      return;
    }
    int bytes = width * height * 4;
    ByteBuffer memory = take(bytes);
    memory.put(0, rgba, 0, bytes);
    FrameBuffer buffer = FrameBuffer.wrap(memory, () -> give(memory));
    VideoFrame frame = MediaFrames.wrapVideoFrame(buffer,
        VideoFrameInit.of(VideoPixelFormat.RGBA, width, height, timestampMicros));
    writer.write(frame).whenComplete((ok, error) -> {
      if (error != null && !closed && !warnedWrite) {
        warnedWrite = true;
        LOG.warn("camera track refused a frame: {}", error.toString());
      }
    });
    framesWritten.incrementAndGet();
  }

  private ByteBuffer take(int bytes) {
    ByteBuffer b;
    while ((b = pool.poll()) != null) {
      if (b.capacity() == bytes) {
        return b.clear();
      }
    }
    buffersAllocated.incrementAndGet();
    return ByteBuffer.allocateDirect(bytes);
  }

  private void give(ByteBuffer memory) {
    if (!closed && pool.size() < POOL_LIMIT) {
      pool.offer(memory);
    }
  }

  @Override
  public void onMuted(boolean muted) {
    generator.setMuted(muted);
  }

  /** Closes the writable, which ends the track. */
  @Override
  public void close() {
    closed = true;
    writer.close().exceptionally(e -> null);
    pool.clear();
  }
}
