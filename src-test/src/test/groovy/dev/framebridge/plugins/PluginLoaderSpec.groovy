package dev.framebridge.plugins

import dev.framebridge.plugins.sepia.SepiaMirrorPlugin
import dev.framebridge.sdk.testkit.PluginLoader
import dev.framebridge.sdk.testkit.PluginValidationException
import dev.framebridge.spi.FramebridgePlugin
import dev.framebridge.spi.SpiVersion
import dev.framebridge.spi.TrackKind
import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import spock.lang.Specification
import spock.lang.TempDir

class PluginLoaderSpec extends Specification {
  @TempDir Path dir

  Path jar(String name, Map<String, byte[]> entries) {
    Path file = dir.resolve(name)
    new JarOutputStream(Files.newOutputStream(file)).withCloseable { out ->
      entries.each { path, bytes ->
        out.putNextEntry(new JarEntry(path))
        out.write(bytes)
        out.closeEntry()
      }
    }
    file
  }

  static byte[] classBytes(Class<?> c) {
    c.getResourceAsStream('/' + c.name.replace('.', '/') + '.class').bytes
  }

  def "a file that is not a JAR is refused naming the file"() {
    given:
    Path notJar = dir.resolve('broken.jar')
    Files.writeString(notJar, 'hello')

    when:
    PluginLoader.load(notJar)

    then:
    def e = thrown(PluginValidationException)
    e.message.startsWith(notJar.toString())
    e.message.contains('not a JAR')
    e.source == notJar.toString()
  }

  def "a JAR without the service file is refused"() {
    when:
    PluginLoader.load(jar('empty.jar', ['README.txt': 'hi'.bytes]))

    then:
    def e = thrown(PluginValidationException)
    e.message.contains('META-INF/services/dev.framebridge.spi.FramebridgePlugin')
  }

  def "a service file naming a class the JAR lacks is refused"() {
    when:
    PluginLoader.load(jar('ghost.jar', [(PluginLoader.SERVICE_FILE): 'com.example.Ghost\n'.bytes]))

    then:
    def e = thrown(PluginValidationException)
    e.message.contains('ghost.jar')
    e.message.contains('cannot be loaded')
  }

  def "a JAR bundling the SPI is refused with the fix"() {
    when:
    PluginLoader.load(jar('fat.jar', [
        (PluginLoader.SERVICE_FILE): SepiaMirrorPlugin.name.bytes,
        'dev/framebridge/spi/FramebridgePlugin.class': classBytes(FramebridgePlugin)]))

    then:
    def e = thrown(PluginValidationException)
    e.message.contains("scope 'provided'")
  }

  def "a JAR with one plugin's classes loads them child-first from the JAR"() {
    given:
    def entries = [(PluginLoader.SERVICE_FILE): (SepiaMirrorPlugin.name + '\n').bytes]
    ['SepiaMirrorPlugin', 'SepiaMirrorTransform'].each {
      entries['dev/framebridge/plugins/sepia/' + it + '.class'] = classBytes(Class.forName('dev.framebridge.plugins.sepia.' + it))
    }

    when:
    def loaded = PluginLoader.load(jar('sepia.jar', entries))

    then:
    loaded.plugin.id == 'sepia-mirror'
    loaded.plugin.class != SepiaMirrorPlugin
    loaded.classLoader != SepiaMirrorPlugin.classLoader
    loaded.jar.fileName.toString() == 'sepia.jar'

    cleanup:
    loaded?.close()
  }

  static class BadId extends Valid { String getId() { 'Not Valid!' } }
  static class NoVersion extends Valid { String getVersion() { ' ' } }
  static class FutureSpi extends Valid { SpiVersion getSpiVersion() { SpiVersion.of(2, 0) } }
  static class NewerMinor extends Valid { SpiVersion getSpiVersion() { SpiVersion.of(1, 99) } }
  static class NoKinds extends Valid { Set<TrackKind> getTrackKinds() { [] as Set } }
  static class Throws extends Valid { Throws() { throw new IllegalStateException('boom in constructor') } }
  static class Valid implements FramebridgePlugin {
    String getId() { 'valid' }
    String getVersion() { '1' }
    SpiVersion getSpiVersion() { SpiVersion.of(1, 0) }
  }
  static class NoDefaultConstructor extends Valid { NoDefaultConstructor(int x) {} }

  def "provider #provider.simpleName is refused: #why"() {
    when:
    PluginLoader.load(provider)

    then:
    def e = thrown(PluginValidationException)
    e.message.contains(provider.name)
    e.message.contains(why)

    where:
    provider             | why
    BadId                | "plugin id 'Not Valid!' must match"
    NoVersion            | 'states no version'
    FutureSpi            | 'needs SPI 2.0'
    NewerMinor           | 'needs SPI 1.99'
    NoKinds              | 'transforms no track kind'
    Throws               | 'boom in constructor'
    NoDefaultConstructor | 'public no-argument constructor'
  }

  def "a valid provider class loads"() {
    expect:
    PluginLoader.load(Valid).plugin.id == 'valid'
  }

  def "providers on the classpath are found by id"() {
    expect:
    PluginLoader.loadFromClasspath('grayscale', getClass().classLoader).plugin.displayName == 'Grayscale'

    when:
    PluginLoader.loadFromClasspath('nope', getClass().classLoader)

    then:
    def e = thrown(PluginValidationException)
    e.message.contains("no provider with id 'nope'")
    e.message.contains('sepia-mirror')
  }
}
