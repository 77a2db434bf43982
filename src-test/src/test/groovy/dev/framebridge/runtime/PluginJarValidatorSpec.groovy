package dev.framebridge.runtime

import dev.framebridge.host.plugin.PluginJarException
import dev.framebridge.host.plugin.PluginJarValidator
import dev.framebridge.testing.PluginJarBuilder
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class PluginJarValidatorSpec extends Specification {
  @TempDir @Shared Path dir
  @Shared PluginJarValidator validator = new PluginJarValidator()

  def "a good JAR is described by its provider"() {
    given:
    def jar = PluginJarBuilder.build(dir, 'good.jar', [id: 'good', version: '2.1', stamp: 2])

    when:
    def p = validator.validate(jar)

    then:
    p.id == 'good'
    p.version == '2.1'
    p.spiVersion.toString() == '1.0'
    p.settingsSchema.fields*.key == ['level', 'fault']
    p.fingerprint.length() == 64
    p.libs.empty
  }

  def "a plugin directory with lib/ is found by its provider JAR"() {
    given:
    def pd = Files.createDirectories(dir.resolve('withlib'))
    Files.createDirectories(pd.resolve('lib'))
    PluginJarBuilder.build(pd, 'withlib.jar', [id: 'withlib'])
    PluginJarBuilder.build(pd.resolve('lib'), 'dep.jar', [id: 'dep', serviceEntry: null])

    when:
    def p = validator.validate(pd)

    then:
    p.id == 'withlib'
    p.jar.fileName.toString() == 'withlib.jar'
    p.libs*.fileName*.toString() == ['dep.jar']
  }

  def "a bad JAR is rejected with one line naming the file and the cause: #kind"() {
    given:
    def jar = make(dir)

    when:
    validator.validate(jar)

    then:
    def e = thrown(PluginJarException)
    e.message.startsWith(jar.fileName.toString() + ': ')
    e.message.contains(cause)
    !e.message.contains('\n')

    where:
    kind               | make                                                                                            | cause
    'not a zip'        | { Path d -> PluginJarBuilder.notAZip(d, 'nozip.jar') }                                          | 'not a JAR (zip)'
    'no provider'      | { Path d -> PluginJarBuilder.build(d, 'noprov.jar', [id: 'noprov', serviceEntry: null]) }       | 'no META-INF/services/dev.framebridge.spi.FramebridgePlugin entry'
    'missing class'    | { Path d -> PluginJarBuilder.build(d, 'nocls.jar', [id: 'nocls', omitClasses: true]) }          | 'is not in the JAR'
    'throwing ctor'    | { Path d -> PluginJarBuilder.build(d, 'ctor.jar', [id: 'ctor', ctorThrows: true]) }             | 'constructor threw IllegalStateException: constructor refuses'
    'SPI too new'      | { Path d -> PluginJarBuilder.build(d, 'newspi.jar', [id: 'newspi', spi: '1.9']) }               | "needs SPI 1.9 but the host runs SPI 1.0"
    'SPI major'        | { Path d -> PluginJarBuilder.build(d, 'spi2.jar', [id: 'spitwo', spi: '2.0']) }                 | "needs SPI 2.0"
    'bad id'           | { Path d -> PluginJarBuilder.build(d, 'badid.jar', [id: 'Bad Id', pkg: 'fbtest.badid']) }       | "invalid plugin id 'Bad Id'"
    'not a provider'   | { Path d -> PluginJarBuilder.build(d, 'notprov.jar', [id: 'np', serviceEntry: 'java.lang.String']) } | 'java.lang.String does not implement dev.framebridge.spi.FramebridgePlugin'
  }
}
