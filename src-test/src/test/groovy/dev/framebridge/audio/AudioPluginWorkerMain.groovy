package dev.framebridge.audio

import dev.framebridge.host.audio.InProcessAudioTransform
import dev.framebridge.sdk.testkit.PluginLoader
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TrackHandle
import groovy.transform.CompileStatic
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * A child JVM standing in for an audio plugin worker until the runtime's workers carry audio: loads the plugin JAR
 * args[2] in its own class loader, creates its audio transform with settings args[3] (key=value,...), reads the audio
 * track args[0] and publishes the transform's output into channel args[1]. Prints "@ready=1", then "@done=<chunks>".
 */
@CompileStatic
class AudioPluginWorkerMain {
  static void main(String[] args) {
    TrackHandle inHandle = TrackHandle.parse(args[0])
    TrackHandle outHandle = TrackHandle.parse(args[1])
    def loaded = PluginLoader.load(Path.of(args[2]))
    Map<String, Object> raw = [:]
    if (args.length > 3 && !args[3].isEmpty()) {
      args[3].split(',').each { String kv -> def p = kv.split('=', 2); raw[p[0]] = (Object) p[1] }
    }
    def settings = loaded.plugin.settingsSchema.resolve(raw)
    SharedMemoryTransport transport = SharedMemoryTransport.attach(inHandle)
    try {
      def subscription = transport.subscribe(inHandle)
      def chain = new InProcessAudioTransform(loaded.plugin.createAudioTransform(settings), 50)
      def publication = transport.publish(chain.connect(subscription.track), outHandle)
      println "@ready=1"
      System.out.flush()
      chain.completion.get(300, TimeUnit.SECONDS)
      println "worker: received ${subscription.framesReceived} dropped ${subscription.droppedFrames}; published " +
          "${publication.framesPublished} dropped ${publication.droppedFrames}; transform input dropped ${chain.droppedChunks}"
      println "@done=${chain.transformedChunks}"
      System.out.flush()
      publication.close()
    } finally {
      transport.close()
      loaded.close()
    }
    System.exit(0)
  }
}
