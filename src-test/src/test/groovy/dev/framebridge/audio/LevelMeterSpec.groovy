package dev.framebridge.audio

import dev.framebridge.host.audio.FrequencyEstimator
import dev.framebridge.host.audio.LevelMeter
import groovy.json.JsonSlurper
import spock.lang.Specification

class LevelMeterSpec extends Specification {

  static float[][] sine(double amp, double hz = 1000, int frames = 480) {
    float[][] p = new float[1][frames]
    for (i in 0..<frames) {
      p[0][i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / 48000))
    }
    p
  }

  def "a sine of peak #amp reads peak #peakDb dBFS and RMS #rmsDb dBFS"() {
    given:
    def meter = new LevelMeter()

    when:
    10.times { meter.accept(sine(amp), 1, 480, it * 10_000L, 48000f) }
    def r = meter.reading

    then:
    Math.abs(r.peakDbfs - peakDb) < 0.01
    Math.abs(r.rmsDbfs - rmsDb) < 0.01
    r.frames == 4800
    r.chunks == 10
    r.lastTimestampUs == 90_000

    where:
    amp  | peakDb | rmsDb
    1.0  | 0.0    | -3.01
    0.5  | -6.02  | -9.03
    0.25 | -12.04 | -15.05
  }

  def "silence reads the floor, not -Infinity"() {
    given:
    def meter = new LevelMeter()

    when:
    meter.accept(new float[1][480], 1, 480, 0, 48000f)

    then:
    meter.reading.rmsDbfs == LevelMeter.SILENCE_DBFS
    meter.reading.peakDbfs == LevelMeter.SILENCE_DBFS
    new LevelMeter().reading.rmsDbfs == LevelMeter.SILENCE_DBFS
  }

  def "the window forgets old chunks; the totals do not"() {
    given:
    def meter = new LevelMeter(5)

    when:
    5.times { meter.accept(sine(1.0), 1, 480, 0, 48000f) }
    5.times { meter.accept(sine(0.1), 1, 480, 0, 48000f) }
    def r = meter.reading

    then:
    Math.abs(r.getPeak(0) - 0.1) < 1e-3
    Math.abs(r.getTotalPeak(0) - 1.0) < 1e-3
    Math.abs(r.getTotalRms(0) - Math.sqrt((0.5 + 0.005) / 2)) < 1e-3
  }

  def "the JSON reading carries overall and per-channel levels and counters"() {
    given:
    def meter = new LevelMeter()
    float[][] two = [sine(0.5)[0], sine(0.25)[0]] as float[][]

    when:
    meter.accept(two, 2, 480, 123, 48000f)
    def json = new JsonSlurper().parseText(meter.reading.toJson())

    then:
    Math.abs(json.peakDbfs - (-6.02)) < 0.01
    json.channels.size() == 2
    Math.abs(json.channels[1].peakDbfs - (-12.04)) < 0.01
    json.frames == 480
    json.timestampUs == 123
    json.sampleRate == 48000
  }

  def "the frequency estimator needs two crossings, then finds the tone across chunk boundaries"() {
    given:
    def est = new FrequencyEstimator(48000)

    expect:
    Double.isNaN(est.frequencyHz)

    when: "chunks of 7 frames so crossings straddle boundaries"
    float[] all = sine(0.3, 1234.5, 48000)[0]
    for (int off = 0; off < 48000; off += 7) {
      int n = Math.min(7, 48000 - off)
      est.accept(Arrays.copyOfRange(all, off, off + n), n)
    }

    then:
    Math.abs(est.frequencyHz - 1234.5) < 0.05
    est.sampleCount == 48000
  }
}
