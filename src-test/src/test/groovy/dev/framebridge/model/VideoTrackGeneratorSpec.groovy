package dev.framebridge.model

import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.stream.WritableStreamWriter
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.track.MediaStreamTrackState
import dev.framebridge.sdk.track.MediaTrackSettings
import dev.framebridge.spi.media.VideoFrame
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

class VideoTrackGeneratorSpec extends ModelFixture {

  VideoTrackGenerator generator() {
    def g = new VideoTrackGenerator()
    track(g.track)
    g
  }

  def "C-01 a frame through generator and processor keeps display size and timestamp"() {
    given:
    def g = generator()
    def reader = processor(g.track).readable.reader
    WritableStreamWriter<VideoFrame> writer = g.writable.writer

    when:
    def read = reader.read()
    await(writer.write(frame(1)))
    VideoFrame out = readValue(read)

    then:
    out.displayWidth == 320
    out.displayHeight == 240
    out.timestamp == 1
  }

  def "C-02 after a write the track has kind video and readyState live"() {
    given:
    def g = generator()

    when:
    await(g.writable.writer.write(frame(1)))

    then:
    g.track.kind == "video"
    g.track.readyState == MediaStreamTrackState.LIVE
    g.track.readyState.toString() == "live"
  }

  def "C-03 a written frame is closed once the write completes"() {
    given:
    def g = generator()
    def f = frame(1)

    when:
    await(g.writable.writer.write(f))
    f.clone()

    then:
    thrown(IllegalStateException)
    f.closed
  }

  def "C-04 writing AudioData fails the write with IllegalArgumentException"() {
    given:
    def g = generator()

    expect:
    failure(g.writable.writer.write(audio(1))) instanceof IllegalArgumentException
  }

  def "C-05 writing a non-frame fails with IllegalArgumentException and errors the writable"() {
    given:
    def g = generator()
    def writer = g.writable.writer

    expect:
    failure(writer.write(value)) instanceof IllegalArgumentException
    failure(writer.closed()) instanceof IllegalArgumentException

    where:
    value << ["a string", new VideoTrackGenerator()]
  }

  def "C-06 writing a closed frame fails with IllegalArgumentException and errors the writable"() {
    given:
    def g = generator()
    def writer = g.writable.writer
    def f = frame(1)
    f.close()

    expect:
    failure(writer.write(f)) instanceof IllegalArgumentException
    failure(writer.closed()) instanceof IllegalArgumentException
  }

  def "C-07 stopping the only track closes the writable; a later write fails and leaves its frame open"() {
    given:
    def g = generator()
    def writer = g.writable.writer

    when:
    g.track.stop()
    await(writer.closed())
    def late = frame(2)

    then:
    failure(writer.write(late)) instanceof IllegalArgumentException
    !late.closed
  }

  def "C-08 while muted a write completes and closes its frame; stopping the track closes the writable"() {
    given:
    def g = generator()
    def writer = g.writable.writer
    g.muted = true
    def f = frame(1)

    when:
    await(writer.write(f))

    then:
    f.closed

    when:
    g.track.stop()
    await(writer.closed())
    def late = frame(2)

    then:
    failure(writer.write(late)) instanceof IllegalArgumentException
    !late.closed
  }

  def "C-09 a clone keeps the writable open until it stops too"() {
    given:
    def g = generator()
    def writer = g.writable.writer
    MediaStreamTrack clone = track(g.track.clone())

    when:
    g.track.stop()
    def f = frame(1)
    await(writer.write(f))

    then:
    f.closed
    !writer.closed().done

    when:
    clone.stop()
    await(writer.closed())
    def late = frame(2)

    then:
    failure(writer.write(late)) instanceof IllegalArgumentException
    !late.closed
  }

  def "C-10 frames are forwarded only while unmuted, the flag sampled as each write is processed"() {
    given:
    def g = generator()
    def reader = processor(g.track, 10).readable.reader
    def writer = g.writable.writer

    when:
    await(writer.write(frame(1)))
    def first = readValue(reader.read())
    g.muted = true
    await(writer.write(frame(2)))
    g.muted = false
    await(writer.write(frame(3)))
    def second = readValue(reader.read())
    def pending = reader.read()
    g.muted = true
    await(writer.write(frame(4)))
    g.muted = false
    await(writer.write(frame(5)))
    def third = readValue(pending)

    then:
    first.timestamp == 1
    second.timestamp == 3
    third.timestamp == 5
  }

  def "C-11 muted fires mute and unmute on the track and its clones, and nothing for the same value"() {
    given:
    def g = generator()
    def clone = track(g.track.clone())
    def events = Collections.synchronizedList([])
    [g.track, clone].each { t ->
      t.addMuteListener { events << "mute:" + (it.is(g.track) ? "track" : "clone") }
      t.addUnmuteListener { events << "unmute:" + (it.is(g.track) ? "track" : "clone") }
    }

    when:
    g.muted = true

    then:
    events.sort() == ["mute:clone", "mute:track"]
    g.track.muted
    clone.muted

    when:
    events.clear()
    g.muted = true

    then:
    events.empty

    when:
    g.muted = false

    then:
    events.sort() == ["unmute:clone", "unmute:track"]
    !g.track.muted

    when:
    events.clear()
    g.muted = false

    then:
    events.empty
  }

  def "C-12 closing the writer ends the track: a pending read gets done and ended fires"() {
    given:
    def g = generator()
    def reader = processor(g.track).readable.reader
    def ended = new CountDownLatch(1)
    g.track.addEndedListener { ended.countDown() }
    def pending = reader.read()

    when:
    await(g.writable.writer.close())

    then:
    await(pending).done
    ended.await(TIMEOUT_S, TimeUnit.SECONDS)
    g.track.readyState == MediaStreamTrackState.ENDED
    await(reader.read()).done
  }

  def "C-13 settings follow the frames"() {
    given:
    def g = generator()
    def writer = g.writable.writer

    expect:
    g.track.settings.width == 0
    g.track.settings.height == 0

    when:
    await(writer.write(frame(1, 100, 100)))
    MediaTrackSettings s1 = g.track.settings
    await(writer.write(frame(2, 200, 200)))
    MediaTrackSettings s2 = g.track.settings
    await(writer.write(frame(3, 100, 200)))
    MediaTrackSettings s3 = g.track.settings

    then:
    [s1.width, s1.height] == [100, 100]
    [s2.width, s2.height] == [200, 200]
    [s3.width, s3.height] == [100, 200]
    s3.aspectRatio == 0.5d
  }

  def "C-14 a generator track's capabilities are ranges with min <= max and both resize modes"() {
    given:
    def caps = generator().track.capabilities

    expect:
    caps.width.min <= caps.width.max
    caps.height.min <= caps.height.max
    caps.aspectRatio.min <= caps.aspectRatio.max
    caps.frameRate.min == 0d
    caps.frameRate.min <= caps.frameRate.max
    caps.resizeMode.containsAll(["none", "crop-and-scale"])
  }

  def "C-15 contentHint accepts motion, detail, text and empty; any other value leaves it unchanged"() {
    given:
    def t = generator().track
    def seen = [t.contentHint]

    when:
    ["motion", "bogus", "detail", "music", "text", "", "speech", "motion", "MOTION"].each {
      t.contentHint = it
      seen << t.contentHint
    }

    then:
    seen == ["", "motion", "motion", "detail", "detail", "text", "", "", "motion", "motion"]
  }

  def "C-16 a timestamp survives generator to processor unchanged, negative ones included"() {
    given:
    def g = generator()
    def reader = processor(g.track, 10).readable.reader
    def writer = g.writable.writer

    when:
    def read = reader.read()
    await(writer.write(frame(ts)))

    then:
    readValue(read).timestamp == ts

    where:
    ts << [0L, 1L, -1L, -123456789L, Long.MAX_VALUE]
  }

  def "aborting the writable ends every track, firing ended on each"() {
    given:
    def g = generator()
    def clone = track(g.track.clone())
    def ended = new CountDownLatch(2)
    [g.track, clone].each { it.addEndedListener { ended.countDown() } }

    when:
    await(g.writable.writer.abort(new RuntimeException("gone")))

    then:
    ended.await(TIMEOUT_S, TimeUnit.SECONDS)
    g.track.readyState == MediaStreamTrackState.ENDED
    clone.readyState == MediaStreamTrackState.ENDED
    g.writable.is(g.writable)
  }
}
