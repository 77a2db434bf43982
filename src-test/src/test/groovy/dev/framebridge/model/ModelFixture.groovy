package dev.framebridge.model

import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.sdk.stream.ReadResult
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.spi.media.MediaFrame
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.ByteBuffer
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import spock.lang.Specification

/** Frames as CONFORMANCE.md describes them, and helpers that wait on futures with a deadline (never sleep). */
abstract class ModelFixture extends Specification {
  static final long TIMEOUT_S = 5

  /** Frames and tracks to close/stop after each feature, even when it fails. */
  List<MediaFrame> frames = Collections.synchronizedList([])
  List<MediaStreamTrack> tracks = []

  def cleanup() {
    frames*.close()
    tracks*.stop()
  }

  /** frame(ts=N): a 320x240 RGBA frame filled with rgba(50,100,150,255). */
  VideoFrame frame(long ts, int w = 320, int h = 240) {
    ByteBuffer data = ByteBuffer.wrap(rgbaFill(w * h))
    keep(MediaFrames.createVideoFrame(data,
        VideoFrameInit.builder().format(VideoPixelFormat.RGBA).codedWidth(w).codedHeight(h).timestamp(ts).build()))
  }

  private static final Map<Integer, byte[]> FILLS = new java.util.concurrent.ConcurrentHashMap<>()

  private static byte[] rgbaFill(int pixels) {
    FILLS.computeIfAbsent(pixels) { int n ->
      byte[] b = new byte[n * 4]
      byte[] px = [50, 100, 150, (byte) 255] as byte[]
      System.arraycopy(px, 0, b, 0, 4)
      for (int filled = 4; filled < b.length; filled *= 2) {
        System.arraycopy(b, 0, b, filled, Math.min(filled, b.length - filled))
      }
      b
    }
  }

  /** An I420 frame with constant Y=81, U=90, V=240. */
  VideoFrame i420(long ts, int w, int h) {
    int ySize = w * h
    int cSize = ((w + 1).intdiv(2)) * ((h + 1).intdiv(2))
    ByteBuffer data = ByteBuffer.allocate(ySize + 2 * cSize)
    ySize.times { data.put((byte) 81) }
    cSize.times { data.put((byte) 90) }
    cSize.times { data.put((byte) 240) }
    data.flip()
    keep(MediaFrames.createVideoFrame(data,
        VideoFrameInit.builder().format(VideoPixelFormat.I420).codedWidth(w).codedHeight(h).timestamp(ts).build()))
  }

  /** f32, 1 channel, 30000 Hz, 3000 frames. */
  AudioData audio(long ts) {
    keep(MediaFrames.createAudioData(AudioDataInit.builder().format(AudioSampleFormat.F32).numberOfChannels(1)
        .sampleRate(30000f).numberOfFrames(3000).timestamp(ts).data(new float[3000]).build()))
  }

  def <T extends MediaFrame> T keep(T frame) {
    frames << frame
    frame
  }

  def <T extends MediaStreamTrack> T track(T t) {
    tracks << t
    t
  }

  static <T> T await(CompletableFuture<T> f) {
    f.get(TIMEOUT_S, TimeUnit.SECONDS)
  }

  /** The cause a future failed with (unwrapped), or an AssertionError if it completed normally. */
  static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(TIMEOUT_S, TimeUnit.SECONDS)
    } catch (ExecutionException e) {
      return e.cause
    }
    throw new AssertionError("expected the future to fail, it completed normally")
  }

  /** Reads one value (kept for cleanup) and returns it. */
  def <F extends MediaFrame> F readValue(CompletableFuture<ReadResult<F>> read) {
    ReadResult<F> r = await(read)
    assert !r.done
    keep(r.value)
  }

  static <F extends MediaFrame> MediaStreamTrackProcessor<F> processor(MediaStreamTrack t, int size = 0) {
    new MediaStreamTrackProcessor<F>(t, size)
  }
}
