package dev.framebridge.transport

import dev.framebridge.sdk.insertable.MediaStreamTrackProcessor
import dev.framebridge.sdk.insertable.VideoTrackGenerator
import dev.framebridge.sdk.stream.ReadResult
import dev.framebridge.sdk.stream.ReadableStreamReader
import dev.framebridge.sdk.stream.WritableStreamWriter
import dev.framebridge.sdk.track.MediaStreamTrack
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TrackHandle
import dev.framebridge.sdk.transport.TrackPublication
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.ByteBuffer
import java.util.concurrent.TimeUnit

/**
 * A plugin-side JVM for the track specs.
 * <ul>
 * <li>{@code read <handle>}: opens the track, reads it with a MediaStreamTrackProcessor and prints
 *     {@code @frame<n>=<timestamp>,<w>x<h>,<format>,<pixels ok>} per frame, {@code @readableClosed=<n>} at the end.
 * <li>{@code identity <in> <out>}: passes frames unchanged from one channel to another, then prints
 *     {@code @forwarded=<by reference>/<published>}.
 * <li>{@code generate <handle>}: publishes a VideoTrackGenerator's track into the host-made channel and obeys stdin:
 *     {@code frame <ts> <w> <h>}, {@code mute}, {@code unmute}, {@code close}, {@code stream <w> <h>}.
 * </ul>
 */
class PluginChildMain {
  static void main(String[] args) {
    TrackHandle handle = TrackHandle.parse(args[1])
    SharedMemoryTransport transport = SharedMemoryTransport.attach(handle)
    if (args[0] == 'read') {
      read(transport, handle)
    } else if (args[0] == 'identity') {
      identity(transport, handle, TrackHandle.parse(args[2]))
    } else {
      generate(transport, handle)
    }
    transport.close()
    System.exit(0)
  }

  static void say(String line) {
    System.out.println(line)
    System.out.flush()
  }

  static void read(SharedMemoryTransport transport, TrackHandle handle) {
    MediaStreamTrack track = transport.open(handle)
    def processor = new MediaStreamTrackProcessor<VideoFrame>(track, 64)
    ReadableStreamReader<VideoFrame> reader = processor.readable.reader
    say('@ready=1')
    int n = 0
    while (true) {
      ReadResult<VideoFrame> r = reader.read().get(60, TimeUnit.SECONDS)
      if (r.done) {
        say("@readableClosed=$n")
        return
      }
      VideoFrame f = r.value
      try {
        n++
        int size = f.allocationSize()
        ByteBuffer copy = ByteBuffer.allocate(size)
        f.copyTo(copy)
        boolean ok = Patterns.firstMismatch(copy, size, f.timestamp) == -1
        say("@frame$n=${f.timestamp},${f.codedWidth}x${f.codedHeight},${f.format},$ok")
      } finally {
        f.close()
      }
    }
  }

  /** Passes every frame of {@code in} unchanged to a generator published into {@code out}. */
  static void identity(SharedMemoryTransport transport, TrackHandle input, TrackHandle out) {
    def processor = new MediaStreamTrackProcessor<VideoFrame>(transport.open(input), 64)
    ReadableStreamReader<VideoFrame> reader = processor.readable.reader
    def generator = new VideoTrackGenerator('identity')
    TrackPublication publication = transport.publish(generator.track, out)
    WritableStreamWriter<VideoFrame> writer = generator.writable.writer
    say('@ready=1')
    while (true) {
      ReadResult<VideoFrame> r = reader.read().get(60, TimeUnit.SECONDS)
      if (r.done) {
        break
      }
      writer.write(r.value).get(10, TimeUnit.SECONDS)
    }
    say("@forwarded=${publication.framesForwarded}/${publication.framesPublished}")
    writer.close().get(10, TimeUnit.SECONDS)
  }

  static void generate(SharedMemoryTransport transport, TrackHandle handle) {
    def generator = new VideoTrackGenerator('plugin-generator')
    TrackPublication publication = transport.publish(generator.track, handle)
    WritableStreamWriter<VideoFrame> writer = generator.writable.writer
    say('@ready=1')
    def stdin = new BufferedReader(new InputStreamReader(System.in))
    String line
    while ((line = stdin.readLine()) != null) {
      def cmd = line.trim().split(' ')
      switch (cmd[0]) {
        case 'frame':
          long ts = cmd[1] as long
          writeFrame(publication, writer, ts, cmd[2] as int, cmd[3] as int)
          say("@wrote$ts=1")
          break
        case 'mute': generator.muted = true; say('@muted=1'); break
        case 'unmute': generator.muted = false; say('@unmuted=1'); break
        case 'close': writer.close().get(10, TimeUnit.SECONDS); say('@closed=1'); break
        case 'stream':
          long ts = 0
          while (true) {
            writeFrame(publication, writer, ++ts, cmd[1] as int, cmd[2] as int)
            if (ts == 10) {
              say('@streaming=1')
            }
          }
        case 'exit': return
      }
    }
  }

  /** A frame allocated straight in the output slot, filled with its timestamp's pattern, written to the generator. */
  static void writeFrame(TrackPublication publication, WritableStreamWriter<VideoFrame> writer, long ts, int w, int h) {
    VideoFrame frame = publication.allocator.allocateVideoFrame(VideoPixelFormat.RGBA, w, h, ts)
    Patterns.fill(frame.getPlane(0), w * h * 4, ts)
    writer.write(frame).get(10, TimeUnit.SECONDS)
  }
}
