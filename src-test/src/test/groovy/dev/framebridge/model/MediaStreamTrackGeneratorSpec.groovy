package dev.framebridge.model

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator
import dev.framebridge.sdk.track.MediaStreamTrackState
import dev.framebridge.spi.media.VideoFrame

class MediaStreamTrackGeneratorSpec extends ModelFixture {

  MediaStreamTrackGenerator generator(String kind) {
    track(new MediaStreamTrackGenerator(kind))
  }

  def "C-30 an audio generator accepts AudioData and is a live audio track"() {
    given:
    def g = generator("audio")
    def a = audio(1)

    when:
    await(g.writable.writer.write(a))

    then:
    a.closed
    g.kind == "audio"
    g.readyState == MediaStreamTrackState.LIVE
    g.readyState.toString() == "live"
  }

  def "C-31 an unknown kind, or none, fails with IllegalArgumentException"() {
    when:
    create()

    then:
    thrown(IllegalArgumentException)

    where:
    create << [
        { new MediaStreamTrackGenerator("invalid") },
        { new MediaStreamTrackGenerator("Video") },
        { new MediaStreamTrackGenerator(null as String) },
        { MediaStreamTrackGenerator.builder().build() },
    ]
  }

  def "C-32 a generator refuses frames of the other kind with IllegalArgumentException"() {
    expect:
    failure(generator("video").writable.writer.write(audio(1))) instanceof IllegalArgumentException
    failure(generator("audio").writable.writer.write(frame(1))) instanceof IllegalArgumentException
  }

  def "C-33 a video generator's frame comes out of a processor with its size and timestamp, closed after the write"() {
    given:
    def g = generator("video")
    def reader = processor(g).readable.reader
    def f = frame(42)

    when:
    def read = reader.read()
    await(g.writable.writer.write(f))
    VideoFrame out = readValue(read)

    then:
    f.closed
    out.displayWidth == 320
    out.displayHeight == 240
    out.codedWidth == 320
    out.timestamp == 42
  }

  def "C-34 enabled can be set to true and false on the generator"() {
    given:
    def g = generator("video")

    expect:
    g.enabled

    when:
    g.enabled = false

    then:
    !g.enabled

    when:
    g.enabled = true

    then:
    g.enabled
  }

  def "closing the writable ends the generator and its clones; stopping all of them closes the writable"() {
    given:
    def g = generator("video")
    def clone = track(g.clone())
    int endedEvents = 0
    clone.addEndedListener { endedEvents++ }

    when:
    await(g.writable.writer.close())

    then:
    g.readyState == MediaStreamTrackState.ENDED
    clone.readyState == MediaStreamTrackState.ENDED
    endedEvents == 1

    when:
    def other = generator("audio")
    def writer = other.writable.writer
    other.stop()

    then:
    await(writer.closed()) == null
    failure(writer.write(audio(1))) instanceof IllegalArgumentException
  }
}
