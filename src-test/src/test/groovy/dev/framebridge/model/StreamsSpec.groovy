package dev.framebridge.model

import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.stream.FrameTransformStream
import dev.framebridge.sdk.stream.ReadableStream
import dev.framebridge.sdk.stream.ReadableStreamController
import dev.framebridge.sdk.stream.TransformStream
import dev.framebridge.sdk.stream.TransformStreamController
import dev.framebridge.sdk.stream.Transformer
import dev.framebridge.sdk.stream.UnderlyingSink
import dev.framebridge.sdk.stream.UnderlyingSource
import dev.framebridge.sdk.stream.WritableStream
import dev.framebridge.sdk.stream.WritableStreamController
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.settings.Settings
import dev.framebridge.spi.settings.SettingsSchema
import dev.framebridge.spi.transform.FrameTransform
import dev.framebridge.spi.transform.TransformController
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.Flow

/** The Streams behaviour the model relies on (WHATWG Streams restated for futures). */
class StreamsSpec extends ModelFixture {

  /** A sink whose writes complete only when the test says so. */
  static class ManualSink implements UnderlyingSink<String> {
    List<String> received = Collections.synchronizedList([])
    List<CompletableFuture<Void>> pending = Collections.synchronizedList([])
    boolean closed
    Throwable aborted

    CompletionStage<Void> write(String chunk, WritableStreamController c) {
      received << chunk
      def f = new CompletableFuture<Void>()
      pending << f
      f
    }

    CompletionStage<Void> close() {
      closed = true
      DONE
    }

    CompletionStage<Void> abort(Throwable reason) {
      aborted = reason
      DONE
    }
  }

  /** A source that enqueues the given chunks, one per pull, then closes. */
  static ReadableStream<String> readableOf(List<String> chunks, List<Integer> pulls = []) {
    Iterator<String> it = chunks.iterator()
    new ReadableStream<String>(new UnderlyingSource<String>() {
      void pull(ReadableStreamController<String> c) {
        pulls << 1
        if (it.hasNext()) {
          c.enqueue(it.next())
        } else {
          c.close()
        }
      }
    })
  }

  def "writes reach the sink in order, one at a time, with back-pressure at the high-water mark"() {
    given:
    def sink = new ManualSink()
    def writer = new WritableStream<String>(sink).writer

    when:
    def w1 = writer.write("a")
    def w2 = writer.write("b")
    def w3 = writer.write("c")

    then:
    sink.received == ["a"]
    writer.desiredSize == -2
    !writer.ready().done

    when:
    sink.pending[0].complete(null)

    then:
    w1.done && !w2.done
    sink.received == ["a", "b"]

    when:
    sink.pending[1].complete(null)
    sink.pending[2].complete(null)

    then:
    w3.done
    writer.desiredSize == 1
    writer.ready().done
  }

  def "a failing write errors the stream: queued writes and closed fail with its error"() {
    given:
    def sink = new ManualSink()
    def writer = new WritableStream<String>(sink).writer
    def boom = new IllegalStateException("boom")

    when:
    def w1 = writer.write("a")
    def w2 = writer.write("b")
    sink.pending[0].completeExceptionally(boom)

    then:
    failure(w1).is(boom)
    failure(w2).is(boom)
    failure(writer.closed()).is(boom)
    failure(writer.write("c")).is(boom)
    writer.desiredSize == null
    sink.received == ["a"]
  }

  def "close waits for queued writes; abort drops them, closes queued frames and tells the sink"() {
    given:
    def sink = new ManualSink()
    def writer = new WritableStream<String>(sink).writer

    when:
    writer.write("a")
    def closing = writer.close()

    then:
    !closing.done
    !sink.closed

    when:
    sink.pending[0].complete(null)

    then:
    await(closing) == null
    await(writer.closed()) == null
    sink.closed
    failure(writer.write("late")) instanceof IllegalArgumentException

    when: "a frame stream is aborted with a frame queued"
    def frameSink = { VideoFrame f, c -> new CompletableFuture<Void>() } as UnderlyingSink<VideoFrame>
    def frameWriter = new WritableStream<VideoFrame>(frameSink).writer
    def inFlight = frame(1)
    def queued = frame(2)
    frameWriter.write(inFlight)
    def queuedWrite = frameWriter.write(queued)
    def reason = new RuntimeException("stop")
    await(frameWriter.abort(reason))

    then:
    failure(queuedWrite).is(reason)
    queued.closed
    failure(frameWriter.closed()).is(reason)
  }

  def "a readable with high-water mark 0 pulls only while a read is pending"() {
    given:
    def pulls = []
    def readable = readableOf(["x", "y"], pulls)

    expect:
    pulls.empty

    when:
    def reader = readable.reader
    def r1 = await(reader.read())

    then:
    r1.value == "x"
    pulls.size() == 1

    when:
    def r2 = await(reader.read())
    def r3 = await(reader.read())

    then:
    r2.value == "y"
    r3.done
    r3.value == null
    await(reader.closed()) == null
  }

  def "cancel discards queued frames, answers pending reads with done and tells the source"() {
    given:
    ReadableStreamController<VideoFrame> controller
    Throwable cancelled
    def readable = new ReadableStream<VideoFrame>(new UnderlyingSource<VideoFrame>() {
      void start(ReadableStreamController<VideoFrame> c) { controller = c }
      void cancel(Throwable reason) { cancelled = reason }
    }, 4)
    def queued = frame(1)
    controller.enqueue(queued)
    def reason = new RuntimeException("enough")

    when:
    await(readable.cancel(reason))

    then:
    queued.closed
    cancelled.is(reason)
    await(readable.reader.read()).done
  }

  def "pipeTo completes once the source closes and the destination has closed"() {
    given:
    def received = []
    boolean sinkClosed
    def sink = new UnderlyingSink<String>() {
      CompletionStage<Void> write(String chunk, WritableStreamController c) {
        received << chunk
        DONE
      }
      CompletionStage<Void> close() {
        sinkClosed = true
        DONE
      }
    }

    when:
    await(readableOf(["a", "b", "c"]).pipeTo(new WritableStream<String>(sink)))

    then:
    received == ["a", "b", "c"]
    sinkClosed
  }

  def "pipeTo aborts the destination when the source errors, and cancels the source when the destination errors"() {
    given:
    ReadableStreamController<String> controller
    def source = new ReadableStream<String>(new UnderlyingSource<String>() {
      void start(ReadableStreamController<String> c) { controller = c }
    })
    def sink = new ManualSink()
    def boom = new IllegalStateException("source broke")

    when:
    def pipe = source.pipeTo(new WritableStream<String>(sink))
    controller.error(boom)

    then:
    failure(pipe).is(boom)
    sink.aborted.is(boom)

    when:
    Throwable cancelReason
    def source2 = new ReadableStream<String>(new UnderlyingSource<String>() {
      void pull(ReadableStreamController<String> c) { c.enqueue("z") }
      void cancel(Throwable reason) { cancelReason = reason }
    })
    def refusing = { String s, c -> throw new IllegalArgumentException("no " + s) } as UnderlyingSink<String>
    def pipe2 = source2.pipeTo(new WritableStream<String>(refusing))

    then:
    failure(pipe2) instanceof IllegalArgumentException
    cancelReason instanceof IllegalArgumentException
  }

  def "a long synchronous pipe does not grow the stack"() {
    given:
    int n = 200_000
    int count = 0
    def source = new ReadableStream<Integer>(new UnderlyingSource<Integer>() {
      int next
      void pull(ReadableStreamController<Integer> c) {
        if (next < n) {
          c.enqueue(next++)
        } else {
          c.close()
        }
      }
    })

    when:
    await(source.pipeTo(new WritableStream<Integer>({ Integer i, c -> count++; UnderlyingSink.DONE } as UnderlyingSink<Integer>)))

    then:
    count == n
  }

  def "pipeThrough a TransformStream transforms each chunk and flushes at the end"() {
    given:
    def upper = new TransformStream<String, String>(new Transformer<String, String>() {
      void transform(String chunk, TransformStreamController<String> c) { c.enqueue(chunk.toUpperCase()) }
      void flush(TransformStreamController<String> c) { c.enqueue("END") }
    })
    def out = []

    when:
    await(readableOf(["a", "b"]).pipeThrough(upper)
        .pipeTo(new WritableStream<String>({ String s, c -> out << s; UnderlyingSink.DONE } as UnderlyingSink<String>)))

    then:
    out == ["A", "B", "END"]
  }

  def "asPublisher emits only what is requested, then completes"() {
    given:
    def pulls = []
    def publisher = readableOf(["a", "b", "c", "d"], pulls).asPublisher()
    def got = Collections.synchronizedList([])
    def done = new CompletableFuture<Void>()
    Flow.Subscription subscription

    when:
    publisher.subscribe(new Flow.Subscriber<String>() {
      void onSubscribe(Flow.Subscription s) { subscription = s }
      void onNext(String item) { got << item }
      void onError(Throwable t) { done.completeExceptionally(t) }
      void onComplete() { done.complete(null) }
    })
    subscription.request(2)

    then:
    got == ["a", "b"]
    pulls.size() == 2
    !done.done

    when:
    subscription.request(10)

    then:
    await(done) == null
    got == ["a", "b", "c", "d"]

    when: "a second subscriber is refused"
    Throwable refused
    publisher.subscribe(new Flow.Subscriber<String>() {
      void onSubscribe(Flow.Subscription s) {}
      void onNext(String item) {}
      void onError(Throwable t) { refused = t }
      void onComplete() {}
    })

    then:
    refused instanceof IllegalStateException
  }

  def "a FrameTransform's input is closed after transform unless it was enqueued; settings arrive between frames"() {
    given:
    def seenSettings = []
    def transform = new FrameTransform<VideoFrame>() {
      void transform(VideoFrame f, TransformController<VideoFrame> c) {
        if (f.timestamp % 2 == 0) {
          c.enqueue(f)
        } else if (f.timestamp == 3) {
          c.enqueue(c.allocator.copyOf(f))
        } else if (f.timestamp == 5) {
          throw new IllegalStateException("bad frame")
        }
      }
      void onSettingsChanged(Settings s) { seenSettings << s.getDouble("k") }
    }
    FrameTransformStream<VideoFrame> stream = TransformStream.fromFrameTransform(transform, MediaFrames.heapAllocator())
    def writer = stream.writable.writer
    def reader = stream.readable.reader
    def schema = SettingsSchema.builder().number("k", "K", 1.0, 0.0, 10.0, 1.0).build()
    def inputs = (1..4).collect { frame(it, 8, 8) }

    when:
    stream.updateSettings(schema.resolve([k: 2.0]))
    def reads = (1..3).collect { reader.read() }
    inputs.each { writer.write(it) }
    def outs = reads.collect { readValue(it) }

    then:
    seenSettings == [2.0d]
    outs*.timestamp == [2L, 3L, 4L]
    inputs[0].closed
    !inputs[1].closed && outs[0].is(inputs[1])
    inputs[2].closed && !outs[1].is(inputs[2])
    !inputs[3].closed
    stream.transformedFrameCount == 4

    when: "a throwing transform closes its input and errors both sides"
    def bad = frame(5, 8, 8)
    def pending = reader.read()
    def w = writer.write(bad)

    then:
    failure(w) instanceof IllegalStateException
    failure(pending) instanceof IllegalStateException
    bad.closed
  }

  def "a sink-side close fails queued writes, answers a queued close, and completes closed"() {
    given:
    WritableStreamController controller
    def sink = new ManualSink() {
      void start(WritableStreamController c) { controller = c }
    }
    def writer = new WritableStream<String>(sink).writer

    when:
    def inFlight = writer.write("a")
    def queued = writer.write("b")
    def closing = writer.close()
    controller.close()
    sink.pending[0].complete(null)

    then:
    await(inFlight) == null
    failure(queued) instanceof IllegalArgumentException
    await(closing) == null
    await(writer.closed()) == null
    !sink.closed
    sink.received == ["a"]
  }

  def "a released reader can neither read nor cancel"() {
    given:
    def readable = readableOf(["a"])
    def reader = readable.reader

    when:
    reader.releaseLock()

    then:
    failure(reader.read()) instanceof IllegalStateException
    failure(reader.cancel(null)) instanceof IllegalStateException
    failure(reader.closed()) instanceof IllegalStateException
    await(readable.reader.read()).value == "a"
  }
}
