package dev.framebridge.transport

import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.media.MediaFrames
import dev.framebridge.sdk.media.VideoFrameInit
import dev.framebridge.sdk.stream.ReadResult
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.track.MediaStreamTrackState
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TransportOptions
import dev.framebridge.sdk.transport.channel.SlotFrame
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.testing.ChildJvm
import java.nio.ByteBuffer
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.lang.Specification

/** Tracks crossing JVMs: CONFORMANCE C-70 to C-74, each with a real plugin JVM. */
class TrackTransportSpec extends Specification {
  Path root = Files.createTempDirectory(Path.of('/dev/shm'), 'fb-spec-')
  SharedMemoryTransport host = SharedMemoryTransport.create(TransportOptions.builder().root(root).build())
  List<AutoCloseable> closeables = []

  def cleanup() {
    closeables.reverse().each { c ->
      try { c.close() } catch (Exception ignored) { }
    }
    host.close()
    InstanceDirectory.deleteRecursively(root)
  }

  private <T extends AutoCloseable> T using(T c) {
    closeables << c
    c
  }

  private static VideoFrame patternFrame(int w, int h, long ts) {
    def data = ByteBuffer.allocateDirect(w * h * 4)
    Patterns.fill(data, w * h * 4, ts)
    MediaFrames.createVideoFrame(data, VideoFrameInit.of(VideoPixelFormat.RGBA, w, h, ts))
  }

  private static void write(VideoTrackGenerator generator, VideoFrame frame) {
    generator.writable.writer.with {
      write(frame).get(10, TimeUnit.SECONDS)
      releaseLock()
    }
  }

  def "C-70 a track published by one JVM and opened by a processor in another JVM delivers the same frames in order"() {
    given: 'a host track published, a plugin JVM reading it with a processor'
    def generator = new VideoTrackGenerator('camera')
    def publication = host.publish(generator.track)
    def plugin = using(ChildJvm.start(PluginChildMain, ['read', publication.handle.format()]))
    plugin.awaitKey('ready')
    def sent = [[320, 240, 1000L], [320, 240, 34333L], [640, 360, 67666L], [640, 360, 101000L], [64, 48, 134333L]]

    when: 'frames are written one after another, including size changes'
    def got = sent.withIndex().collect { s, i ->
      write(generator, patternFrame(s[0] as int, s[1] as int, s[2] as long))
      plugin.awaitKey("frame${i + 1}")
    }

    then: 'the plugin saw the same size, format, timestamp and pixels, in order'
    got == sent.collect { "${it[2]},${it[0]}x${it[1]},RGBA,true".toString() }
    publication.framesPublished == sent.size()
  }

  def "C-71 a generator in a plugin JVM returns a track to the host; frames arrive with their timestamps"() {
    given: 'the host makes the output channel and opens it before the plugin starts'
    def out = host.createChannel(TrackKind.VIDEO, 'plugin1-out')
    MediaStreamTrack track = host.open(out)
    def processor = new MediaStreamTrackProcessor<VideoFrame>(track, 64)
    def reader = processor.readable.reader
    def plugin = using(ChildJvm.start(PluginChildMain, ['generate', out.format()]))
    plugin.awaitKey('ready')

    when:
    def timestamps = [5000L, 21666L, 38333L, 55000L]
    def received = timestamps.collect { ts ->
      plugin.send("frame $ts 320 240")
      ReadResult<VideoFrame> r = reader.read().get(10, TimeUnit.SECONDS)
      VideoFrame f = r.value
      try {
        [f.timestamp, f.codedWidth, f.codedHeight, Patterns.firstMismatch(f.getPlane(0), 320 * 240 * 4, f.timestamp)]
      } finally {
        f.close()
      }
    }

    then:
    received == timestamps.collect { [it, 320, 240, -1] }
    track.readyState == MediaStreamTrackState.LIVE
    track.settings.width == 320
    track.settings.height == 240
  }

  def "C-72 stopping the host's track ends the processor's readable in the plugin JVM"() {
    given:
    def generator = new VideoTrackGenerator('camera')
    def publication = host.publish(generator.track)
    def plugin = using(ChildJvm.start(PluginChildMain, ['read', publication.handle.format()]))
    plugin.awaitKey('ready')
    write(generator, patternFrame(64, 48, 1))
    plugin.awaitKey('frame1')

    when:
    generator.track.stop()

    then:
    plugin.awaitKey('readableClosed', 10) == '1'
    plugin.waitFor(10) == 0
  }

  def "C-72 closing the plugin's writer ends the host's track: ended fires in the host"() {
    given:
    def out = host.createChannel(TrackKind.VIDEO, 'plugin1-out')
    def subscription = host.subscribe(out)
    MediaStreamTrack track = subscription.track
    def ended = new CountDownLatch(1)
    track.addEndedListener { ended.countDown() }
    def plugin = using(ChildJvm.start(PluginChildMain, ['generate', out.format()]))
    plugin.awaitKey('ready')
    plugin.send('frame 1 64 48')
    plugin.awaitKey('wrote1')

    when:
    plugin.send('close')

    then:
    ended.await(10, TimeUnit.SECONDS)
    track.readyState == MediaStreamTrackState.ENDED
    subscription.framesReceived == 1
  }

  def "C-73 muted set in the plugin JVM fires mute and unmute on the host's track"() {
    given:
    def out = host.createChannel(TrackKind.VIDEO, 'plugin1-out')
    MediaStreamTrack track = host.open(out)
    def mute = new CountDownLatch(1)
    def unmute = new CountDownLatch(1)
    track.addMuteListener { mute.countDown() }
    track.addUnmuteListener { unmute.countDown() }
    def plugin = using(ChildJvm.start(PluginChildMain, ['generate', out.format()]))
    plugin.awaitKey('ready')

    when:
    plugin.send('mute')

    then:
    mute.await(10, TimeUnit.SECONDS)
    track.muted
    unmute.count == 1

    when:
    plugin.send('unmute')

    then:
    unmute.await(10, TimeUnit.SECONDS)
    !track.muted
  }

  def "C-74 a plugin JVM killed mid-write never makes a half-written frame visible to the host"() {
    given: 'the plugin renders 1280x720 frames straight into shared-memory slots as fast as it can'
    def out = host.createChannel(TrackKind.VIDEO, 'plugin1-out')
    MediaStreamTrack track = host.open(out)
    def ended = new CountDownLatch(1)
    track.addEndedListener { ended.countDown() }
    def processor = new MediaStreamTrackProcessor<VideoFrame>(track, 64)
    def reader = processor.readable.reader
    def plugin = using(ChildJvm.start(PluginChildMain, ['generate', out.format()]))
    plugin.awaitKey('ready')
    plugin.send('stream 1280 720')
    int good = 0
    int bad = 0
    boolean killed = false

    when: 'it is killed while streaming and the host reads to the end'
    while (true) {
      ReadResult<VideoFrame> r = reader.read().get(10, TimeUnit.SECONDS)
      if (r.done) {
        break
      }
      VideoFrame f = r.value
      try {
        def slot = MediaFrames.getBuffer(f).tag as SlotFrame
        boolean ok = Patterns.firstMismatch(f.getPlane(0), 1280 * 720 * 4, f.timestamp) == -1 && slot.intact
        ok ? good++ : bad++
      } finally {
        f.close()
      }
      if (good >= 60 && !killed) {
        plugin.kill()
        killed = true
      }
    }

    then: 'every frame the host saw was whole, and the track ended'
    killed
    bad == 0
    good >= 60
    ended.await(5, TimeUnit.SECONDS)
  }

  def "a frame a plugin passes on unchanged reaches the host by reference, never copied, and intact"() {
    given: 'host camera -> plugin identity -> host'
    def camera = new VideoTrackGenerator('camera')
    def publication = host.publish(camera.track)
    def out = host.createChannel(TrackKind.VIDEO, 'identity-out')
    def subscription = host.subscribe(out)
    def reader = new MediaStreamTrackProcessor<VideoFrame>(subscription.track, 64).readable.reader
    def plugin = using(ChildJvm.start(PluginChildMain, ['identity', publication.handle.format(), out.format()]))
    plugin.awaitKey('ready')

    when: 'the camera writes each frame once into its slot; the host reads what comes back'
    def back = (1..6).collect { long ts ->
      VideoFrame frame = publication.allocator.allocateVideoFrame(VideoPixelFormat.RGBA, 320, 240, ts)
      Patterns.fill(frame.getPlane(0), 320 * 240 * 4, ts)
      write(camera, frame)
      VideoFrame f = reader.read().get(10, TimeUnit.SECONDS).value
      try {
        def slot = MediaFrames.getBuffer(f).tag as SlotFrame
        [f.timestamp, Patterns.firstMismatch(f.getPlane(0), 320 * 240 * 4, f.timestamp), slot.dataChannel,
         slot.forwarded]
      } finally {
        f.close()
      }
    }
    camera.writable.writer.close().get(10, TimeUnit.SECONDS)

    then: 'the bytes the host reads are the camera slot itself'
    back == (1..6).collect { [it as long, -1, publication.handle.channel, true] }
    publication.framesCommittedInPlace == 6
    plugin.awaitKey('forwarded') == '6/6'
  }
}
