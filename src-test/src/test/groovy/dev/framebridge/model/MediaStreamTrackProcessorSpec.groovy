package dev.framebridge.model

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.stream.UnderlyingSink
import dev.framebridge.sdk.stream.WritableStream
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.VideoFrame
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong

class MediaStreamTrackProcessorSpec extends ModelFixture {

  VideoTrackGenerator generator() {
    def g = new VideoTrackGenerator()
    track(g.track)
    g
  }

  def "C-20 a processor needs a track; with a track and maxBufferSize 10 it is built"() {
    when:
    new MediaStreamTrackProcessor(null as MediaStreamTrack)

    then:
    thrown(IllegalArgumentException)

    when:
    MediaStreamTrackProcessor.builder().maxBufferSize(10).build()

    then:
    thrown(IllegalArgumentException)

    when:
    def p = new MediaStreamTrackProcessor(generator().track, 10)

    then:
    p.maxBufferSize == 10
    p.readable != null
  }

  def "C-21 four reads issued before any frame all complete as four frames are written one at a time"() {
    given:
    def g = generator()
    def reader = processor(g.track, 10).readable.reader
    def writer = g.writable.writer

    when:
    def reads = (1..4).collect { reader.read() }

    then:
    reads.every { !it.done }

    when:
    (1..4).each { await(writer.write(frame(it))) }

    then:
    reads.collect { readValue(it).timestamp } == [1L, 2L, 3L, 4L]
  }

  def "C-22 four frames written with no read pending are then read in arrival order"() {
    given:
    def g = generator()
    def p = processor(g.track, 10)
    def reader = p.readable.reader
    def writer = g.writable.writer

    when:
    (1..4).each { await(writer.write(frame(it))) }
    def reads = (1..4).collect { reader.read() }

    then:
    reads.collect { readValue(it).timestamp } == [1L, 2L, 3L, 4L]
    p.droppedFrames == 0
  }

  def "C-23 back-pressure without queuing: a 120 ms consumer of a 40 ms writer skips frames"() {
    given: "one scheduler thread runs the writer's 40 ms ticks and the consumer's 120 ms timeouts in due order"
    // ...as a worker's event loop runs the web-platform test's setInterval and setTimeout callbacks.
    def g = generator()
    def p = processor(g.track)
    def writer = g.writable.writer
    def clock = Executors.newSingleThreadScheduledExecutor()
    def seen = new CopyOnWriteArrayList<Long>()
    def consumer = new WritableStream<VideoFrame>({ VideoFrame f, c ->
      seen << f.timestamp
      f.close()
      def workDone = new CompletableFuture<Void>()
      clock.schedule({ workDone.complete(null) } as Runnable, 120, TimeUnit.MILLISECONDS)
      workDone
    } as UnderlyingSink<VideoFrame>)
    def pipe = p.readable.pipeTo(consumer)
    def ts = new AtomicLong()

    when: "30 frames, one every 40 ms, then the writer stops the track"
    clock.scheduleAtFixedRate({
      long n = ts.incrementAndGet()
      if (n <= 30) {
        writer.write(frame(n))
      } else if (n == 31) {
        g.track.stop()
      }
    }, 0, 40, TimeUnit.MILLISECONDS)
    pipe.get(TIMEOUT_S, TimeUnit.SECONDS)

    then: "the pipe completed normally, the first frame was 1 and each later one skipped at least two"
    !pipe.completedExceptionally
    seen.size() >= 5
    seen[0] == 1L
    seen.withIndex().every { long t, int k -> t >= 1 + 3 * k }
    p.droppedFrames > 0

    cleanup:
    clock.shutdownNow()
  }

  def "C-24 stopping the source track closes the readable normally"() {
    given:
    def g = generator()
    def p = processor(g.track)
    def reader = p.readable.reader
    def pending = reader.read()

    when:
    g.track.stop()

    then:
    await(pending).done
    await(reader.read()).done
    await(reader.closed()) == null
    p.closed
  }

  def "C-25 a processor on an audio track delivers AudioData; stopping the track closes it"() {
    given:
    def g = track(new MediaStreamTrackGenerator("audio"))
    def p = processor(g)
    def reader = p.readable.reader

    expect:
    p.maxBufferSize == MediaStreamTrackProcessor.DEFAULT_AUDIO_BUFFER_SIZE

    when:
    def read = reader.read()
    await(g.writable.writer.write(audio(7)))
    AudioData a = readValue(read)

    then:
    a instanceof AudioData
    a.timestamp == 7
    a.numberOfFrames == 3000
    a.sampleRate == 30000f

    when:
    g.stop()

    then:
    await(reader.read()).done
    await(reader.closed()) == null
  }

  def "C-26 readable is created once"() {
    given:
    def p = processor(generator().track)

    expect:
    p.readable.is(p.readable)
    p.readable.is(p.readable)
  }

  def "when the queue is full the oldest frame is dropped, closed and counted"() {
    given:
    def g = generator()
    def p = processor(g.track, 2)
    def reader = p.readable.reader
    def writer = g.writable.writer
    def written = (1..5).collect { frame(it) }

    when:
    written.each { await(writer.write(it)) }
    def first = readValue(reader.read())
    def second = readValue(reader.read())

    then:
    [first.timestamp, second.timestamp] == [4L, 5L]
    p.droppedFrames == 3
    p.deliveredFrames == 2
    written.every { it.closed }
  }

  def "cancelling the readable detaches the processor from the track"() {
    given:
    def g = generator()
    def p = processor(g.track, 4)
    def readable = p.readable
    def writer = g.writable.writer
    await(writer.write(frame(1)))

    when:
    await(readable.cancel(null))
    await(writer.write(frame(2)))

    then:
    p.closed
    p.droppedFrames == 0
    g.track.readyState.toString() == "live"
    await(readable.reader.read()).done
  }

  def "a processor cannot be built on an ended track, nor with a buffer size outside 0..65535"() {
    given:
    def t = generator().track

    when:
    new MediaStreamTrackProcessor(t, -1)

    then:
    thrown(IllegalArgumentException)

    when:
    new MediaStreamTrackProcessor(t, 65536)

    then:
    thrown(IllegalArgumentException)

    expect:
    new MediaStreamTrackProcessor(t, 0).maxBufferSize == MediaStreamTrackProcessor.DEFAULT_VIDEO_BUFFER_SIZE

    when:
    t.stop()
    new MediaStreamTrackProcessor(t)

    then:
    thrown(IllegalArgumentException)
  }
}
