package dev.framebridge.host.chain;

import dev.framebridge.spi.media.MediaFrame;
import java.util.concurrent.TimeUnit;

/**
 * The chain's last hop: serialises frames from whichever slot or worker delivers them into the output sink, and
 * measures the output — frames, fps over the last second, and the largest gap between frames over the last 10 s.
 */
final class OutputMeter implements MediaSink {
  private static final int WINDOW_SECONDS = 10;

  private final MediaSink sink;
  private long frames;
  private long lastNs;
  private final long[] gapMaxNs = new long[WINDOW_SECONDS];
  private final long[] gapSecond = new long[WINDOW_SECONDS];
  private long fpsWindowStartNs;
  private long fpsWindowFrames;
  private double fps;

  OutputMeter(MediaSink sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void accept(MediaFrame frame) {
    long now = System.nanoTime();
    if (lastNs != 0) {
      long gap = now - lastNs;
      long second = TimeUnit.NANOSECONDS.toSeconds(now);
      int i = (int) (second % WINDOW_SECONDS);
      if (gapSecond[i] != second) {
        gapSecond[i] = second;
        gapMaxNs[i] = 0;
      }
      gapMaxNs[i] = Math.max(gapMaxNs[i], gap);
    }
    lastNs = now;
    frames++;
    if (fpsWindowStartNs == 0) {
      fpsWindowStartNs = now;
    } else if (now - fpsWindowStartNs >= TimeUnit.SECONDS.toNanos(1)) {
      fps = (frames - fpsWindowFrames) * 1e9 / (now - fpsWindowStartNs);
      fpsWindowStartNs = now;
      fpsWindowFrames = frames;
    }
    sink.accept(frame);
  }

  synchronized long getFrames() {
    return frames;
  }

  synchronized double getFps() {
    return lastNs != 0 && System.nanoTime() - lastNs > TimeUnit.SECONDS.toNanos(2) ? 0 : fps;
  }

  /** The largest gap between consecutive output frames over the last 10 seconds, ms. */
  synchronized double getMaxGapMs() {
    long nowSecond = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
    long max = 0;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      if (nowSecond - gapSecond[i] < WINDOW_SECONDS) {
        max = Math.max(max, gapMaxNs[i]);
      }
    }
    return max / 1e6;
  }
}
