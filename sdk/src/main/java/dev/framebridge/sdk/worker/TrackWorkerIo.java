package dev.framebridge.sdk.worker;

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator;
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
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.MediaFrame;
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
 * through a {@link MediaStreamTrackProcessor}, and the output a generator whose track is published into the channel
 * the host prepared. Video: a buffer of one (a worker that falls behind gets the newest frame) and a
 * {@link VideoTrackGenerator}. Audio: every chunk in order, with a buffer of {@link #AUDIO_BUFFER_CHUNKS} (a cold or
 * descheduled JVM must not lose samples), and a {@link MediaStreamTrackGenerator} of kind "audio". Frames from
 * {@link #getAllocator()} live in the output's shared-memory slots, so they are committed without a copy.
 */
final class TrackWorkerIo implements WorkerIo {
  /** The audio input buffer: 500 ms of 10 ms chunks, above the processor's audio default of 10. */
  static final int AUDIO_BUFFER_CHUNKS = 50;
  private static final int MAX_QUEUED_VIDEO_WRITES = 2;
  private static final int MAX_QUEUED_AUDIO_WRITES = 32;

  private final SharedMemoryTransport transport;
  private final TrackSubscription input;
  private final MediaStreamTrackProcessor<MediaFrame> processor;
  private final ReadableStreamReader<MediaFrame> reader;
  private final WritableStreamWriter<MediaFrame> writer;
  private final TrackPublication output;
  private final String outputHandle;
  private final int maxQueuedWrites;
  private @Nullable CompletableFuture<ReadResult<MediaFrame>> pending;
  private long droppedOnWrite;

  @SuppressWarnings("unchecked")
  TrackWorkerIo(TrackHandle in, TrackHandle out, TrackKind kind) {
    this.transport = SharedMemoryTransport.attach(in);
    this.input = transport.subscribe(in);
    boolean audio = kind == TrackKind.AUDIO;
    this.processor = audio ? new MediaStreamTrackProcessor<>(input.getTrack(), AUDIO_BUFFER_CHUNKS)
        : new MediaStreamTrackProcessor<>(input.getTrack());
    this.reader = processor.getReadable().getReader();
    MediaStreamTrack outTrack;
    if (audio) {
      MediaStreamTrackGenerator generator = new MediaStreamTrackGenerator("audio");
      outTrack = generator;
      this.writer = generator.getWritable().getWriter();
    } else {
      VideoTrackGenerator generator = new VideoTrackGenerator("framebridge worker output");
      outTrack = generator.getTrack();
      // the frame loop lets only video frames through to write()
      this.writer = (WritableStreamWriter<MediaFrame>) (WritableStreamWriter<?>) generator.getWritable().getWriter();
    }
    this.maxQueuedWrites = audio ? MAX_QUEUED_AUDIO_WRITES : MAX_QUEUED_VIDEO_WRITES;
    this.output = transport.publish(outTrack, out);
    this.outputHandle = out.format();
  }

  @Override
  public String getOutputHandle() {
    return outputHandle;
  }

  @Override
  public @Nullable MediaFrame read(long timeoutMs) throws Exception {
    CompletableFuture<ReadResult<MediaFrame>> p = pending;
    if (p == null) {
      p = reader.read();
      pending = p;
    }
    ReadResult<MediaFrame> r;
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
  public void write(MediaFrame frame) {
    Integer desired = writer.getDesiredSize();
    if (desired == null || desired <= -maxQueuedWrites) {
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
