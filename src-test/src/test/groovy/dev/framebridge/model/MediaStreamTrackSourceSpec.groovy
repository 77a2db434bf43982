package dev.framebridge.model

import dev.framebridge.sdk.track.MediaStreamTrackSource
import dev.framebridge.sdk.track.MediaStreamTrackState
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.MediaFrame

/** The source abstraction other parts (camera, shared-memory channels) build tracks on. */
class MediaStreamTrackSourceSpec extends ModelFixture {

  def "a source fans a borrowed frame out as one clone per sink, drops it while muted, and refuses other kinds"() {
    given:
    def source = MediaStreamTrackSource.builder(TrackKind.VIDEO).label("camera").build()
    def a = track(source.createTrack())
    def b = track(source.createTrack())
    def got = Collections.synchronizedList([])
    [a, b].each { t -> t.addSink { MediaFrame f -> got << keep(f) } }
    def f = frame(3)

    when:
    source.deliver(f)

    then:
    got.size() == 2
    got.every { it.timestamp == 3 && !it.is(f) }
    !f.closed
    a.label == "camera"
    source.deliveredFrameCount == 1

    when:
    source.muted = true
    source.deliver(frame(4))

    then:
    got.size() == 2
    a.muted && b.muted

    when:
    source.deliver(audio(5))

    then:
    thrown(IllegalArgumentException)
  }

  def "the last track's stop ends the source once; end() fires ended and later tracks are born ended"() {
    given:
    int idle = 0
    def source = MediaStreamTrackSource.builder(TrackKind.AUDIO).onLastTrackEnded { idle++ }.build()
    def a = source.createTrack()
    def b = a.clone()

    when:
    a.stop()

    then:
    idle == 0
    !source.ended

    when:
    b.stop()
    b.stop()

    then:
    idle == 1
    source.ended
    source.createTrack().readyState == MediaStreamTrackState.ENDED

    when:
    def other = MediaStreamTrackSource.builder(TrackKind.VIDEO).onLastTrackEnded { idle++ }.build()
    def t = other.createTrack()
    int ended = 0
    t.addEndedListener { ended++ }
    other.end()
    other.end()
    def cloneOfEnded = t.clone()

    then:
    ended == 1
    idle == 1
    t.readyState == MediaStreamTrackState.ENDED
    cloneOfEnded.readyState == MediaStreamTrackState.ENDED
    other.liveTrackCount == 0
  }
}
