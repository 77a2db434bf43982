package dev.framebridge.audio

import dev.framebridge.host.audio.AudioStreamFormat
import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.LevelMeter
import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.clock.CaptureClock
import spock.lang.Specification

class SyntheticToneSourceSpec extends Specification {

  def "a #hz Hz tone at #amp peak has that frequency, level and continuous timestamps"() {
    given:
    def source = SyntheticToneSource.builder().frequencyHz(hz).amplitude(amp as float).paced(false).build()
    def format = source.format
    float[][] planes = new float[1][480]
    def est = new FrequencyEstimator(48000)
    def meter = new LevelMeter(1000)
    def stamps = []

    when: "two seconds of chunks"
    200.times {
      stamps << source.read(planes)
      est.accept(planes[0], 480)
      meter.accept(planes, 1, 480, stamps[-1], 48000f)
    }

    then:
    format.framesPerChunk == 480 && format.sampleRate == 48000
    Math.abs(est.frequencyHz - hz) / hz < 0.001
    Math.abs(meter.reading.getTotalRms(0) - amp / Math.sqrt(2)) / (amp / Math.sqrt(2)) < 0.005
    Math.abs(meter.reading.getTotalPeak(0) - amp) < 0.001
    (1..<stamps.size()).every { stamps[it] - stamps[it - 1] == 10_000 }

    cleanup:
    source?.close()

    where:
    hz    | amp
    1000  | 0.25
    440   | 0.5
    997   | 0.1
  }

  def "every channel carries the same tone"() {
    given:
    def source = SyntheticToneSource.builder().paced(false)
        .format(AudioStreamFormat.builder().numberOfChannels(2).build()).build()
    float[][] planes = new float[2][480]

    when:
    source.read(planes)

    then:
    planes[0] == planes[1]
    planes[0].any { it != 0f }
  }

  def "paced reads hand out a chunk only after the clock passed its end"() {
    given:
    def clock = CaptureClock.startNow()
    def source = SyntheticToneSource.builder().clock(clock).build()
    float[][] planes = new float[1][480]

    expect:
    (0..<5).every {
      long ts = source.read(planes)
      clock.nowMicros() >= ts + 10_000
    }
  }

  def "the first chunk is stamped at the first read; a reader 100 ms late skips ahead instead of bursting"() {
    given:
    def clock = CaptureClock.startNow()
    def source = SyntheticToneSource.builder().clock(clock).build()
    float[][] planes = new float[1][480]
    clock.awaitMicros(50_000)

    when:
    long first = source.read(planes)
    clock.awaitMicros(first + 110_000)   // the reader stalls for about 100 ms
    long second = source.read(planes)
    long skipped = source.framesSkipped
    long third = source.read(planes)

    then:
    first >= 50_000
    second - first >= 60_000
    (second - first) % 10_000 == 0
    skipped == (second - first - 10_000) / 1_000 * 48
    // a second stall on a busy machine may skip again, but only ever by whole chunks
    third - second >= 10_000 && (third - second) % 10_000 == 0
  }

  def "a chirp sweeps between its two frequencies"() {
    given:
    def source = SyntheticToneSource.builder().frequencyHz(200).chirp(2000, 2).paced(false).build()
    float[][] planes = new float[1][480]
    def early = new FrequencyEstimator(48000)
    def peak = new FrequencyEstimator(48000)

    when: "the first 50 ms, then 50 ms around the top of the sweep (1 s)"
    5.times { source.read(planes); early.accept(planes[0], 480) }
    90.times { source.read(planes) }
    10.times { source.read(planes); peak.accept(planes[0], 480) }

    then:
    early.frequencyHz < 300
    peak.frequencyHz > 1800
    source.description.contains("chirp")
  }

  def "invalid settings fail with a message naming them: #why"() {
    when:
    builder.call(SyntheticToneSource.builder()).build()

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(word)

    where:
    why              | builder                                   | word
    "above Nyquist"  | { it.frequencyHz(30000) }                 | "frequency"
    "zero frequency" | { it.frequencyHz(0) }                     | "frequency"
    "amplitude > 1"  | { it.amplitude(1.5f) }                    | "amplitude"
    "bad chirp"      | { it.chirp(-5, 1) }                       | "chirp"
  }

  def "a closed source refuses to read"() {
    given:
    def source = SyntheticToneSource.builder().paced(false).build()
    source.close()

    when:
    source.read(new float[1][480])

    then:
    thrown(IllegalStateException)
  }
}
