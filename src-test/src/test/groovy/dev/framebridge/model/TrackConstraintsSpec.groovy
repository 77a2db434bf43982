package dev.framebridge.model

import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.sdk.track.ConstrainDouble
import dev.framebridge.sdk.track.ConstrainInteger
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.track.MediaTrackConstraints
import dev.framebridge.spi.media.MediaFrame
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.ByteBuffer

/** Per-track crop-and-scale and frame-rate decimation (spec 2.2.5.2): each track gets its own version of a frame. */
class TrackConstraintsSpec extends ModelFixture {

  VideoTrackGenerator g = new VideoTrackGenerator()

  def setup() {
    track(g.track)
  }

  List<VideoFrame> collect(MediaStreamTrack t) {
    List<VideoFrame> got = Collections.synchronizedList([])
    t.addSink { MediaFrame f -> got << keep(f as VideoFrame) }
    got
  }

  static MediaTrackConstraints size(int w, int h) {
    MediaTrackConstraints.builder().width(ConstrainInteger.exact(w)).height(ConstrainInteger.exact(h)).build()
  }

  static int[] pixel(VideoFrame f, int x, int y) {
    ByteBuffer p = f.getPlane(0)
    int o = y * f.getPlaneStride(0) + x * 4
    (0..3).collect { p.get(o + it) & 0xff } as int[]
  }

  def "a clone with size constraints gets scaled frames while the original gets them unmodified"() {
    given:
    def clone = track(g.track.clone())
    await(clone.applyConstraints(size(160, 120)))
    def full = collect(g.track)
    def small = collect(clone)

    when:
    await(g.writable.writer.write(frame(5)))

    then:
    full*.codedWidth == [320]
    small.size() == 1
    small[0].codedWidth == 160
    small[0].codedHeight == 120
    small[0].displayWidth == 160
    small[0].timestamp == 5
    small[0].format == VideoPixelFormat.RGBA
    pixel(small[0], 0, 0) == [50, 100, 150, 255] as int[]
    pixel(small[0], 159, 119) == [50, 100, 150, 255] as int[]
    clone.settings.width == 160
    clone.settings.height == 120
    clone.settings.resizeMode == "crop-and-scale"
    g.track.settings.width == 320
    g.track.settings.resizeMode == "none"
  }

  def "crop-and-scale crops the centre to the wanted aspect ratio"() {
    given: "an 8x4 frame whose red channel is 30 * x"
    byte[] px = new byte[8 * 4 * 4]
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 8; x++) {
        px[(y * 8 + x) * 4] = (byte) (30 * x)
        px[(y * 8 + x) * 4 + 3] = (byte) 255
      }
    }
    def f = keep(MediaFrames.createVideoFrame(ByteBuffer.wrap(px),
        VideoFrameInit.builder().format(VideoPixelFormat.RGBX).codedWidth(8).codedHeight(4).timestamp(1).build()))
    await(g.track.applyConstraints(size(4, 4)))
    def got = collect(g.track)

    when:
    await(g.writable.writer.write(f))

    then:
    got.size() == 1
    got[0].codedWidth == 4
    got[0].format == VideoPixelFormat.RGBX
    (0..3).collect { pixel(got[0], it, 0)[0] } == [60, 90, 120, 150]
    (0..3).collect { pixel(got[0], it, 3)[0] } == [60, 90, 120, 150]
  }

  def "I420 frames are cropped and scaled plane by plane"() {
    given:
    await(g.track.applyConstraints(MediaTrackConstraints.builder().width(ConstrainInteger.exact(100)).build()))
    def got = collect(g.track)

    when:
    await(g.writable.writer.write(i420(9, 320, 240)))
    def out = got[0]

    then: "the height follows the source's aspect ratio, rounded to even"
    out.format == VideoPixelFormat.I420
    out.codedWidth == 100
    out.codedHeight == 76
    out.getPlane(0).get(0) == 81 as byte
    out.getPlane(0).get(out.getPlaneStride(0) * 75 + 99) == 81 as byte
    out.getPlane(1).get(0) == 90 as byte
    (out.getPlane(2).get(out.getPlaneStride(2) * 37 + 49) & 0xff) == 240
  }

  def "resizeMode none passes frames unmodified whatever the size constraints"() {
    given:
    await(g.track.applyConstraints(MediaTrackConstraints.builder().width(ConstrainInteger.exact(100))
        .resizeMode("none").build()))
    def got = collect(g.track)

    when:
    await(g.writable.writer.write(frame(1)))

    then:
    got*.codedWidth == [320]
    g.track.settings.resizeMode == "none"
  }

  def "a frameRate constraint decimates a clone's frames, not the original's"() {
    given:
    def clone = track(g.track.clone())
    await(clone.applyConstraints(MediaTrackConstraints.builder().frameRate(ConstrainDouble.exact(30d)).build()))
    def all = collect(g.track)
    def half = collect(clone)
    def writer = g.writable.writer

    when: "12 frames at 60 frames per second"
    (0..11).each { await(writer.write(frame(Math.round(it * 1e6 / 60), 16, 16))) }

    then:
    all.size() == 12
    half*.timestamp == (0..11).findAll { it % 2 == 0 }.collect { Math.round(it * 1e6 / 60) }
    Math.abs(clone.settings.frameRate - 30d) < 1
    Math.abs(g.track.settings.frameRate - 60d) < 1
  }

  def "a disabled track passes no frames"() {
    given:
    def got = collect(g.track)
    def writer = g.writable.writer
    g.track.enabled = false

    when:
    await(writer.write(frame(1)))
    g.track.enabled = true
    await(writer.write(frame(2)))

    then:
    got*.timestamp == [2L]
  }
}
