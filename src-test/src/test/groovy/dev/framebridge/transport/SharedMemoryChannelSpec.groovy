package dev.framebridge.transport

import dev.framebridge.sdk.transport.channel.ChannelDescriptor
import dev.framebridge.sdk.transport.channel.ChannelPublisher
import dev.framebridge.sdk.transport.channel.ChannelSubscriber
import dev.framebridge.sdk.transport.channel.RingDescriptor
import dev.framebridge.sdk.transport.channel.SharedDataException
import dev.framebridge.sdk.transport.channel.SlotDescriptor
import dev.framebridge.sdk.transport.channel.SlotFrame
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.testing.ChildJvm
import java.lang.management.ManagementFactory
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** The channel under the tracks: crash safety, resizing, files, reclaiming, bounded memory, bad data. */
class SharedMemoryChannelSpec extends Specification {
  Path root = Files.createTempDirectory(Path.of('/dev/shm'), 'fb-spec-')
  InstanceDirectory dir = InstanceDirectory.create(root)
  List<AutoCloseable> closeables = []

  def cleanup() {
    closeables.reverse().each { c ->
      try { c.close() } catch (Exception ignored) { }
    }
    dir.close()
    InstanceDirectory.deleteRecursively(root)
  }

  private <T extends AutoCloseable> T using(T c) {
    closeables << c
    c
  }

  private static void publishPattern(ChannelPublisher out, int w, int h, long ts) {
    int size = VideoPixelFormat.RGBA.frameBytes(w, h)
    int token = out.claim(size)
    Patterns.fill(out.buffer(token), size, ts)
    assert out.commitVideo(token, VideoPixelFormat.RGBA, w, h, w, h, ts, 1000)
  }

  def "a publisher killed mid-write never exposes the half-written frame, and its subscriber sees the end"() {
    given:
    ChannelPublisher.prepare(dir.path, 'cam', TrackKind.VIDEO, 8)
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    def child = using(ChildJvm.start(ChannelChildMain, ['stall', dir.path, 'cam', 64, 48]))
    child.awaitKey('midwrite')

    when: 'the first frame is read and the publisher dies while writing the second'
    SlotFrame first = sub.await(10_000_000_000L)
    def firstTs = first.timestampUs
    def firstOk = Patterns.firstMismatch(first.data, first.sizeBytes, first.timestampUs) == -1
    first.close()
    child.kill()
    long killedAt = System.nanoTime()
    SlotFrame next = sub.await(10_000_000_000L)
    long seenEndMs = (System.nanoTime() - killedAt).intdiv(1_000_000)

    then:
    firstTs == 1 && firstOk
    next == null
    sub.ended
    sub.publisherGone
    seenEndMs <= ChannelDescriptor.HEARTBEAT_TIMEOUT_NS.intdiv(1_000_000) + 500
    sub.framesReceived == 1
  }

  def "a publisher killed mid-stream never yields a torn frame; every byte matches its timestamp"() {
    given:
    ChannelPublisher.prepare(dir.path, 'cam', TrackKind.VIDEO, 8)
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    def child = using(ChildJvm.start(ChannelChildMain, ['publish', dir.path, 'cam', 640, 360, -1]))
    child.awaitKey('ready')
    int good = 0
    int torn = 0

    when:
    long killedAt = 0
    while (true) {
      SlotFrame f = sub.await(10_000_000_000L)
      if (f == null) {
        break
      }
      try {
        if (Patterns.firstMismatch(f.data, f.sizeBytes, f.timestampUs) == -1 && f.intact) {
          good++
        } else {
          torn++
        }
      } finally {
        f.close()
      }
      if (good == 300 && killedAt == 0) {
        child.kill()
        killedAt = System.nanoTime()
      }
    }
    long endMs = (System.nanoTime() - killedAt).intdiv(1_000_000)

    then:
    killedAt != 0
    torn == 0
    good >= 300
    sub.ended
    endMs <= ChannelDescriptor.HEARTBEAT_TIMEOUT_NS.intdiv(1_000_000) + 500
  }

  def "a frame-size change mid-stream is delivered correctly, without restarting the channel"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    def sizes = [[320, 240], [320, 240], [1280, 720], [1280, 720], [64, 48]]
    def seen = []

    when:
    sizes.eachWithIndex { wh, i ->
      publishPattern(out, wh[0], wh[1], i + 1)
      SlotFrame f = sub.poll()
      seen << [f.width, f.height, f.sizeBytes, Patterns.firstMismatch(f.data, f.sizeBytes, f.timestampUs)]
      f.close()
    }

    then:
    seen == sizes.collect { [it[0], it[1], it[0] * it[1] * 4, -1] }
    sub.dropped == 0
    ringFiles().size() == 1
    ringFiles()[0].fileName.toString() == 'cam.3.ring'
  }

  private List<Path> ringFiles() {
    Files.list(dir.path).withCloseable { s -> s.filter { it.toString().endsWith('.ring') }.toList() }
  }

  def "files are 0600, directories 0700, and everything is gone after shutdown"() {
    given:
    def out = ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8)
    publishPattern(out, 64, 48, 1)
    ChannelPublisher.prepare(dir.path, 'out', TrackKind.VIDEO, 8)
    def files = Files.list(dir.path).withCloseable { it.toList() }

    expect:
    files*.fileName*.toString().toSorted() == ['cam.1.ring', 'cam.ctl', 'out.ctl', InstanceDirectory.OWNER_FILE].toSorted()
    files.every { PosixFilePermissions.toString(Files.getPosixFilePermissions(it)) == 'rw-------' }
    PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path)) == 'rwx------'
    PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path.parent)) == 'rwx------'

    when:
    out.close()
    dir.close()

    then:
    !Files.exists(dir.path)
  }

  def "a starting host reclaims the directory of a dead host, not of a live one"() {
    given:
    def dead = using(ChildJvm.start(ChannelChildMain, ['host', root]))
    def live = using(ChildJvm.start(ChannelChildMain, ['host', root]))
    Path deadDir = Path.of(dead.awaitKey('dir'))
    Path liveDir = Path.of(live.awaitKey('dir'))
    Files.write(deadDir.resolve('cam.ctl'), new byte[4096])

    when:
    dead.kill()
    def next = using(InstanceDirectory.create(root))

    then:
    next.reclaimed == [deadDir]
    !Files.exists(deadDir)
    Files.isDirectory(liveDir)
    Files.isDirectory(next.path)
  }

  def "shared memory stays flat: the same after 2,000 1080p frames as after 200"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    int size = VideoPixelFormat.RGBA.frameBytes(1920, 1080)
    def pump = { int n ->
      n.times {
        int token = out.claim(size)
        out.buffer(token).putLong(0, it)
        out.commitVideo(token, VideoPixelFormat.RGBA, 1920, 1080, 1920, 1080, it, 1000)
        SlotFrame f = sub.poll()
        f?.close()
      }
    }

    when:
    pump(200)
    def after200 = [bytesIn(dir.path), mappingsOf(dir.path), out.sharedBytes]
    pump(1800)
    def after2000 = [bytesIn(dir.path), mappingsOf(dir.path), out.sharedBytes]

    then:
    after2000 == after200
    after200[2] <= ChannelDescriptor.LENGTH + RingDescriptor.fileLength(8, RingDescriptor.slotCapacityFor(size))
    after200[2] <= 8L * size + 64 * 4096
  }

  private static long bytesIn(Path d) {
    Files.list(d).withCloseable { s -> s.mapToLong { Files.size(it) }.sum() }
  }

  /** Mappings of files in {@code d} by this process, deleted ones included (df sees those, du does not). */
  private static int mappingsOf(Path d) {
    Files.readAllLines(Path.of('/proc/self/maps')).count { it.contains(d.toString()) } as int
  }

  def "a control page of another layout version is rejected with a clear error"() {
    given:
    ChannelPublisher.prepare(dir.path, 'cam', TrackKind.VIDEO, 8)
    poke(ChannelDescriptor.controlFile(dir.path, 'cam'), ChannelDescriptor.VERSION_OFFSET, 99)

    when:
    ChannelSubscriber.open(dir.path, 'cam')

    then:
    def e = thrown(SharedDataException)
    e.message.contains('cam.ctl')
    e.message.contains('wrong layout version 99')
  }

  def "a ring of another layout version is rejected with a clear error"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    publishPattern(out, 64, 48, 1)
    poke(ChannelDescriptor.ringFile(dir.path, 'cam', 1), RingDescriptor.VERSION_OFFSET, 7)

    when:
    sub.poll()

    then:
    def e = thrown(SharedDataException)
    e.message.contains('cam.1.ring')
    e.message.contains('wrong layout version 7')
  }

  def "a frame descriptor pointing outside the ring, or with a wrong size, is rejected; the reader goes on"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    def ring = ChannelDescriptor.ringFile(dir.path, 'cam', 1)
    def stride = RingDescriptor.slotStride(RingDescriptor.slotCapacityFor(64 * 48 * 4))

    when: 'frame 1 points past the end of the file, frame 2 claims a wrong size, frame 3 is fine'
    (1..3).each { publishPattern(out, 64, 48, it) }
    pokeLong(ring, RingDescriptor.slotOffset(stride, 0) + SlotDescriptor.DATA_OFFSET_OFFSET, 1L << 40)
    poke(ring, RingDescriptor.slotOffset(stride, 1) + SlotDescriptor.SIZE_OFFSET, 1234)
    SlotFrame f = using(sub.poll())

    then:
    f.timestampUs == 3
    Patterns.firstMismatch(f.data, f.sizeBytes, 3) == -1
    sub.rejected == 2
    sub.lastRejection.contains('cam.1.ring')
    sub.lastRejection.contains('says 1234 bytes')
  }

  def "a descriptor outside the ring names the cause"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    publishPattern(out, 64, 48, 1)
    long stride = RingDescriptor.slotStride(RingDescriptor.slotCapacityFor(64 * 48 * 4))
    pokeLong(ChannelDescriptor.ringFile(dir.path, 'cam', 1),
        RingDescriptor.slotOffset(stride, 0) + SlotDescriptor.DATA_OFFSET_OFFSET, 1L << 40)

    expect:
    sub.poll() == null
    sub.rejected == 1
    sub.lastRejection.contains('points outside its slot')
  }

  def "a subscriber waiting with no frames coming uses under 2% of a core"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    def threads = ManagementFactory.threadMXBean

    when:
    long cpu0 = threads.currentThreadCpuTime
    long t0 = System.nanoTime()
    def f = sub.await(1_000_000_000L)
    long cpu = threads.currentThreadCpuTime - cpu0
    long wall = System.nanoTime() - t0

    then:
    f == null
    cpu < wall * 0.02
  }

  def "a slow subscriber never blocks the publisher: the oldest frames are dropped and counted"() {
    given:
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))

    when: 'twenty frames while nobody reads, one of them held'
    publishPattern(out, 64, 48, 1)
    SlotFrame held = using(sub.poll())
    (2..20).each { publishPattern(out, 64, 48, it) }
    def read = []
    SlotFrame f
    while ((f = sub.poll()) != null) {
      read << f.timestampUs
      f.close()
    }

    then: 'the held slot was skipped, not overwritten; the reader gets the newest seven in order'
    out.framesPublished == 20
    held.intact
    read == (14..20).toList()
    sub.dropped == 12
  }

  private static void poke(Path file, long offset, int value) {
    FileChannel.open(file, StandardOpenOption.WRITE).withCloseable {
      it.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset)
    }
  }

  private static void pokeLong(Path file, long offset, long value) {
    FileChannel.open(file, StandardOpenOption.WRITE).withCloseable {
      it.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value), offset)
    }
  }

  def "a claim outstanding across a ring change or close keeps its memory mapped until it is given back"() {
    given:
    def out = ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8)
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))
    int token = out.claim(64 * 48 * 4)
    def memory = out.buffer(token)

    when: 'a bigger frame replaces the ring, then the publisher closes, while the first claim is still being written'
    publishPattern(out, 640, 480, 1)
    SlotFrame f = using(sub.poll())
    Patterns.fill(memory, 64 * 48 * 4, 9)
    def committed = out.commitVideo(token, VideoPixelFormat.RGBA, 64, 48, 64, 48, 9, 1000)
    int late = out.claim(16)
    def lateMemory = out.buffer(late)
    out.close()
    Patterns.fill(lateMemory, 16, 3)
    out.abort(late)

    then: 'the orphaned write is dropped, not published, and nothing crashed'
    !committed
    f.width == 640
    sub.poll() == null
    sub.ended
  }

  def "a subscriber JVM that dies holding frames never blocks the publisher, and its slots are not rewritten under it"() {
    given: 'a subscriber JVM reads three frames, keeps them, and is killed'
    def out = using(ChannelPublisher.create(dir.path, 'cam', TrackKind.VIDEO, 8))
    def reader = using(ChildJvm.start(ChannelChildMain, ['hold', dir.path, 'cam', 3]))
    (1..3).each { publishPattern(out, 64, 48, it) }
    assert reader.awaitKey('holding') == '1,2,3'
    reader.kill()
    def sub = using(ChannelSubscriber.open(dir.path, 'cam'))

    when: 'the publisher keeps going'
    def claims = (4..40).collect { ts ->
      int size = 64 * 48 * 4
      int token = out.claim(size)
      if (token >= 0) {
        Patterns.fill(out.buffer(token), size, ts)
        out.commitVideo(token, VideoPixelFormat.RGBA, 64, 48, 64, 48, ts, 1000)
      }
      token
    }
    def read = []
    SlotFrame f
    while ((f = sub.poll()) != null) {
      read << [f.timestampUs, Patterns.firstMismatch(f.data, f.sizeBytes, f.timestampUs)]
      f.close()
    }

    then: 'every claim succeeded at once, rotating through the five free slots; the three held were left alone'
    claims.every { it >= 0 }
    out.framesPublished == 40
    read*.get(1).every { it == -1 }
    read*.get(0) == [1L, 2L, 3L] + (36..40).collect { it as long }
  }
}
