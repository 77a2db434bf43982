package dev.framebridge.host

import dev.framebridge.testing.PluginJarBuilder
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import javax.imageio.ImageIO
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The host's two user-facing speed numbers, measured on the real launcher (not a timed test: it reports numbers
 * into target/host-benchmark.txt and asserts only that the measurement happened). Run with
 * {@code mvn -pl src-test -am verify -Dtest=HostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
class HostBenchmark extends Specification {
  static final Path REPORT = Path.of(System.getProperty('user.dir'), 'target', 'host-benchmark.txt')

  @TempDir
  Path dir

  static String stats(List<Number> xs) {
    if (xs.isEmpty()) return 'no samples'
    def s = xs.collect { it as double }.sort()
    String.format(Locale.ROOT, 'median %.0f ms, min %.0f, max %.0f (n=%d)', s[s.size().intdiv(2)], s[0], s[-1],
        s.size())
  }

  def "start to first output frame, and dropping a JAR to its effect in the output"() {
    given:
    int runs = (System.getProperty('host.bench.runs') ?: '5') as int
    def firstFrameJvm = []
    def firstFrameWall = []

    when: "the host starts headless with no plugins, several times (the first run also records the CDS archive)"
    (0..runs).each { i ->
      Path work = Files.createDirectories(dir.resolve("start-$i"))
      long t0 = System.nanoTime()
      def starting = new HostProcess(['--preview', 'none', '--duration', '1', '--plugins',
          work.resolve('p').toString(), '--size', '1280x720', '--fps', '30'], work)
      try {
        long wall = -1
        while (starting.process.alive || starting.output.length() > 0) {
          def m = starting.output =~ /first output frame (\d+) ms after JVM start/
          if (m.find()) {
            wall = (System.nanoTime() - t0).intdiv(1_000_000)
            if (i > 0) { // run 0 warms the CDS archive
              firstFrameJvm << (m.group(1) as long)
              firstFrameWall << wall
            }
            break
          }
          java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L) // poll without taking a core from the host
        }
        assert starting.waitFor(30) == 0
      } finally {
        starting.close()
      }
    }

    and: "a running host gets plugin JARs dropped into its folder one after another"
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    Path staging = Files.createDirectories(dir.resolve('staging'))
    def host = new HostProcess(['--camera', 'synthetic', '--size', '640x360', '--fps', '30', '--preview', 'web',
        '--port', '0', '--plugins', plugins.toString()], dir)
    def dropToEffect = []
    try {
      host.url()
      (1..3).each { n ->
        int stamp = 40 + n
        Path jar = PluginJarBuilder.build(staging, "drop${n}.jar", [id: "drop${n}", stamp: stamp, level: 7])
        long t0 = System.nanoTime()
        Files.move(jar, plugins.resolve(jar.fileName), StandardCopyOption.ATOMIC_MOVE)
        long deadline = t0 + 20_000_000_000L
        while (true) {
          def r = host.getBytes('frame/output.png')
          if (r.statusCode() == 200) {
            int red = (ImageIO.read(new ByteArrayInputStream(r.body())).getRGB(0, 0) >> 16) & 0xFF
            if (red == stamp) break
          }
          assert System.nanoTime() < deadline: "drop${n}.jar had no visible effect within 20 s:\n${host.output}"
          java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L)
        }
        dropToEffect << (System.nanoTime() - t0).intdiv(1_000_000)
      }
    } finally {
      host.close()
    }

    then:
    firstFrameJvm.size() == runs
    dropToEffect.size() == 3

    cleanup:
    def text = """\
      |host start -> first output frame, JVM start based (1280x720@30, no plugins, CDS archive warm): ${stats(firstFrameJvm)}
      |host start -> first output frame, wall clock from launching bin/framebridge: ${stats(firstFrameWall)}
      |plugin JAR dropped into the plugins folder -> its effect in the output (640x360@30): ${stats(dropToEffect)}
      |machine: ${Runtime.runtime.availableProcessors()} cores, load average ${new File('/proc/loadavg').text.trim()}
      |""".stripMargin()
    Files.createDirectories(REPORT.parent)
    Files.writeString(REPORT, text)
    println text
  }
}
