package dev.framebridge.audio

import dev.framebridge.host.audio.InProcessAudioTransform
import dev.framebridge.sdk.transport.SharedMemoryTransport
import dev.framebridge.sdk.transport.TrackHandle
import groovy.transform.CompileStatic
import java.util.concurrent.TimeUnit

/**
 * A child JVM for audio transport specs: opens the audio track args[0], applies a gain of args[2] in this JVM, and
 * publishes the result into channel args[1]. Its processor holds 50 chunks: a cold JVM on a busy machine stalls
 * for more than the default 100 ms in its first second. Prints "@ready=1" once both ends are open, "@done=<chunks>" at the end.
 */
@CompileStatic
class AudioGainWorkerMain {
  static void main(String[] args) {
    TrackHandle inHandle = TrackHandle.parse(args[0])
    TrackHandle outHandle = TrackHandle.parse(args[1])
    float gain = Float.parseFloat(args[2])
    SharedMemoryTransport transport = SharedMemoryTransport.attach(inHandle)
    try {
      def subscription = transport.subscribe(inHandle)
      def input = subscription.track
      def chain = new InProcessAudioTransform(new GainTransform(gain), 50)
      def output = chain.connect(input)
      def publication = transport.publish(output, outHandle)
      println "@ready=1"
      System.out.flush()
      chain.completion.get(120, TimeUnit.SECONDS)
      println "worker: received ${subscription.framesReceived} dropped ${subscription.droppedFrames}; published ${publication.framesPublished} dropped ${publication.droppedFrames}; transform input dropped ${chain.droppedChunks}"
      println "@done=${chain.transformedChunks}"
      System.out.flush()
      publication.close()
    } finally {
      transport.close()
    }
    System.exit(0)
  }
}
