package dev.framebridge.plugins

import static dev.framebridge.sdk.effects.Argb.rgb
import static dev.framebridge.sdk.testkit.FrameAssertions.assertPixel

import dev.framebridge.sdk.template.PluginProjectGenerator
import dev.framebridge.sdk.template.PluginProjectGenerator.Language
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * End to end: generate a project from the template, build it offline with Maven against this checkout's SPI and SDK
 * (its own JUnit test uses the test kit), and run the drop-in JAR it produces through the test kit's loader.
 * Running it in a live host is the host's end-to-end spec, once both have landed.
 */
class PluginTemplateSpec extends Specification {
  @Shared Path root = locateRoot()
  @Shared String version = (Files.readString(root.resolve('pom.xml')) =~ /<artifactId>framebridge-parent<\/artifactId>\s*<version>([^<]+)</)[0][1]
  @TempDir Path work

  static Path locateRoot() {
    for (Path p = Paths.get('').toAbsolutePath(); p != null; p = p.parent) {
      if (Files.isRegularFile(p.resolve('bin/new-plugin'))) return p
    }
    throw new IllegalStateException('repository root (with bin/new-plugin) not found')
  }

  def setupSpec() {
    // Publish this checkout's parent POM, SPI and SDK to the local repository without rebuilding them: the SDK JAR
    // is on this JVM's classpath, and rewriting it under a running JVM is unsafe. install-file only reads it.
    maven(root, ['-N', 'install'])
    for (String module : ['spi', 'sdk']) {
      Path jar = root.resolve("$module/target/framebridge-$module-${version}.jar")
      assert Files.isRegularFile(jar): "$jar is missing: build with mvn -pl src-test -am verify"
      maven(root, ['-N', 'install:install-file', "-Dfile=$jar", "-DpomFile=${root.resolve("$module/pom.xml")}".toString()])
    }
  }

  def "a generated #language project builds offline into a drop-in JAR whose effect is seen on a frame"() {
    given:
    Path project = work.resolve(id)
    def files = new PluginProjectGenerator(id, 'com.example.' + id.replace('-', ''), language, version).generate(project)

    when:
    maven(project, ['package'])
    Path jar = project.resolve("target/${id}.jar")

    then: 'the build ran the generated golden test and produced the drop-in JAR'
    files.any { it.toString().endsWith('PluginTest.' + ext) }
    Files.isRegularFile(project.resolve("target/surefire-reports/TEST-com.example.${id.replace('-', '')}.${cls}PluginTest.xml"))
    Files.isRegularFile(jar)

    when:
    def plugin = PluginHarness.load(jar)
    def out = plugin.video([strength: 1.0, tint: '#00FF00']).process(TestFrames.solid(VideoPixelFormat.BGRA, 32, 24, rgb(0x123456), 0))

    then:
    plugin.plugin.id == id
    assertPixel(out, 16, 12, rgb(0x00FF00), 1)

    cleanup:
    plugin?.close()

    where:
    language        | id        | cls      | ext
    Language.JAVA   | 'my-tint' | 'MyTint' | 'java'
    Language.KOTLIN | 'kt-tint' | 'KtTint' | 'kt'
  }

  def "the generator refuses ids the host would refuse and non-empty directories"() {
    when:
    new PluginProjectGenerator('My Tint', 'com.example', Language.JAVA, version)

    then:
    thrown(IllegalArgumentException)

    when:
    Files.writeString(work.resolve('existing.txt'), 'x')
    new PluginProjectGenerator('ok', 'com.example', Language.JAVA, version).generate(work)

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains('not empty')

    expect:
    PluginProjectGenerator.className('my-tint_2') == 'MyTint2'
  }

  /**
   * Runs Maven offline in {@code dir} (online once more only if offline lacks a plugin a fresh machine has not fetched
   * yet); fails with its output on a non-zero exit; never leaves it running.
   */
  static void maven(Path dir, List<String> args) {
    String output = run(dir, ['-o'] + args)
    if (output != null && output.contains('in offline mode')) {
      output = run(dir, args)
    }
    assert output == null: "mvn ${args} in $dir failed:\n" + output
  }

  /** Null on success, else Maven's output. */
  static String run(Path dir, List<String> args) {
    List<String> command = (['mvn', '-q', '-B', '-Dkotlin.compiler.daemon=false'] + args).collect { it.toString() }
    def log = Files.createTempFile('mvn', '.log')
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start()
    try {
      boolean done = p.waitFor(10, TimeUnit.MINUTES)
      assert done: "mvn ${args} in $dir did not finish in 10 minutes"
      return p.exitValue() == 0 ? null : Files.readString(log)
    } finally {
      if (p.alive) {
        p.descendants().forEach { it.destroyForcibly() }
        p.destroyForcibly()
      }
      Files.deleteIfExists(log)
    }
  }
}
