package dev.framebridge.media

import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.FrameBuffer
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioDataCopyToOptions
import dev.framebridge.spi.media.AudioSampleFormat
import java.nio.ByteBuffer
import java.nio.ByteOrder
import spock.lang.Specification

import static dev.framebridge.spi.media.AudioSampleFormat.*

class AudioDataSpec extends Specification {

  def frames = []

  AudioData track(AudioData a) {
    frames << a
    a
  }

  def cleanup() {
    frames*.close()
  }

  static AudioDataInit.Builder init(AudioSampleFormat format = F32_PLANAR, int channels = 2, int count = 100) {
    AudioDataInit.builder().format(format).sampleRate(8000f).numberOfFrames(count).numberOfChannels(channels)
        .timestamp(1234L).data(new byte[count * channels * format.bytesPerSample])
  }

  /** Interleaved f32 samples: frame f of channel c holds f * 10 + c. */
  static AudioData countingAudio(AudioSampleFormat format, int channels, int count) {
    float[] s = new float[channels * count]
    count.times { f -> channels.times { c ->
      s[format.planar ? c * count + f : f * channels + c] = f * 10 + c
    } }
    MediaFrames.createAudioData(AudioDataInit.builder().format(format).sampleRate(48000f).numberOfFrames(count)
        .numberOfChannels(channels).timestamp(0L).data(s).build())
  }

  static List<Float> floats(ByteBuffer b, int n) {
    b.order(ByteOrder.LITTLE_ENDIAN)
    (0..<n).collect { b.getFloat(it * 4) }
  }

  def "C-50 f32-planar, 2 channels, 8000 Hz, 100 frames at 1234: getters match and duration is 12500 us"() {
    when:
    def a = track(MediaFrames.createAudioData(init().build()))

    then:
    a.timestamp == 1234
    a.format == F32_PLANAR
    a.numberOfChannels == 2
    a.sampleRate == 8000f
    a.numberOfFrames == 100
    a.duration == 12500
    a.planeCount == 2
    a.getPlane(1).remaining() == 400
    !a.writable
  }

  def "C-51 construction fails with IllegalArgumentException for #problem"() {
    when:
    MediaFrames.createAudioData(builder().build())

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(word)
    MediaFrames.liveBufferCount == old(MediaFrames.liveBufferCount)

    where:
    problem              | builder                                            | word
    'missing timestamp'  | { init().timestamp(null) }                         | 'timestamp'
    'missing data'       | { init().data((ByteBuffer) null) }                 | 'data'
    'missing frames'     | { init().numberOfFrames(null) }                    | 'numberOfFrames'
    'missing channels'   | { init().numberOfChannels(null) }                  | 'numberOfChannels'
    'missing rate'       | { init().sampleRate(null) }                        | 'sampleRate'
    'missing format'     | { init().format(null) }                            | 'format'
    'zero frames'        | { init().numberOfFrames(0) }                       | 'numberOfFrames'
    'zero channels'      | { init().numberOfChannels(0) }                     | 'numberOfChannels'
    'zero rate'          | { init().sampleRate(0f) }                          | 'sampleRate'
    'data too small f32' | { init().data(new byte[799]) }                     | 'too small'
    'data too small s16' | { init(S16).data(new short[199]) }                 | 'too small'
    'unknown format'     | { init().format(AudioSampleFormat.fromWebName('s24')) } | 's24'
  }

  def "C-52 a closed AudioData reads zero rate, frames, channels and null format; closing twice does not throw"() {
    given:
    def a = MediaFrames.createAudioData(init().build())

    when:
    a.close()
    a.close()

    then:
    noExceptionThrown()
    a.closed
    a.sampleRate == 0f
    a.numberOfFrames == 0
    a.numberOfChannels == 0
    a.format == null
    a.planeCount == 0
    a.timestamp == 1234

    when:
    a.clone()

    then:
    thrown(IllegalStateException)

    when:
    a.copyTo(ByteBuffer.allocate(400), AudioDataCopyToOptions.plane(0))

    then:
    thrown(IllegalStateException)

    when:
    a.allocationSize(AudioDataCopyToOptions.plane(0))

    then:
    thrown(IllegalStateException)
  }

  def "C-53 clone gives identical metadata and samples; closing one leaves the other open"() {
    given:
    def a = countingAudio(F32, 2, 8)
    def before = MediaFrames.openFrameCount

    when:
    def c = a.clone()

    then:
    MediaFrames.openFrameCount == before + 1
    c.format == a.format
    c.sampleRate == a.sampleRate
    c.numberOfFrames == a.numberOfFrames
    c.numberOfChannels == a.numberOfChannels
    c.timestamp == a.timestamp
    c.duration == a.duration
    c.getPlane(0) == a.getPlane(0)

    when:
    a.close()

    then:
    !c.closed
    floats(c.getPlane(0), 4) == [0f, 1f, 10f, 11f]

    when:
    def c2 = c.clone()
    c.close()

    then:
    !c2.closed
    c2.numberOfFrames == 8

    cleanup:
    c2?.close()
  }

  def "C-54 the input array is copied: changing it after construction does not change the AudioData"() {
    given:
    float[] samples = [0.25f, -0.5f, 0.75f, 1f]
    byte[] raw = [1, 2, 3, 4]
    def fromBuffer = ByteBuffer.allocate(4)

    when:
    def a = track(MediaFrames.createAudioData(AudioDataInit.builder().format(F32).sampleRate(8000f)
        .numberOfFrames(2).numberOfChannels(2).timestamp(0L).data(samples).build()))
    def b = track(MediaFrames.createAudioData(AudioDataInit.builder().format(U8).sampleRate(8000f)
        .numberOfFrames(4).numberOfChannels(1).timestamp(0L).data(raw).build()))
    def viaBuffer = AudioDataInit.builder().format(U8).sampleRate(8000f).numberOfFrames(4).numberOfChannels(1)
        .timestamp(0L).data(fromBuffer.put(0, 9 as byte)).build()
    def c = track(MediaFrames.createAudioData(viaBuffer))
    samples[0] = 9f
    raw[0] = 99
    fromBuffer.put(0, 77 as byte)

    then:
    floats(a.getPlane(0), 4) == [0.25f, -0.5f, 0.75f, 1f]
    b.getPlane(0).get(0) == 1 as byte
    c.getPlane(0).get(0) == 9 as byte
  }

  def "C-55 copyTo fails with IndexOutOfBoundsException for #problem"() {
    given:
    def a = track(countingAudio(source, 2, 10))

    when:
    a.copyTo(ByteBuffer.allocate(1024), options)

    then:
    thrown(IndexOutOfBoundsException)

    when:
    a.allocationSize(options)

    then:
    thrown(IndexOutOfBoundsException)

    where:
    problem                                  | source     | options
    'plane 1 of interleaved data'            | F32        | AudioDataCopyToOptions.plane(1)
    'plane 1 of an interleaved destination'  | F32_PLANAR | AudioDataCopyToOptions.builder().planeIndex(1).format(S16).build()
    'plane 2 of 2-channel planar data'       | F32_PLANAR | AudioDataCopyToOptions.plane(2)
    'frameOffset == numberOfFrames'          | F32        | AudioDataCopyToOptions.builder().frameOffset(10).build()
    'frameOffset > numberOfFrames (planar)'  | S16_PLANAR | AudioDataCopyToOptions.builder().frameOffset(11).build()
    'frameCount beyond the end'              | F32        | AudioDataCopyToOptions.builder().frameOffset(5).frameCount(6).build()
  }

  def "C-56 copyTo #from to #to, plane #plane, frames #offset +#count gives #expected"() {
    given: "for the multi-frame rows, frame f of channel c holds f * 10 + c"
    def a = track(audio(from, channels, values))
    def options = AudioDataCopyToOptions.builder().planeIndex(plane).frameOffset(offset).frameCount(count)
        .format(to).build()
    def destFormat = to ?: from
    def out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN)

    when:
    a.copyTo(out, options)

    then:
    a.allocationSize(options) == expected.size() * destFormat.bytesPerSample
    decode(destFormat, out, expected.size()) == expected

    where: "frame ranges, interleaved and planar both ways"
    from       | channels | values                         | to         | plane | offset | count | expected
    F32        | 2        | counting(F32, 2, 10)           | F32        | 0     | 3      | 2     | [30f, 31f, 40f, 41f]
    F32        | 2        | counting(F32, 2, 10)           | F32_PLANAR | 0     | 3      | 2     | [30f, 40f]
    F32        | 2        | counting(F32, 2, 10)           | F32_PLANAR | 1     | 3      | 2     | [31f, 41f]
    F32_PLANAR | 2        | counting(F32_PLANAR, 2, 10)    | F32_PLANAR | 1     | 3      | 2     | [31f, 41f]
    F32_PLANAR | 2        | counting(F32_PLANAR, 2, 10)    | F32        | 0     | 3      | 2     | [30f, 31f, 40f, 41f]
    F32_PLANAR | 2        | counting(F32_PLANAR, 2, 10)    | null       | 0     | 8      | null  | [80f, 90f]
    S16        | 2        | counting(S16, 2, 10)           | S16_PLANAR | 1     | 9      | 1     | [91]
    S16_PLANAR | 2        | counting(S16_PLANAR, 2, 10)    | S16        | 0     | 0      | 1     | [0, 1]

    and: "each format to f32-planar: min, max, half, -half, bias"
    U8         | 1        | [0, 255, 192, 64, 128]         | F32_PLANAR | 0     | 0      | null  | [-1f, 127f / 128f, 0.5f, -0.5f, 0f]
    S16        | 1        | [-32768, 32767, 16384, -16384, 0] | F32_PLANAR | 0  | 0      | null  | [-1f, 32767f / 32768f, 0.5f, -0.5f, 0f]
    S32        | 1        | [Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, -(1 << 30), 0] | F32_PLANAR | 0 | 0 | null | [-1f, 1f, 0.5f, -0.5f, 0f]
    U8_PLANAR  | 1        | [0, 255, 192, 64, 128]         | F32_PLANAR | 0     | 0      | null  | [-1f, 127f / 128f, 0.5f, -0.5f, 0f]

    and: "f32 to integers: clamped, rounded, biased"
    F32        | 1        | [-1f, 1f, 0.5f, -0.5f, 0f, 2f] | U8         | 0     | 0      | null  | [0, 255, 192, 64, 128, 255]
    F32        | 1        | [-1f, 1f, 0.5f, -0.5f, 0f, 2f] | S16        | 0     | 0      | null  | [-32768, 32767, 16384, -16384, 0, 32767]
    F32        | 1        | [-1f, 1f, 0.5f, -0.5f, 0f, -3f] | S32_PLANAR | 0    | 0      | null  | [Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, -(1 << 30), 0, Integer.MIN_VALUE]

    and: "integer to integer"
    U8         | 1        | [0, 255, 192, 64, 128]         | S16        | 0     | 0      | null  | [-32768, 32512, 16384, -16384, 0]
    S16        | 1        | [-32768, 32767, 16384, -16384, 0] | U8_PLANAR | 0    | 0      | null  | [0, 255, 192, 64, 128]
    S16        | 1        | [-32768, 32767, 16384, -16384, 0] | S32      | 0     | 0      | null  | [Integer.MIN_VALUE, 32767 << 16, 1 << 30, -(1 << 30), 0]
    S32        | 1        | [Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, -(1 << 30), 0] | S16 | 0 | 0 | null | [-32768, 32767, 16384, -16384, 0]
  }

  /** Sample values laid out for {@code format}: frame f of channel c holds f * 10 + c. */
  static List<Number> counting(AudioSampleFormat format, int channels, int count) {
    def values = new Number[channels * count]
    count.times { f -> channels.times { c -> values[format.planar ? c * count + f : f * channels + c] = f * 10 + c } }
    values as List
  }

  static AudioData audio(AudioSampleFormat format, int channels, List<Number> values) {
    int bps = format.bytesPerSample
    def data = ByteBuffer.allocate(values.size() * bps).order(ByteOrder.LITTLE_ENDIAN)
    values.eachWithIndex { v, i -> encode(format, v, data, i * bps) }
    MediaFrames.createAudioData(AudioDataInit.builder().format(format).sampleRate(8000f)
        .numberOfFrames(values.size().intdiv(channels)).numberOfChannels(channels).timestamp(0L).data(data).build())
  }

  static void encode(AudioSampleFormat f, Number v, ByteBuffer b, int at) {
    switch (f) {
      case [U8, U8_PLANAR]: b.put(at, v as int as byte); break
      case [S16, S16_PLANAR]: b.putShort(at, v as short); break
      case [S32, S32_PLANAR]: b.putInt(at, v as int); break
      default: b.putFloat(at, v as float)
    }
  }

  static List<Number> decode(AudioSampleFormat f, ByteBuffer b, int n) {
    int bps = f.bytesPerSample
    (0..<n).collect {
      switch (f) {
        case [U8, U8_PLANAR]: return b.get(it * bps) & 0xFF
        case [S16, S16_PLANAR]: return b.getShort(it * bps) as int
        case [S32, S32_PLANAR]: return b.getInt(it * bps)
        default: return b.getFloat(it * bps)
      }
    }
  }

  def "a destination too small fails with IllegalArgumentException"() {
    given:
    def a = track(countingAudio(F32, 2, 10))

    when:
    a.copyTo(ByteBuffer.allocate(79), AudioDataCopyToOptions.plane(0))

    then:
    thrown(IllegalArgumentException)
  }

  def "wrapAudioData views a FrameBuffer in place and releases it once on close"() {
    given:
    def released = 0
    def fb = FrameBuffer.wrap(ByteBuffer.allocateDirect(16), { released++ } as Runnable)

    when:
    def a = MediaFrames.wrapAudioData(fb, S16_PLANAR, 48000f, 4, 2, 77)
    a.getPlane(1).putShort(0, 1234 as short)

    then:
    a.writable
    fb.memory.order(ByteOrder.LITTLE_ENDIAN).getShort(8) == 1234 as short
    a.timestamp == 77

    when:
    a.close()
    a.close()

    then:
    released == 1

    when:
    MediaFrames.wrapAudioData(FrameBuffer.wrap(ByteBuffer.allocate(15), { released++ } as Runnable), S16_PLANAR,
        48000f, 4, 2, 0)

    then:
    thrown(IllegalArgumentException)
    released == 2
  }
}
