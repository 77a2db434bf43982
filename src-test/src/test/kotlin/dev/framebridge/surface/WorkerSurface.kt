@file:Suppress("unused", "UNUSED_VARIABLE")

package dev.framebridge.surface

import dev.framebridge.sdk.transport.channel.ChannelPublisher
import dev.framebridge.sdk.transport.channel.ChannelSubscriber
import dev.framebridge.sdk.worker.ChannelFrames
import dev.framebridge.sdk.worker.ControlCodec
import dev.framebridge.sdk.worker.ControlListener
import dev.framebridge.sdk.worker.ControlMessage
import dev.framebridge.sdk.worker.ControlMessageType
import dev.framebridge.sdk.worker.PluginWorkerMain
import dev.framebridge.sdk.worker.WorkerJvmFlags
import dev.framebridge.sdk.worker.WorkerLauncher
import dev.framebridge.sdk.worker.WorkerMessages
import dev.framebridge.sdk.worker.WorkerProcess
import dev.framebridge.spi.TrackKind
import dev.framebridge.spi.media.AudioData
import dev.framebridge.spi.media.MediaFrame
import dev.framebridge.spi.media.VideoFrame
import java.io.ByteArrayInputStream
import java.io.ByteArrayOutputStream
import java.nio.file.Path
import java.util.concurrent.CompletableFuture

/**
 * Compile-only: touches every public symbol of dev.framebridge.sdk.worker with explicit types, as a Kotlin test kit
 * would use the launcher to run a plugin in its own JVM exactly as the host does. Never run.
 */
fun workerSurface(pluginJar: Path, publisher: ChannelPublisher, subscriber: ChannelSubscriber, frame: VideoFrame,
    chunk: AudioData) {
  val flags: List<String> = WorkerJvmFlags.getChronicleFlags()
  val launcher: WorkerLauncher = WorkerLauncher.builder()
    .javaExecutable(Path.of("/usr/bin/java"))
    .classpath(listOf(Path.of("spi.jar"), Path.of("sdk.jar")))
    .heapMb(256)
    .jvmArgs(listOf("-ea"))
    .build()
  val java: Path = launcher.javaExecutable
  val base: List<Path> = launcher.baseClasspath
  val heap: Int = launcher.heapMb
  val command: List<String> = launcher.command(listOf(pluginJar))

  val init: ControlMessage = ControlMessage.of(ControlMessageType.INIT)
    .with("protocol", ControlCodec.PROTOCOL_VERSION)
    .with("pluginId", "vignette")
    .with("inputHandle", ChannelFrames.handle(Path.of("/dev/shm/x"), "in"))
    .with("outputHandle", ChannelFrames.handle(Path.of("/dev/shm/x"), "out"))
    .with("settings", mapOf("strength" to 0.5))
    .with("kind", TrackKind.AUDIO.webName)
  val kind: String = init.getString("kind", "video")
  val settingsOf: dev.framebridge.spi.settings.Settings = dev.framebridge.spi.settings.SettingsSchema.builder().build()
      .resolve(emptyMap<String, Any>())
  val built: ControlMessage = WorkerMessages.init("vignette", TrackKind.VIDEO, "in", "out", settingsOf, 100L, 2000L)
  val newSettings: ControlMessage = WorkerMessages.settings(settingsOf)
  val ping: ControlMessage = WorkerMessages.ping(System.nanoTime())
  val listener: ControlListener = ControlListener { m: ControlMessage ->
    val type: ControlMessageType = m.type
    val payload: Map<String, Any> = m.payload
    val id: String = m.getString("id")
    val frames: Long = m.getLong("framesOut")
    val orZero: Long = m.getLong("busyNs", 0L)
    val settings: Map<String, Any> = m.getMap("settings")
    val raw: Any? = m.get("reason")
  }
  val worker: WorkerProcess = launcher.launch(listOf(pluginJar), "vignette", init, listener)
  val pid: Long = worker.pid
  val handle: ProcessHandle = worker.toHandle()
  val alive: Boolean = worker.isAlive
  val exit: CompletableFuture<Int> = worker.exit
  val closed: CompletableFuture<String> = worker.controlClosed
  val stderr: List<String> = worker.recentStderr
  val sent: Boolean = worker.send(ControlMessage.of(ControlMessageType.PING).with("sentNs", System.nanoTime()))
  worker.stop(1000L)
  worker.kill()
  worker.use { }

  val out = ByteArrayOutputStream()
  ControlCodec.write(out, init)
  val back: ControlMessage? = ControlCodec.read(ByteArrayInputStream(out.toByteArray()))

  val dir: Path = ChannelFrames.directoryOf("/dev/shm/x/in")
  val name: String = ChannelFrames.nameOf("/dev/shm/x/in")
  val written: Boolean = ChannelFrames.write(publisher, frame)
  val read: VideoFrame? = ChannelFrames.read(subscriber, 1_000_000L)
  val audioWritten: Boolean = ChannelFrames.write(publisher, chunk as MediaFrame)
  val either: MediaFrame? = ChannelFrames.readFrame(subscriber, 1_000_000L)

  PluginWorkerMain.main(arrayOf<String>())
}
