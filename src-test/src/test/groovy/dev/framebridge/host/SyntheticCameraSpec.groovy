package dev.framebridge.host

import dev.framebridge.host.camera.CameraCapture
import dev.framebridge.host.camera.CameraOptions
import dev.framebridge.host.camera.CameraOutput
import dev.framebridge.host.camera.CaptureClock
import dev.framebridge.host.camera.FramePacer
import dev.framebridge.host.camera.SyntheticWebcamDevice
import dev.framebridge.host.camera.TestPatternRenderer
import java.nio.ByteBuffer
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

class SyntheticCameraSpec extends Specification {

  static int rgbAt(byte[] rgb, int width, int x, int y) {
    int i = (y * width + x) * 3
    ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF)
  }

  static int rgbaAt(ByteBuffer rgba, int width, int x, int y) {
    int i = (y * width + x) * 4
    assert (rgba.get(i + 3) & 0xFF) == 0xFF: "alpha is opaque"
    ((rgba.get(i) & 0xFF) << 16) | ((rgba.get(i + 1) & 0xFF) << 8) | (rgba.get(i + 2) & 0xFF)
  }

  def "the pattern has the seven bars at known places and a box that moves with the frame number"() {
    given:
    def r = new TestPatternRenderer(320, 180)

    when:
    byte[] first = r.render(0, 0).clone()
    byte[] later = r.render(10, 333_333).clone()

    then:
    (0..<7).every { bar -> rgbAt(first, 320, (int) ((bar + 0.5) * 320 / 7), 40) == TestPatternRenderer.BAR_COLORS[bar] }
    first != later
    // the bars never change; only the band below them does
    Arrays.equals(first, 0, r.bandTop * 320 * 3, later, 0, r.bandTop * 320 * 3)
    (0..<320).any { x -> rgbAt(first, 320, x, 179) == TestPatternRenderer.BOX_COLOR }
    (0..<320).findIndexOf { x -> rgbAt(first, 320, x, 179) == TestPatternRenderer.BOX_COLOR } !=
        (0..<320).findIndexOf { x -> rgbAt(later, 320, x, 179) == TestPatternRenderer.BOX_COLOR }
  }

  def "the pacer keeps a fixed rate on the monotonic clock and skips slots it missed"() {
    given:
    def pacer = new FramePacer(100)

    when:
    long t0 = System.nanoTime()
    def numbers = (0..<10).collect { pacer.awaitNextFrame() }
    long elapsed = System.nanoTime() - t0

    then:
    numbers == (0..<10).toList()
    elapsed >= 9 * 10_000_000L - 1_000_000L

    when: "the caller stalls for five periods"
    long stallUntil = System.nanoTime() + 50_000_000L
    while (System.nanoTime() < stallUntil) { Thread.onSpinWait() }
    long next = pacer.awaitNextFrame()

    then:
    next >= 14
    pacer.skippedFrames >= 4
  }

  def "invalid sizes and rates are refused with the value in the message"() {
    when:
    CameraOptions.builder().size(width, height).fps(fps).build()

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(part)

    where:
    width | height | fps || part
    8     | 100    | 30  || "8x100"
    101   | 100    | 30  || "101x100"
    640   | 480    | 0   || "fps 0"
  }

  def "the synthetic camera delivers RGBA frames at the requested size and rate through Webcam Capture"() {
    given:
    def frames = new CopyOnWriteArrayList<Long>()
    def pixels = new CopyOnWriteArrayList<Integer>()
    def enough = new CountDownLatch(90)
    def output = new CameraOutput() {
      void onFrame(ByteBuffer rgba, int width, int height, long ts) {
        assert width == 320 && height == 240
        frames << ts
        pixels << rgbaAt(rgba, width, 20, 20) << rgbaAt(rgba, width, 300, 100)
        enough.countDown()
      }
      void onMuted(boolean muted) {}
    }
    def capture = CameraCapture.start(
        CameraOptions.builder().camera("synthetic").size(320, 240).fps(60).build(), new CaptureClock(), output)

    when:
    boolean arrived = enough.await(10, TimeUnit.SECONDS)
    capture.close()

    then:
    arrived
    capture.synthetic
    capture.cameraName == SyntheticWebcamDevice.NAME
    pixels[0] == 0xFFFFFF  // white bar at the left
    pixels[1] == 0x0000FF  // blue bar at the right
    // microsecond timestamps, strictly increasing, about 1/60 s apart on average once running
    (1..<frames.size()).every { frames[it] > frames[it - 1] }
    def meanGapUs = (frames[89] - frames[30]) / 59
    meanGapUs > 14_000 && meanGapUs < 25_000
  }

  def "an unknown camera name is refused with the list of cameras"() {
    when:
    CameraCapture.start(CameraOptions.builder().camera("no-such-camera").size(64, 64).build(), new CaptureClock(),
        Mock(CameraOutput))

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains("no-such-camera")
    e.message.contains(SyntheticWebcamDevice.NAME)
  }

  def "losing the device mutes the output and frames resume when it returns"() {
    given:
    def events = new CopyOnWriteArrayList<String>()
    def output = new CameraOutput() {
      void onFrame(ByteBuffer rgba, int width, int height, long ts) { events << "frame" }
      void onMuted(boolean muted) { events << (muted ? "muted" : "unmuted") }
    }
    def capture = CameraCapture.start(
        CameraOptions.builder().camera("synthetic").size(64, 64).fps(50).build(), new CaptureClock(), output)
    def conditions = new PollingConditions(timeout: 5)

    when:
    conditions.eventually { assert events.count("frame") >= 3 }
    capture.syntheticDevice.unplugged = true

    then:
    conditions.eventually { assert capture.muted && events.contains("muted") }

    when:
    int framesWhileMuted = events.size()
    capture.syntheticDevice.unplugged = false

    then:
    conditions.eventually {
      assert !capture.muted
      assert events.contains("unmuted")
      assert events.subList(events.indexOf("unmuted"), events.size()).count("frame") >= 3
    }
    events.indexOf("muted") < events.indexOf("unmuted")

    cleanup:
    capture?.close()
  }
}
