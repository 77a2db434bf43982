package dev.framebridge.host

import dev.framebridge.testing.PluginJarBuilder
import java.awt.image.BufferedImage
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import javax.imageio.ImageIO
import org.openqa.selenium.By
import org.openqa.selenium.OutputType
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * The web preview in a real browser: Debian's chromium driven headless by chromium-driver (both set explicitly, so
 * Selenium Manager never downloads anything) against a host started through bin/framebridge.
 */
@Stepwise
@Requires(value = { WebPreviewBrowserSpec.browserAvailable() },
    reason = 'needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)')
@Requires(value = { HostProcess.isBuilt() }, reason = 'bin/framebridge needs host-bridge packaged (mvn package)')
class WebPreviewBrowserSpec extends Specification {
  static final Path CHROMIUM = Path.of('/usr/bin/chromium')
  static final Path CHROMEDRIVER = Path.of('/usr/bin/chromedriver')
  static final Path SCREENSHOTS = Path.of(System.getProperty('user.dir'), 'target', 'screenshots')

  @Shared Path dir
  @Shared HostProcess host
  @Shared ChromeDriver browser
  def conditions = new PollingConditions(timeout: 15, initialDelay: 0.2, delay: 0.3)

  static boolean browserAvailable() {
    Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
  }

  def setupSpec() {
    dir = Files.createTempDirectory('fb-browser-')
    Path plugins = Files.createDirectories(dir.resolve('plugins'))
    PluginJarBuilder.build(plugins, 'stamper.jar', [id: 'stamper', stamp: 77, level: 33])
    host = new HostProcess(['--camera', 'synthetic', '--size', '320x240', '--fps', '20', '--preview', 'web',
        '--port', '0', '--plugins', plugins.toString()], dir)
    host.url()
    def service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build()
    def options = new ChromeOptions().setBinary(CHROMIUM.toFile())
    options.addArguments('--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--window-size=1400,900', '--user-data-dir=' + Files.createDirectories(dir.resolve('chromium-profile')))
    browser = new ChromeDriver(service, options)
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30))
    browser.get(host.url())
  }

  def cleanupSpec() {
    try {
      browser?.quit()
    } finally {
      host?.close()
      println "---- host output ----\n${host?.output}"
      dir?.toFile()?.deleteDir()
    }
  }

  /** The latest output or input frame, exactly, through the preview's PNG endpoint. */
  BufferedImage frame(String which) {
    def r = host.getBytes("frame/${which}.png")
    assert r.statusCode() == 200
    ImageIO.read(new ByteArrayInputStream(r.body()))
  }

  static List<Integer> rgb(BufferedImage img, int x, int y) {
    int v = img.getRGB(x, y)
    [(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF]
  }

  /** The bars (top two thirds) are static, so equal bars mean the same picture whatever the frame. */
  static boolean sameBars(BufferedImage a, BufferedImage b) {
    (0..<(a.height * 2 / 3 as int)).every { y -> (0..<a.width).every { x -> a.getRGB(x, y) == b.getRGB(x, y) } }
  }

  WebElement pluginItem(String id) {
    browser.findElement(By.cssSelector("#plugins li[data-plugin-id='${id}']"))
  }

  def "the live output image changes over time"() {
    when:
    WebElement img = browser.findElement(By.id('output'))
    byte[] first = null
    conditions.eventually {
      assert img.getSize().height > 50
      first = img.getScreenshotAs(OutputType.BYTES)
    }

    then: "a later capture of the same element differs (moving box, frame number)"
    conditions.eventually {
      assert !Arrays.equals(first, img.getScreenshotAs(OutputType.BYTES))
    }
  }

  def "the plugin list shows the running plugin with live metrics"() {
    expect:
    conditions.eventually {
      WebElement li = pluginItem('stamper')
      assert li.getAttribute('data-state') == 'running'
      assert li.findElement(By.cssSelector('.metrics')).text.contains('fps')
      assert li.findElement(By.cssSelector('input.toggle')).selected
    }
    conditions.eventually { assert rgb(frame('output'), 0, 0) == [77, 33, 255] }
  }

  def "a settings change in the generated form is visible in the output"() {
    when:
    pluginItem('stamper').findElement(By.cssSelector('.name')).click()
    WebElement level = null
    conditions.eventually {
      level = browser.findElement(By.cssSelector("#settings-form input[name='level']"))
      assert level.displayed
    }
    // a range input: set it as a user dragging it would, then let the page send the change
    browser.executeScript("arguments[0].value = 120; arguments[0].dispatchEvent(new Event('input'));", level)

    then:
    conditions.eventually { assert rgb(frame('output'), 0, 0) == [77, 120, 255] }
  }

  def "toggling the plugin off makes the output equal the input"() {
    when:
    pluginItem('stamper').findElement(By.cssSelector('input.toggle')).click()

    then:
    conditions.eventually {
      assert pluginItem('stamper').getAttribute('data-enabled') == 'false'
      def out = frame('output')
      def input = frame('input')
      assert rgb(out, 0, 0) == [255, 255, 255]
      assert sameBars(out, input)
    }

    when: "a screenshot documents the page"
    Files.createDirectories(SCREENSHOTS)
    Path shot = SCREENSHOTS.resolve('web-preview.png')
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES))

    then:
    ImageIO.read(shot.toFile()).width > 0
  }
}
