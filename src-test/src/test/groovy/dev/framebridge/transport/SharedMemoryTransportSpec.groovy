package dev.framebridge.transport

import dev.framebridge.sdk.insertable.MediaStreamTrackGenerator
import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.media.AudioDataInit
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.sdk.track.ConstrainInteger
import dev.framebridge.sdk.track.MediaTrackConstraints
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TrackHandle
import dev.framebridge.sdk.transport.TransportOptions
import dev.framebridge.sdk.transport.channel.SlotFrame
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.AudioDataCopyToOptions
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Specification

/** The transport's API in one JVM: handles, errors, audio, what the host can do with an opened track. */
class SharedMemoryTransportSpec extends Specification {
  Path root = Files.createTempDirectory(Path.of('/dev/shm'), 'fb-spec-')
  SharedMemoryTransport host = SharedMemoryTransport.create(TransportOptions.builder().root(root).build())

  def cleanup() {
    host.close()
    InstanceDirectory.deleteRecursively(root)
  }

  def "a handle is a short string that parses back to the same channel"() {
    given:
    def handle = host.createChannel(TrackKind.VIDEO, 'plugin1-out')

    expect:
    handle.format() == "fb1:${host.directory}/plugin1-out"
    TrackHandle.parse(handle.format()) == handle
    handle.format().length() < 120
  }

  def "a malformed handle is rejected naming what is wrong: #text"() {
    when:
    TrackHandle.parse(text)

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(expected)

    where:
    text                       | expected
    '/dev/shm/x/cam'           | 'not a track handle'
    'fb1:cam'                  | "needs '<absolute directory>/<channel>'"
    'fb1:relative/dir/cam'     | 'must be absolute'
    'fb1:/dev/shm/x/c a m'     | 'must be 1-64 characters'
  }

  def "opening a channel that does not exist names the missing file"() {
    when:
    host.open(TrackHandle.of(host.directory, 'nope'))

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains("${host.directory}/nope.ctl")
  }

  def "publishing a track into a channel of the other kind is refused"() {
    given:
    def out = host.createChannel(TrackKind.AUDIO, 'mic')

    when:
    host.publish(new VideoTrackGenerator().track, out)

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains('carries audio')
  }

  def "audio crosses with its format, rate, channels, timestamp and samples"() {
    given:
    def generator = new MediaStreamTrackGenerator('audio')
    def publication = host.publish(generator)
    def opened = host.open(publication.handle)
    def reader = new MediaStreamTrackProcessor<AudioData>(opened).readable.reader
    float[] samples = (0..<960).collect { it / 960f } as float[]

    when:
    generator.writable.writer.write(MediaFrames.createAudioData(AudioDataInit.builder().format(AudioSampleFormat.F32)
        .sampleRate(48000f).numberOfFrames(480).numberOfChannels(2).timestamp(20_000L).data(samples).build()))
        .get(10, TimeUnit.SECONDS)
    AudioData a = reader.read().get(10, TimeUnit.SECONDS).value
    def copy = ByteBuffer.allocate(a.allocationSize(AudioDataCopyToOptions.plane(0))).order(ByteOrder.LITTLE_ENDIAN)
    a.copyTo(copy, AudioDataCopyToOptions.plane(0))
    def back = (0..<960).collect { copy.getFloat(it * 4) }

    then:
    a.format == AudioSampleFormat.F32
    a.sampleRate == 48000f
    a.numberOfChannels == 2
    a.numberOfFrames == 480
    a.timestamp == 20_000L
    back == samples.toList()

    cleanup:
    a?.close()
  }

  def "the host can clone an opened track and constrain the clone; each gets its own frames"() {
    given:
    def generator = new VideoTrackGenerator('camera')
    def publication = host.publish(generator.track)
    def opened = host.open(publication.handle)
    def small = opened.clone()
    small.applyConstraints(MediaTrackConstraints.builder().width(ConstrainInteger.exact(160))
        .height(ConstrainInteger.exact(120)).build()).get(10, TimeUnit.SECONDS)
    def full = new MediaStreamTrackProcessor<VideoFrame>(opened, 4).readable.reader
    def scaled = new MediaStreamTrackProcessor<VideoFrame>(small, 4).readable.reader
    def data = ByteBuffer.allocateDirect(320 * 240 * 4)

    when:
    generator.writable.writer.write(MediaFrames.createVideoFrame(data, VideoFrameInit.of(VideoPixelFormat.RGBA, 320,
        240, 7L))).get(10, TimeUnit.SECONDS)
    VideoFrame a = full.read().get(10, TimeUnit.SECONDS).value
    VideoFrame b = scaled.read().get(10, TimeUnit.SECONDS).value

    then:
    [a.displayWidth, a.displayHeight, a.timestamp] == [320, 240, 7L]
    [b.displayWidth, b.displayHeight, b.timestamp] == [160, 120, 7L]
    MediaFrames.getBuffer(a).tag instanceof SlotFrame
    small.settings.width == 160
    opened.settings.width == 320

    cleanup:
    a?.close()
    b?.close()
  }

  def "frames allocated from a publication are written once, in their slot, and committed in place"() {
    given:
    def generator = new VideoTrackGenerator('camera')
    def publication = host.publish(generator.track)
    def reader = new MediaStreamTrackProcessor<VideoFrame>(host.open(publication.handle), 8).readable.reader

    when: 'one frame is allocated and written, another allocated and dropped'
    VideoFrame frame = publication.allocator.allocateVideoFrame(VideoPixelFormat.RGBA, 64, 48, 5L)
    Patterns.fill(frame.getPlane(0), 64 * 48 * 4, 5L)
    generator.writable.writer.write(frame).get(10, TimeUnit.SECONDS)
    publication.allocator.allocateVideoFrame(VideoPixelFormat.RGBA, 64, 48, 6L).close()
    VideoFrame got = reader.read().get(10, TimeUnit.SECONDS).value

    then:
    publication.framesCommittedInPlace == 1
    publication.framesPublished == 1
    got.timestamp == 5L
    Patterns.firstMismatch(got.getPlane(0), 64 * 48 * 4, 5L) == -1

    cleanup:
    got?.close()
  }

  def "closing the host's transport ends its publications and deletes its directory"() {
    given:
    def generator = new VideoTrackGenerator('camera')
    def publication = host.publish(generator.track)
    def dir = host.directory

    when:
    host.close()

    then:
    publication.closed
    !Files.exists(dir)
  }
}
