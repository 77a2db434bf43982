package dev.framebridge.model

import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.track.ConstrainInteger
import dev.framebridge.sdk.track.ConstrainString
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.track.MediaStreamTrackSource
import dev.framebridge.sdk.track.MediaStreamTrackState
import dev.framebridge.sdk.track.MediaTrackConstraints
import dev.framebridge.sdk.track.OverconstrainedException
import dev.framebridge.spi.TrackKind

class MediaStreamTrackSpec extends ModelFixture {

  def "C-60 a new track is live, enabled and of its kind"() {
    given:
    MediaStreamTrack t = track(kind == "video" ? new VideoTrackGenerator().track
        : new MediaStreamTrackSource(TrackKind.AUDIO).createTrack())

    expect:
    t.readyState == MediaStreamTrackState.LIVE
    t.enabled
    !t.muted
    t.kind == kind
    t.trackKind.webName == kind
    !t.id.empty

    where:
    kind << ["video", "audio"]
  }

  def "C-61 a clone is live with a new id; stopping one leaves the other live"() {
    given:
    def g = new VideoTrackGenerator()
    def original = track(g.track)
    def clone = track(original.clone())
    def other = track(original.clone())

    expect:
    clone.readyState == MediaStreamTrackState.LIVE
    clone.id != original.id
    clone.kind == original.kind

    when:
    original.stop()

    then:
    original.readyState == MediaStreamTrackState.ENDED
    clone.readyState == MediaStreamTrackState.LIVE

    when:
    clone.stop()

    then:
    other.readyState == MediaStreamTrackState.LIVE

    when: "the reverse: stopping a clone leaves its original live"
    def g2 = new VideoTrackGenerator()
    def o2 = track(g2.track)
    track(o2.clone()).stop()

    then:
    o2.readyState == MediaStreamTrackState.LIVE
  }

  def "C-62 an exact invalid resizeMode fails naming resizeMode; an ideal one succeeds and changes nothing"() {
    given:
    def t = track(new VideoTrackGenerator().track)
    def before = t.settings.resizeMode

    when:
    def e = failure(t.applyConstraints(MediaTrackConstraints.builder()
        .resizeMode(ConstrainString.exact("invalid")).build()))

    then:
    e instanceof OverconstrainedException
    (e as OverconstrainedException).constraint == "resizeMode"
    e.message.contains("resizeMode")
    t.constraints.resizeMode == null

    when:
    await(t.applyConstraints(MediaTrackConstraints.builder().resizeMode(ConstrainString.ideal("invalid")).build()))

    then:
    t.settings.resizeMode == before
    before == "none"
  }

  def "C-63 settings report integer sizes >= 0, rates >= 0 and a valid resizeMode"() {
    given:
    def g = new VideoTrackGenerator()
    def t = track(g.track)
    def writer = g.writable.writer

    expect:
    check(t)

    when:
    (0..4).each { await(writer.write(frame(it * 33_333L, 64, 48))) }

    then:
    check(t)
    t.settings.width == 64
    t.settings.height == 48
    Math.abs(t.settings.frameRate - 30d) < 0.5
    Math.abs(t.settings.aspectRatio - 1.3333333333d) < 1e-9
  }

  private static boolean check(MediaStreamTrack t) {
    def s = t.settings
    assert s.width instanceof Integer && s.width >= 0
    assert s.height instanceof Integer && s.height >= 0
    assert s.aspectRatio instanceof Double && s.aspectRatio >= 0
    assert s.frameRate instanceof Double && s.frameRate >= 0
    assert s.resizeMode in ["none", "crop-and-scale"]
    true
  }

  def "required constraints outside the capabilities fail naming the constraint and keep the old ones"() {
    given:
    def t = track(new VideoTrackGenerator().track)
    def ok = MediaTrackConstraints.builder().width(320).build()
    await(t.applyConstraints(ok))

    when:
    def e = failure(t.applyConstraints(bad))

    then:
    e instanceof OverconstrainedException
    (e as OverconstrainedException).constraint == name
    t.constraints.is(ok)

    where:
    name          | bad
    "width"       | MediaTrackConstraints.builder().width(ConstrainInteger.exact(0)).build()
    "height"      | MediaTrackConstraints.builder().height(ConstrainInteger.range(100, 50)).build()
    "width"       | MediaTrackConstraints.builder().width(ConstrainInteger.builder().min(40000).build()).build()
    "frameRate"   | MediaTrackConstraints.builder().frameRate(dev.framebridge.sdk.track.ConstrainDouble.exact(-1d)).build()
    "aspectRatio" | MediaTrackConstraints.builder().aspectRatio(dev.framebridge.sdk.track.ConstrainDouble.exact(0d)).build()
  }

  def "ended fires when the source ends a track, never for the track's own stop()"() {
    given:
    def g = new VideoTrackGenerator()
    def stopped = track(g.track.clone())
    def live = track(g.track)
    int stoppedEvents = 0
    int liveEvents = 0
    stopped.addEndedListener { stoppedEvents++ }
    def registration = live.addEndedListener { liveEvents++ }
    live.addEndedListener { liveEvents += 10 }

    when:
    stopped.stop()
    registration.close()
    await(g.writable.writer.close())

    then:
    stoppedEvents == 0
    liveEvents == 10
    live.readyState == MediaStreamTrackState.ENDED
  }
}
