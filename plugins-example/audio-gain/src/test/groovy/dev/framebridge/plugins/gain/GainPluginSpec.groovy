package dev.framebridge.plugins.gain

import static dev.framebridge.sdk.testkit.FrameAssertions.*

import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.AudioSampleFormat
import spock.lang.AutoCleanup
import spock.lang.Specification

class GainPluginSpec extends Specification {
  @AutoCleanup PluginHarness plugin = PluginHarness.of(GainPlugin)

  def "-6.02 dB halves every f32 sample and the meter reads the output level"() {
    given:
    def harness = plugin.audio([gainDb: -6.0206])

    when:
    def out = harness.process(TestFrames.audio([0.5f, -0.5f, 0.25f, 1.0f] as float[], 2, 48000f, 1000))
    def samples = TestFrames.samples(out)

    then:
    samples[0] == 0.25f
    samples[1] == -0.25f
    Math.abs(samples[3] - 0.5f) < 1e-6
    assertTimestamp(out, 1000)
    out.numberOfChannels == 2
    Math.abs((harness.transform as GainTransform).meter.peakDb - (-6.0206)) < 0.01
  }

  def "+12 dB on a 0.5 sine clips at full scale"() {
    when:
    def out = plugin.audio([gainDb: 12]).process(TestFrames.tone(440f, 0.5f, 1, 480, 48000f, 0))

    then:
    (TestFrames.samples(out) as List).max() == 1.0f
    (TestFrames.samples(out) as List).min() == -1.0f
  }

  def "s16 planar is scaled per plane"() {
    given:
    def input = MediaFrames.createAudioData(AudioDataInit.builder().format(AudioSampleFormat.S16_PLANAR)
        .sampleRate(8000f).numberOfChannels(2).numberOfFrames(2).timestamp(0L)
        .data([1000, -2000, 3000, 30000] as short[]).build())

    when:
    def out = plugin.audio([gainDb: 6.0206]).process(input)
    def buf = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
    out.copyTo(buf, dev.framebridge.spi.media.AudioDataCopyToOptions.plane(1))

    then: '3000 -> 6000, 30000 -> clamped to 32767'
    buf.getShort(0) == 6000 as short
    buf.getShort(2) == 32767 as short
  }

  def "mute silences and the meter shows silence; unity gain passes the chunk itself"() {
    given:
    def muted = plugin.audio([mute: true])
    def unity = plugin.audio()
    def chunk = TestFrames.tone(440f, 0.5f, 1, 480, 48000f, 0)

    expect:
    TestFrames.samples(muted.process(TestFrames.tone(440f, 0.5f, 1, 480, 48000f, 0))).every { Math.abs(it) == 0f }
    (muted.transform as GainTransform).meter.peakDb == -120d
    unity.process(chunk).is(chunk)
    Math.abs((unity.transform as GainTransform).meter.peakDb - (-6.02)) < 0.1
  }

  def "the plugin declares audio only"() {
    when:
    plugin.video()

    then:
    thrown(IllegalArgumentException)
  }
}
