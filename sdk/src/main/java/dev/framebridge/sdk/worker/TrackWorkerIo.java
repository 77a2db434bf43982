package dev.framebridge.sdk.worker;

import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor;
import dev.framebridge.sdk.insertable.VideoTrackGenerator;
import dev.framebridge.sdk.stream.ReadResult;
import dev.framebridge.sdk.stream.ReadableStreamReader;
import dev.framebridge.sdk.stream.WritableStreamWriter;
import dev.framebridge.sdk.track.MediaStreamTrack;
import dev.framebridge.sdk.transport.SharedMemoryTransport;
import dev.framebridge.sdk.transport.TrackHandle;
import dev.framebridge.sdk.transport.TrackPublication;
import dev.framebridge.sdk.transport.TrackSubscription;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.transform.FrameAllocator;
import java.io.EOFException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A worker's ends as the object model has them: the input handle opened as a live {@link MediaStreamTrack}, read
 * through a {@link MediaStreamTrackProcessor} (buffer of one: a worker that falls behind gets the newest frame), and
 * the output a {@link VideoTrackGenerator} whose track is published into the channel the host prepared. Frames from
 * {@link #getAllocator()} live in the output's shared-memory slots, so they are committed without a copy.
 */
final class TrackWorkerIo implements WorkerIo {
  private static final int MAX_QUEUED_WRITES = 2;

  private final SharedMemoryTransport transport;
  private final TrackSubscription input;
  private final MediaStreamTrackProcessor<VideoFrame> processor;
  private final ReadableStreamReader<VideoFrame> reader;
  private final VideoTrackGenerator generator = new VideoTrackGenerator("framebridge worker output");
  private final WritableStreamWriter<VideoFrame> writer;
  private final TrackPublication output;
  private final String outputHandle;
  private @Nullable CompletableFuture<ReadResult<VideoFrame>> pending;
  private long droppedOnWrite;

  TrackWorkerIo(TrackHandle in, TrackHandle out) {
    this.transport = SharedMemoryTransport.attach(in);
    this.input = transport.subscribe(in);
    this.processor = new MediaStreamTrackProcessor<>(input.getTrack());
    this.reader = processor.getReadable().getReader();
    this.output = transport.publish(generator.getTrack(), out);
    this.writer = generator.getWritable().getWriter();
    this.outputHandle = out.format();
  }

  @Override
  public String getOutputHandle() {
    return outputHandle;
  }

  @Override
  public @Nullable VideoFrame read(long timeoutMs) throws Exception {
    CompletableFuture<ReadResult<VideoFrame>> p = pending;
    if (p == null) {
      p = reader.read();
      pending = p;
    }
    ReadResult<VideoFrame> r;
    try {
      r = p.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null; // the read stays pending for the next call
    } catch (ExecutionException e) {
      pending = null;
      throw new EOFException("input track failed: " + e.getCause());
    }
    pending = null;
    if (r.isDone()) {
      throw new EOFException("input track ended");
    }
    return r.getValue();
  }

  @Override
  public void write(VideoFrame frame) {
    Integer desired = writer.getDesiredSize();
    if (desired == null || desired <= -MAX_QUEUED_WRITES) {
      droppedOnWrite++; // the output is not keeping up (or closed): drop rather than queue
      frame.close();
      return;
    }
    writer.write(frame);
  }

  @Override
  public FrameAllocator getAllocator() {
    return output.getAllocator();
  }

  @Override
  public long getDropped() {
    return droppedOnWrite + processor.getDroppedFrames() + output.getDroppedFrames();
  }

  @Override
  public void close() {
    writer.close();
    output.close();
    reader.cancel(null);
    input.close();
    transport.close();
  }
}
