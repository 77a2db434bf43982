package dev.framebridge.plugins

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.*

import com.google.zxing.BarcodeFormat
import com.google.zxing.qrcode.QRCodeWriter
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import dev.framebridge.host.HostProcess
import groovy.json.JsonSlurper
import javax.imageio.ImageIO
import spock.lang.Requires
import spock.lang.Shared
import spock.util.concurrent.PollingConditions
import spock.lang.Specification

/** The drop-in JARs themselves, as the host's launcher copies them into ./plugins, loaded the way the host loads. */
class ExamplePluginJarsSpec extends Specification {
  @Shared Path pluginsDir = locatePluginsDir()

  static Path locatePluginsDir() {
    Path here = Paths.get('').toAbsolutePath()
    for (Path p = here; p != null; p = p.parent) {
      Path candidate = p.resolve('plugins-example/target/plugins')
      if (Files.isDirectory(candidate)) return candidate
    }
    throw new IllegalStateException("plugins-example/target/plugins not found above $here; run mvn package first")
  }

  def "every example is its own drop-in JAR with one valid provider: #jar"() {
    when:
    def plugin = PluginHarness.load(pluginsDir.resolve(jar))

    then:
    plugin.plugin.id == id
    plugin.plugin.trackKinds == [kind] as Set
    !plugin.plugin.settingsSchema.fields.isEmpty()
    plugin.plugin.class.classLoader != getClass().classLoader

    cleanup:
    plugin?.close()

    where:
    jar                                       | id             | kind
    'framebridge-plugin-sepia-mirror.jar'     | 'sepia-mirror' | TrackKind.VIDEO
    'framebridge-plugin-grayscale.jar'        | 'grayscale'    | TrackKind.VIDEO
    'framebridge-plugin-blur.jar'             | 'blur'         | TrackKind.VIDEO
    'framebridge-plugin-chroma-key.jar'       | 'chroma-key'   | TrackKind.VIDEO
    'framebridge-plugin-barcode.jar'          | 'barcode'      | TrackKind.VIDEO
    'framebridge-plugin-vignette-kotlin.jar'  | 'vignette'     | TrackKind.VIDEO
    'framebridge-plugin-audio-gain.jar'       | 'audio-gain'   | TrackKind.AUDIO
  }

  def "the sepia JAR tones a known colour"() {
    given:
    def plugin = PluginHarness.load(pluginsDir.resolve('framebridge-plugin-sepia-mirror.jar'))

    when:
    def out = plugin.video([mirror: false]).process(TestFrames.solid(VideoPixelFormat.RGBA, 8, 8, rgb(0x6496C8), 0))

    then:
    assertPixel(out, 4, 4, rgb(0xC0AB86), 1)

    cleanup:
    plugin?.close()
  }

  def "the shaded barcode JAR finds a QR code rendered into a 720p frame"() {
    given:
    def plugin = PluginHarness.load(pluginsDir.resolve('framebridge-plugin-barcode.jar'))
    int w = 1280, h = 720
    int[] px = new int[w * h]
    Arrays.fill(px, rgb(0x909090))
    def m = new QRCodeWriter().encode('framebridge', BarcodeFormat.QR_CODE, 200, 200)
    for (int y = 0; y < m.height; y++) for (int x = 0; x < m.width; x++) px[(100 + y) * w + 500 + x] = m.get(x, y) ? rgb(0) : rgb(0xFFFFFF)
    def harness = plugin.video()

    when:
    def out = harness.process(TestFrames.fromArgb(VideoPixelFormat.RGBA, w, h, px, 0))
    def detections = harness.transform.lastDetections

    then: 'the JAR brings its own relocated ZXing'
    harness.transform.class.classLoader == plugin.loaded.classLoader
    detections.size() == 1
    detections[0].text == 'framebridge'
    Math.abs(detections[0].centerX - 600) <= 6
    Math.abs(detections[0].centerY - 200) <= 6

    cleanup:
    plugin?.close()
  }

  def "the Kotlin JAR runs with its shaded Kotlin runtime"() {
    given:
    def plugin = PluginHarness.load(pluginsDir.resolve('framebridge-plugin-vignette-kotlin.jar'))

    when:
    def out = plugin.video([strength: 1.0]).process(TestFrames.solid(VideoPixelFormat.BGRA, 64, 48, rgb(0xC8C8C8), 0))

    then:
    assertPixel(out, 32, 24, rgb(0xC8C8C8))
    assertPixel(out, 0, 0, rgb(0), 2)

    cleanup:
    plugin?.close()
  }

  def "the audio JAR applies gain"() {
    given:
    def plugin = PluginHarness.load(pluginsDir.resolve('framebridge-plugin-audio-gain.jar'))

    when:
    def out = plugin.audio([gainDb: -6.0206]).process(TestFrames.audio([0.8f, -0.4f] as float[], 1, 48000f, 5))

    then:
    TestFrames.samples(out) == [0.4f, -0.2f] as float[]
    assertTimestamp(out, 5)

    cleanup:
    plugin?.close()
  }

  @Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
  def "the Kotlin JAR runs in the host and its effect is in the output"() {
    given:
    Path work = Files.createTempDirectory('examples-host')
    Path plugins = Files.createDirectories(work.resolve('plugins'))
    Files.copy(pluginsDir.resolve('framebridge-plugin-vignette-kotlin.jar'), plugins.resolve('framebridge-plugin-vignette-kotlin.jar'))
    def host = new HostProcess(['--camera', 'synthetic', '--size', '320x240', '--fps', '30', '--preview', 'web',
        '--port', '0', '--plugins', plugins.toString(), '--snapshot-dir', work.resolve('snaps').toString()], work)

    expect: 'the Kotlin worker runs'
    new PollingConditions(timeout: 40, delay: 0.3).eventually {
      def status = host.json('api/status')
      assert status.plugins*.id == ['vignette']
      assert status.plugins[0].state == 'running'
    }

    and: 'a snapshot shows the centre untouched and the corner darkened by the default strength 0.6 (polled: the' +
        ' latest output frame at the moment the worker starts serving can still be the last passed-through one)'
    new PollingConditions(timeout: 10, delay: 0.2).eventually {
      def paths = new JsonSlurper().parseText(host.post('api/snapshot', '{}').body())
      def input = ImageIO.read(new File(paths.input as String))
      def output = ImageIO.read(new File(paths.output as String))
      assert output.getRGB(160, 120) == input.getRGB(160, 120)
      assert luma(output.getRGB(2, 2)) < luma(input.getRGB(2, 2)) * 0.6
    }

    cleanup:
    host?.close()
    work?.toFile()?.deleteDir()
  }

  static double luma(int rgb) {
    0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)
  }
}
