package dev.framebridge.transport

import dev.framebridge.sdk.transport.channel.ChannelPublisher
import dev.framebridge.sdk.transport.instance.InstanceDirectory
import dev.framebridge.spi.media.VideoPixelFormat
import groovy.transform.CompileStatic
import java.nio.ByteBuffer
import java.nio.file.Path
import java.util.concurrent.CountDownLatch

/**
 * Child JVM roles for the channel specs. Prints {@code @key=value} lines the parent waits for.
 * <ul>
 * <li>{@code publish <dir> <channel> <width> <height> <frames|-1>}: pattern frames as fast as possible, then end.
 * <li>{@code stall <dir> <channel> <width> <height>}: one good frame, then half of a second one, then waits forever.
 * <li>{@code hold <dir> <channel> <n>}: reads n frames and holds them (leased) until killed.
 * <li>{@code host <root>}: creates an instance directory and waits forever (to be killed).
 * </ul>
 */
@CompileStatic
class ChannelChildMain {
  static void main(String[] args) {
    switch (args[0]) {
      case 'publish': publish(args); break
      case 'stall': stall(args); break
      case 'host': host(args); break
      case 'hold': hold(args); break
      default: throw new IllegalArgumentException(args[0])
    }
  }

  static void publish(String[] args) {
    int w = args[3] as int
    int h = args[4] as int
    long frames = args[5] as long
    int size = VideoPixelFormat.RGBA.frameBytes(w, h)
    ChannelPublisher out = ChannelPublisher.attach(Path.of(args[1]), args[2])
    println '@ready=1'
    System.out.flush()
    long ts = 0
    while (frames < 0 || ts < frames) {
      ts++
      int token = out.claim(size)
      ByteBuffer b = out.buffer(token)
      Patterns.fill(b, size, ts)
      out.commitVideo(token, VideoPixelFormat.RGBA, w, h, w, h, ts, 1000)
    }
    out.close()
    println '@done=' + ts
    System.out.flush()
  }

  static void stall(String[] args) {
    int w = args[3] as int
    int h = args[4] as int
    int size = VideoPixelFormat.RGBA.frameBytes(w, h)
    ChannelPublisher out = ChannelPublisher.attach(Path.of(args[1]), args[2])
    int token = out.claim(size)
    Patterns.fill(out.buffer(token), size, 1)
    out.commitVideo(token, VideoPixelFormat.RGBA, w, h, w, h, 1, 1000)
    token = out.claim(size)
    Patterns.fill(out.buffer(token), size.intdiv(2) as int, 2)
    println '@midwrite=1'
    System.out.flush()
    new CountDownLatch(1).await()
  }

  /** {@code hold <dir> <channel> <n>}: reads n frames, keeps them open (leased) and waits forever. */
  static void hold(String[] args) {
    def sub = dev.framebridge.sdk.transport.channel.ChannelSubscriber.open(Path.of(args[1]), args[2])
    List<dev.framebridge.sdk.transport.channel.SlotFrame> held = []
    while (held.size() < (args[3] as int)) {
      def f = sub.await(10_000_000_000L)
      if (f == null) {
        throw new IllegalStateException('no frame')
      }
      held << f
    }
    println '@holding=' + held.collect { it.sequence }.join(',')
    System.out.flush()
    new CountDownLatch(1).await()
  }

  static void host(String[] args) {
    InstanceDirectory dir = InstanceDirectory.create(Path.of(args[1]))
    println '@dir=' + dir.path
    System.out.flush()
    new CountDownLatch(1).await()
  }
}
