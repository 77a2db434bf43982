package dev.framebridge.audio

import dev.framebridge.host.audio.SyntheticToneSource
import dev.framebridge.host.audio.WavAudio
import dev.framebridge.host.audio.WavSampleEncoding
import dev.framebridge.host.audio.WavWriter
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path
import javax.sound.sampled.AudioFormat
import javax.sound.sampled.AudioSystem
import spock.lang.Specification
import spock.lang.TempDir

class WavSpec extends Specification {

  @TempDir
  Path dir

  static float[][] ramp(int channels, int frames) {
    float[][] p = new float[channels][frames]
    for (c in 0..<channels) {
      for (i in 0..<frames) {
        p[c][i] = (float) (Math.sin(i * 0.01 + c) * 0.9)
      }
    }
    p
  }

  def "#encoding with #channels channels round-trips through the reader within quantisation"() {
    given:
    def file = dir.resolve("rt.wav")
    def samples = ramp(channels, 4800)

    when:
    def w = WavWriter.create(file, 48000, channels, encoding)
    w.writePlanar(samples, 4800)
    w.close()
    def wav = WavAudio.read(file)

    then:
    wav.sampleRate == 48000
    wav.numberOfChannels == channels
    wav.numberOfFrames == 4800
    wav.formatTag == encoding.formatTag
    wav.bitsPerSample == encoding.bitsPerSample
    (0..<channels).every { c -> (0..<4800).every { i -> Math.abs(wav.getChannel(c)[i] - samples[c][i]) <= tolerance } }

    where:
    encoding                    | channels | tolerance
    WavSampleEncoding.PCM_16    | 1        | 2.0 / 32767
    WavSampleEncoding.PCM_16    | 2        | 2.0 / 32767
    WavSampleEncoding.FLOAT_32  | 1        | 0
    WavSampleEncoding.FLOAT_32  | 2        | 0
  }

  def "the header fields are those of RIFF/WAVE, with sizes patched on close (#encoding)"() {
    given:
    def file = dir.resolve("h.wav")

    when:
    def w = WavWriter.create(file, 44100, 2, encoding)
    w.writePlanar(ramp(2, 1000), 1000)
    w.close()
    w.close()
    def b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN)
    def ascii = { int at -> new String(Files.readAllBytes(file), at, 4, "US-ASCII") }
    int dataBytes = 1000 * 2 * encoding.bytesPerSample

    then:
    ascii(0) == "RIFF" && ascii(8) == "WAVE" && ascii(12) == "fmt "
    b.getInt(4) == Files.size(file) - 8
    b.getShort(20) == encoding.formatTag
    b.getShort(22) == 2
    b.getInt(24) == 44100
    b.getInt(28) == 44100 * 2 * encoding.bytesPerSample
    b.getShort(32) == 2 * encoding.bytesPerSample
    b.getShort(34) == encoding.bitsPerSample
    ascii(header - 8) == "data"
    b.getInt(header - 4) == dataBytes
    Files.size(file) == header + dataBytes
    encoding != WavSampleEncoding.FLOAT_32 || (ascii(38) == "fact" && b.getInt(46) == 1000)

    where:
    encoding                   | header
    WavSampleEncoding.PCM_16   | 44
    WavSampleEncoding.FLOAT_32 | 58
  }

  def "the JDK's own WAV reader accepts the file (#encoding)"() {
    given:
    def file = dir.resolve("jdk.wav")
    def w = WavWriter.create(file, 48000, 1, encoding)
    w.writePlanar(ramp(1, 48000), 48000)
    w.close()

    when:
    def fmt = AudioSystem.getAudioFileFormat(file.toFile())

    then:
    fmt.frameLength == 48000
    fmt.format.sampleRate == 48000f
    fmt.format.encoding == expected

    where:
    encoding                   | expected
    WavSampleEncoding.PCM_16   | AudioFormat.Encoding.PCM_SIGNED
    WavSampleEncoding.FLOAT_32 | AudioFormat.Encoding.PCM_FLOAT
  }

  def "sizes are patched about every second, so an unclosed recording is readable up to the last patch"() {
    given:
    def file = dir.resolve("live.wav")
    def w = WavWriter.create(file, 48000, 1, WavSampleEncoding.PCM_16)

    when: "1.5 s written, not closed"
    150.times { w.writePlanar(ramp(1, 480), 480) }
    def b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN)

    then:
    b.getInt(40) >= 48000 * 2
    b.getInt(40) <= 150 * 480 * 2

    cleanup:
    w?.close()
  }

  def "a real tone recorded and read back keeps its samples and length"() {
    given:
    def file = dir.resolve("tone.wav")
    def tone = SyntheticToneSource.builder().paced(false).build()
    def w = WavWriter.create(file, tone.format, WavSampleEncoding.FLOAT_32)
    float[][] planes = new float[1][480]
    def all = []

    when:
    100.times { tone.read(planes); w.writePlanar(planes, 480); all.addAll(planes[0] as List) }
    w.close()
    def wav = WavAudio.read(file)

    then:
    wav.numberOfFrames == 48000
    Math.abs(wav.durationSeconds - 1.0) < 1e-9
    wav.getChannel(0) as List == all
  }

  def "bad files fail with IllegalArgumentException naming the file and the cause: #why"() {
    given:
    def file = dir.resolve("bad.wav")
    Files.write(file, bytes as byte[])

    when:
    WavAudio.read(file)

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(file.toString())
    e.message.contains(cause)

    where:
    why            | bytes                                            | cause
    "empty"        | []                                               | "RIFF"
    "not RIFF"     | "RIFX\0\0\0\0WAVEjunk".bytes as List             | "RIFF"
    "wrong size"   | ("RIFF".bytes as List) + [99, 0, 0, 0] + ("WAVE".bytes as List) | "size"
    "no fmt"       | ("RIFF".bytes as List) + [4, 0, 0, 0] + ("WAVE".bytes as List) | "fmt"
  }

  def "writing a chunk whose shape differs from the file fails and names the file"() {
    given:
    def file = dir.resolve("w.wav")
    def w = WavWriter.create(file, 48000, 2, WavSampleEncoding.PCM_16)

    when:
    w.close()
    w.writePlanar(ramp(2, 10), 10)

    then:
    def e = thrown(IllegalStateException)
    e.message.contains(file.toString())
  }
}
