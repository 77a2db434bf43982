package dev.framebridge.runtime

import dev.framebridge.sdk.worker.ControlCodec
import dev.framebridge.sdk.worker.ControlMessage
import dev.framebridge.sdk.worker.ControlMessageType
import dev.framebridge.sdk.worker.WorkerJvmFlags
import spock.lang.Specification

class ControlCodecSpec extends Specification {

  def "messages round-trip with every value type, in order"() {
    given:
    def out = new ByteArrayOutputStream()
    def m1 = ControlMessage.of(ControlMessageType.INIT).with('pluginId', 'blur').with('n', 7).with('big', 1L << 40)
        .with('x', 0.25d).with('on', true).with('settings', [radius: 4.5d, key: 0x00FF00, mode: 'soft', nested: [a: 'é']])
        .with('long', 'x' * 70_000)
    def m2 = ControlMessage.of(ControlMessageType.STOP)

    when:
    ControlCodec.write(out, m1)
    ControlCodec.write(out, m2)
    def in_ = new ByteArrayInputStream(out.toByteArray())
    def r1 = ControlCodec.read(in_)
    def r2 = ControlCodec.read(in_)
    def end = ControlCodec.read(in_)

    then:
    r1.type == ControlMessageType.INIT
    r1.payload == m1.payload
    r1.getMap('settings').nested == [a: 'é']
    r2.type == ControlMessageType.STOP
    end == null
  }

  def "a corrupt stream (e.g. a plugin writing to the real stdout) is an IOException, not garbage"() {
    when:
    ControlCodec.read(new ByteArrayInputStream('hello from a plugin\n'.bytes))

    then:
    def e = thrown(IOException)
    e.message.contains('corrupt control stream')
  }

  def "a torn message is an IOException"() {
    given:
    def out = new ByteArrayOutputStream()
    ControlCodec.write(out, ControlMessage.of(ControlMessageType.HELLO).with('id', 'x'))
    def bytes = out.toByteArray()

    when:
    ControlCodec.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 2)))

    then:
    thrown(IOException)
  }

  def "the worker JVM flags are the root pom's Chronicle flags"() {
    expect:
    WorkerJvmFlags.chronicleFlags.contains('--add-exports=java.base/sun.nio.ch=ALL-UNNAMED')
    WorkerJvmFlags.chronicleFlags.contains('-Dchronicle.analytics.disable=true')
  }
}
