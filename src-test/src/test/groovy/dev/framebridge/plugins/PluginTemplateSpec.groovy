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
import dev.framebridge.host.HostProcess
import javax.imageio.ImageIO
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * End to end: generate a project from the template, build it offline with Maven against this checkout's SPI and SDK
 * (its own JUnit test uses the test kit), and run the drop-in JAR it produces through the test kit's loader.
 * Finally the JAR is dropped into a running host ({@code bin/framebridge}, synthetic camera) and its effect read back
 * from a snapshot of the output.
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

  @Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
  def "the generated plugin's JAR, dropped into a running host's plugins folder, shows its effect in the output"() {
    given: 'a generated Java plugin, built'
    Path project = work.resolve('drop-tint')
    new PluginProjectGenerator('drop-tint', 'com.example.droptint', Language.JAVA, version).generate(project)
    maven(project, ['package', '-DskipTests'])
    Path plugins = Files.createDirectories(work.resolve('plugins'))
    def host = new HostProcess(['--camera', 'synthetic', '--size', '320x240', '--fps', '30', '--preview', 'web',
        '--port', '0', '--plugins', plugins.toString(), '--snapshot-dir', work.resolve('snaps').toString()], work)
    def conditions = new PollingConditions(timeout: 40, initialDelay: 0.2, delay: 0.3)

    when: 'the JAR is dropped in while the host runs'
    Files.copy(project.resolve('target/drop-tint.jar'), plugins.resolve('.drop-tint.jar.part'))
    Files.move(plugins.resolve('.drop-tint.jar.part'), plugins.resolve('drop-tint.jar'))

    then: 'the host picks it up and runs it in a worker'
    conditions.eventually {
      def status = host.json('api/status')
      assert status.plugins*.id == ['drop-tint']
      assert status.plugins[0].state == 'running'
    }

    and: 'the blue bar of the test pattern comes out tinted halfway to orange (defaults: strength 0.5, #FF8000);' +
        ' polled, since the latest output frame when the worker starts serving can still be a passed-through one'
    new PollingConditions(timeout: 10, delay: 0.2).eventually {
      def snap = host.post('api/snapshot', '{}')
      assert snap.statusCode() == 200
      def paths = new groovy.json.JsonSlurper().parseText(snap.body())
      assert close(pixel(Path.of(paths.input as String), 300, 100), [0, 0, 255])
      assert close(pixel(Path.of(paths.output as String), 300, 100), [128, 64, 127])
    }

    cleanup:
    host?.close()
  }

  static int[] pixel(Path png, int x, int y) {
    int v = ImageIO.read(png.toFile()).getRGB(x, y)
    [(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF] as int[]
  }

  static boolean close(int[] actual, List<Integer> expected) {
    assert (0..2).every { Math.abs(actual[it] - expected[it]) <= 2 }: "${actual} is not ${expected} (+-2)"
    true
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
