package dev.framebridge.host

import dev.framebridge.host.camera.TestPatternRenderer
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * The Swing preview window on a real (virtual) display: Xvfb, the host through bin/framebridge with --preview window,
 * and a screenshot of the display taken by a second JVM with java.awt.Robot.
 */
@Requires(value = { Files.isExecutable(Path.of('/usr/bin/Xvfb')) }, reason = 'needs Xvfb (apt-get install xvfb)')
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
class PreviewWindowSpec extends Specification {
  static final Path SCREENSHOTS = Path.of(System.getProperty('user.dir'), 'target', 'screenshots')

  @TempDir
  Path dir

  /** A display number nobody uses (no X lock file). */
  static int freeDisplay() {
    (90..199).find { !Files.exists(Path.of("/tmp/.X${it}-lock")) }
  }

  /** Captures the display with java.awt.Robot in a second JVM; true if the pattern's yellow bar is on screen. */
  static boolean captureShowsYellowBar(Path shooter, Path shot, int display) {
    def pb = new ProcessBuilder('java', shooter.toString(), shot.toString()).redirectErrorStream(true)
    pb.environment().put("DISPLAY", ":$display".toString())
    def p = pb.start()
    p.inputStream.text
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) return false
    def img = ImageIO.read(shot.toFile())
    int yellow = 0xFF000000 | TestPatternRenderer.BAR_COLORS[1]
    (0..<img.height).step(4).any { y -> (0..<img.width).step(4).any { x -> img.getRGB(x, y) == yellow } }
  }

  def "the window shows the test pattern on the display, then the host exits 0"() {
    given:
    int display = freeDisplay()
    def xvfb = new ProcessBuilder('/usr/bin/Xvfb', ":$display", '-screen', '0', '1400x900x24', '-nolisten', 'tcp')
        .redirectErrorStream(true).redirectOutput(dir.resolve('xvfb.log').toFile()).start()
    new PollingConditions(timeout: 10).eventually { assert Files.exists(Path.of("/tmp/.X11-unix/X$display")) }
    def host = new HostProcess(['--camera', 'synthetic', '--size', '640x360', '--preview', 'window',
        '--plugins', dir.resolve('plugins').toString(), '--duration', '6'], dir, [DISPLAY: ":$display".toString()])
    Path shot = Files.createDirectories(SCREENSHOTS).resolve('preview-window.png')
    Path shooter = dir.resolve('Shot.java')
    Files.writeString(shooter, '''
        import java.awt.*; import java.io.File; import javax.imageio.ImageIO;
        public class Shot { public static void main(String[] a) throws Exception {
          Rectangle r = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
          ImageIO.write(new Robot().createScreenCapture(r), "png", new File(a[0])); } }''')

    when: "the window is open and painted, a second JVM captures the display"
    new PollingConditions(timeout: 20).eventually { assert host.output.contains('preview window open') }
    new PollingConditions(timeout: 10, delay: 0.5).eventually {
      assert captureShowsYellowBar(shooter, shot, display)
    }

    then: "the screenshot showed the pattern's yellow bar (checked above), and the duration ends the host cleanly"
    host.waitFor(30) == 0

    cleanup:
    host?.close()
    xvfb?.destroy()
    xvfb?.waitFor(5, TimeUnit.SECONDS)
  }
}
