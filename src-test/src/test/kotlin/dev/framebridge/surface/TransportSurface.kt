@file:Suppress("unused", "UNUSED_VARIABLE")

package dev.framebridge.surface

import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TrackHandle
import dev.framebridge.sdk.transport.TrackPublication
import dev.framebridge.sdk.transport.TrackSubscription
import dev.framebridge.sdk.transport.TransportOptions
import dev.framebridge.sdk.transport.bench.TransportBenchmark
import dev.framebridge.sdk.transport.channel.BackoffIdleStrategy
import dev.framebridge.sdk.transport.channel.ChannelDescriptor
import dev.framebridge.sdk.transport.channel.ChannelPublisher
import dev.framebridge.sdk.transport.channel.ChannelSubscriber
import dev.framebridge.sdk.transport.channel.PrivateFiles
import dev.framebridge.sdk.transport.channel.RingDescriptor
import dev.framebridge.sdk.transport.channel.SharedDataException
import dev.framebridge.sdk.transport.channel.SlotDescriptor
import dev.framebridge.sdk.transport.channel.SlotFrame
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioSampleFormat
import dev.framebridge.spi.media.VideoPixelFormat
import dev.framebridge.spi.transform.FrameAllocator
import java.nio.ByteBuffer
import java.nio.file.Path

/**
 * Compile-only: touches every public symbol of dev.framebridge.sdk.transport and its subpackages with explicit types,
 * so a change that hurts Kotlin callers breaks the build. Never run.
 */
fun transportSurface(track: MediaStreamTrack, root: Path) {
  val defaults: TransportOptions = TransportOptions.defaults()
  val options: TransportOptions = TransportOptions.builder().root(root).slotCount(8).build()
  val optRoot: Path = options.root
  val optSlots: Int = options.slotCount
  val defaultSlots: Int = TransportOptions.DEFAULT_SLOT_COUNT

  SharedMemoryTransport.create(options).use { host: SharedMemoryTransport ->
    val dir: Path = host.directory
    val owner: Boolean = host.isOwner
    val reclaimed: List<Path> = host.reclaimedDirectories
    val closed: Boolean = host.isClosed
    val out: TrackHandle = host.createChannel(TrackKind.VIDEO, "plugin1-out")
    val publication: TrackPublication = host.publish(track)
    val into: TrackPublication = host.publish(track, out)
    val opened: MediaStreamTrack = host.open(publication.handle)
    val subscription: TrackSubscription = host.subscribe(out)

    val handle: TrackHandle = publication.handle
    val published: MediaStreamTrack = publication.track
    val allocator: FrameAllocator = publication.allocator
    val frames: Long = publication.framesPublished
    val inPlace: Long = publication.framesCommittedInPlace
    val forwarded: Long = publication.framesForwarded
    val dropped: Long = publication.droppedFrames
    val shm: Long = publication.sharedBytes
    val pubClosed: Boolean = publication.isClosed
    publication.close()

    val subTrack: MediaStreamTrack = subscription.track
    val subHandle: TrackHandle = subscription.handle
    val received: Long = subscription.framesReceived
    val subDropped: Long = subscription.droppedFrames
    val subShm: Long = subscription.sharedBytes
    val rejected: Long = subscription.rejectedFrames
    val lastRejection: String? = subscription.lastRejection
    val subEnded: Boolean = subscription.isEnded
    subscription.close()

    val worker: SharedMemoryTransport = SharedMemoryTransport.attach(handle)
    val worker2: SharedMemoryTransport = SharedMemoryTransport.attach(dir)
    worker.close()
    worker2.close()
  }

  val handle: TrackHandle = TrackHandle.parse("fb1:/dev/shm/framebridge-me/host-1-abc/cam")
  val made: TrackHandle = TrackHandle.of(Path.of("/dev/shm/x"), "cam")
  val text: String = handle.format()
  val hDir: Path = handle.directory
  val hChannel: String = handle.channel
  val prefix: String = TrackHandle.PREFIX
  val same: Boolean = handle == made
  val hash: Int = handle.hashCode()
  val str: String = handle.toString()

  TransportBenchmark.main(arrayOf("--scenario", "memcpy"))
}

fun channelSurface(dir: Path) {
  ChannelPublisher.prepare(dir, "cam", TrackKind.VIDEO, 8)
  val attached: ChannelPublisher = ChannelPublisher.attach(dir, "cam")
  ChannelPublisher.create(dir, "mic", TrackKind.AUDIO, 8).use { p: ChannelPublisher ->
    val kind: TrackKind = p.kind
    val name: String = p.name
    val pDir: Path = p.directory
    val slots: Int = p.slotCount
    val published: Long = p.framesPublished
    val forwarded: Long = p.framesForwarded
    val overridden: Long = p.leasesOverridden
    val abandoned: Long = p.abandoned
    val shm: Long = p.sharedBytes
    val token: Int = p.claim(4096)
    val token2: Int = p.claim(4096, System.nanoTime())
    val buffer: ByteBuffer = p.buffer(token)
    val ok: Boolean = p.commitAudio(token, AudioSampleFormat.F32, 2, 512, 48000f, 0L, 10_000L)
    val ok2: Boolean = p.commitVideo(token2, VideoPixelFormat.RGBA, 32, 32, 32, 32, 0L, SlotDescriptor.NO_DURATION)
    p.abort(token2)
    val frameFromElsewhere: SlotFrame? = null
    val fwd: Boolean = frameFromElsewhere?.let { f: SlotFrame -> p.forward(f, 0L, SlotDescriptor.NO_DURATION, 32, 32) } ?: false
    p.setMuted(true)
    p.setSettings("label=mic")
    p.heartbeat()
    p.end()
    val closed: Boolean = p.isClosed
  }

  ChannelSubscriber.open(dir, "cam").use { s: ChannelSubscriber ->
    val slots: Int = s.slotCount
    val kind: TrackKind = s.kind
    val name: String = s.name
    val sDir: Path = s.directory
    val polled: SlotFrame? = s.poll()
    val awaited: SlotFrame? = s.await(1_000_000L)
    val ended: Boolean = s.isEnded
    val gone: Boolean = s.isPublisherGone
    val muted: Boolean = s.isMuted
    val version: Long = s.stateVersion
    val settings: String = s.settings
    val pid: Long = s.publisherPid
    val last: Long = s.lastSequence
    val received: Long = s.framesReceived
    val dropped: Long = s.dropped
    val rejected: Long = s.rejected
    val overwritten: Long = s.overwrittenWhileHeld
    val reason: String? = s.lastRejection
    val shm: Long = s.sharedBytes
    val closed: Boolean = s.isClosed
    awaited?.use { f: SlotFrame ->
      val seq: Long = f.sequence
      val fDir: Path = f.directory
      val dataChannel: String = f.dataChannel
      val dataGeneration: Long = f.dataGeneration
      val dataSlot: Int = f.dataSlot
      val dataSequence: Long = f.dataSequence
      val isForwarded: Boolean = f.isForwarded
      val ts: Long = f.timestampUs
      val duration: Long = f.durationUs
      val start: Long = f.writeStartNanos
      val format: Int = f.formatCode
      val w: Int = f.width
      val h: Int = f.height
      val dw: Int = f.displayWidth
      val dh: Int = f.displayHeight
      val rate: Float = f.sampleRate
      val size: Int = f.sizeBytes
      val data: ByteBuffer = f.data
      val intact: Boolean = f.isIntact
      val fClosed: Boolean = f.isClosed
    }
  }
  attached.close()

  val idle = BackoffIdleStrategy()
  idle.reset()
  idle.idle(0L)
  val idleConstants: List<Long> = listOf(BackoffIdleStrategy.SPINS.toLong(), BackoffIdleStrategy.YIELDS.toLong(),
    BackoffIdleStrategy.MIN_PARK_NS, BackoffIdleStrategy.ACTIVE_MAX_PARK_NS, BackoffIdleStrategy.IDLE_MAX_PARK_NS,
    BackoffIdleStrategy.ACTIVE_WINDOW_NS)

  val control: Path = ChannelDescriptor.controlFile(dir, "cam")
  val ring: Path = ChannelDescriptor.ringFile(dir, "cam", 1L)
  val channelConstants: List<Long> = listOf(ChannelDescriptor.MAGIC.toLong(), ChannelDescriptor.VERSION.toLong(),
    ChannelDescriptor.LENGTH.toLong(), ChannelDescriptor.MAGIC_OFFSET.toLong(), ChannelDescriptor.VERSION_OFFSET.toLong(),
    ChannelDescriptor.KIND_OFFSET.toLong(), ChannelDescriptor.SLOT_COUNT_OFFSET.toLong(),
    ChannelDescriptor.PUBLISHER_PID_OFFSET.toLong(), ChannelDescriptor.HEARTBEAT_NANOS_OFFSET.toLong(),
    ChannelDescriptor.RING_GENERATION_OFFSET.toLong(), ChannelDescriptor.RING_FIRST_SEQUENCE_OFFSET.toLong(),
    ChannelDescriptor.PUBLISHED_SEQUENCE_OFFSET.toLong(), ChannelDescriptor.ENDED_AFTER_SEQUENCE_OFFSET.toLong(),
    ChannelDescriptor.STATE_VERSION_OFFSET.toLong(), ChannelDescriptor.MUTED_OFFSET.toLong(),
    ChannelDescriptor.SETTINGS_LENGTH_OFFSET.toLong(), ChannelDescriptor.SETTINGS_OFFSET.toLong(),
    ChannelDescriptor.SETTINGS_MAX_BYTES.toLong(), ChannelDescriptor.LIVE, ChannelDescriptor.HEARTBEAT_INTERVAL_NS,
    ChannelDescriptor.HEARTBEAT_TIMEOUT_NS)

  val capacity: Long = RingDescriptor.slotCapacityFor(8_294_400L)
  val stride: Long = RingDescriptor.slotStride(capacity)
  val length: Long = RingDescriptor.fileLength(8, capacity)
  val offset: Long = RingDescriptor.slotOffset(stride, 3)
  val ringConstants: List<Int> = listOf(RingDescriptor.MAGIC, RingDescriptor.VERSION, RingDescriptor.HEADER_LENGTH,
    RingDescriptor.MAX_SLOTS, RingDescriptor.PAGE, RingDescriptor.MAGIC_OFFSET, RingDescriptor.VERSION_OFFSET,
    RingDescriptor.SLOT_COUNT_OFFSET, RingDescriptor.SLOT_HEADER_LENGTH_OFFSET, RingDescriptor.SLOT_CAPACITY_OFFSET,
    RingDescriptor.SLOT_STRIDE_OFFSET, RingDescriptor.GENERATION_OFFSET)

  val committed: Long = SlotDescriptor.committed(7L)
  val writing: Long = SlotDescriptor.writing(committed)
  val slotConstants: List<Long> = listOf(SlotDescriptor.LENGTH.toLong(), SlotDescriptor.COMMIT_WORD_OFFSET.toLong(),
    SlotDescriptor.TIMESTAMP_US_OFFSET.toLong(), SlotDescriptor.DURATION_US_OFFSET.toLong(),
    SlotDescriptor.WRITE_START_NANOS_OFFSET.toLong(), SlotDescriptor.FORMAT_OFFSET.toLong(),
    SlotDescriptor.WIDTH_OFFSET.toLong(), SlotDescriptor.HEIGHT_OFFSET.toLong(), SlotDescriptor.SIZE_OFFSET.toLong(),
    SlotDescriptor.DISPLAY_WIDTH_OFFSET.toLong(), SlotDescriptor.DISPLAY_HEIGHT_OFFSET.toLong(),
    SlotDescriptor.DATA_OFFSET_OFFSET.toLong(), SlotDescriptor.LEASE_COUNT_OFFSET.toLong(),
    SlotDescriptor.LEASE_NANOS_OFFSET.toLong(), SlotDescriptor.REF_KIND_OFFSET.toLong(),
    SlotDescriptor.REF_SLOT_OFFSET.toLong(), SlotDescriptor.REF_SEQUENCE_OFFSET.toLong(),
    SlotDescriptor.REF_GENERATION_OFFSET.toLong(), SlotDescriptor.REF_CHANNEL_LENGTH_OFFSET.toLong(),
    SlotDescriptor.REF_CHANNEL_OFFSET.toLong(), SlotDescriptor.REF_CHANNEL_MAX_BYTES.toLong(),
    SlotDescriptor.INLINE.toLong(), SlotDescriptor.REFERENCE.toLong(), SlotDescriptor.NO_DURATION,
    SlotDescriptor.WRITE_LOCK.toLong(),
    SlotDescriptor.LEASE_TIMEOUT_NS)

  val error = SharedDataException(control, "wrong layout version 9")
  val errorFile: Path = error.file
  val asState: IllegalStateException = error

  val file: Path = PrivateFiles.createFile(dir.resolve("x"))
  val made: Path = PrivateFiles.createDirectory(dir.resolve("d"))

  InstanceDirectory.create(InstanceDirectory.DEFAULT_ROOT).use { d: InstanceDirectory ->
    val path: Path = d.path
    val reclaimed: List<Path> = d.reclaimed
    val closed: Boolean = d.isClosed
  }
  val user: Path = InstanceDirectory.userDirectory(dir)
  val gone: List<Path> = InstanceDirectory.reclaim(user)
  val alive: Boolean = InstanceDirectory.isOwnerAlive(dir)
  InstanceDirectory.deleteRecursively(dir)
  val ownerFile: String = InstanceDirectory.OWNER_FILE
}
