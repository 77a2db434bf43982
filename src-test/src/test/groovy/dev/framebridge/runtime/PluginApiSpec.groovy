package dev.framebridge.runtime

import dev.framebridge.host.api.CameraInfo
import dev.framebridge.host.api.PluginApi
import dev.framebridge.host.chain.PluginState
import dev.framebridge.host.http.HostHttpServer
import dev.framebridge.testing.ChainHarness
import dev.framebridge.testing.PluginJarBuilder
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Path

/**
 * Acceptance 4 and the status API: settings reach the running transform through the HTTP API without a restart,
 * bad values answer 400, and order and enable flags persist across a restart of the chain.
 */
@Stepwise
class PluginApiSpec extends Specification {
  @TempDir @Shared Path root
  @Shared ChainHarness h
  @Shared HostHttpServer server
  @Shared HttpClient http = HttpClient.newHttpClient()
  def conditions = new PollingConditions(timeout: 30, delay: 0.05)

  def setupSpec() {
    PluginJarBuilder.build(root.resolve('plugins').toFile().with { mkdirs(); it }.toPath(), 'a.jar', [id: 'a', stamp: 1])
    PluginJarBuilder.build(root.resolve('plugins'), 'b.jar', [id: 'b', stamp: 2])
    startHost()
  }

  void startHost() {
    h = new ChainHarness(root).start()
    server = HostHttpServer.start(0)
    PluginApi.register(server, h.chain, { new CameraInfo('synthetic', 64, 48, 30) })
  }

  void stopHost() {
    server?.close()
    h?.close()
  }

  def cleanupSpec() {
    stopHost()
  }

  Map get(String path) {
    def r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString())
    assert r.statusCode() == 200: r.body()
    new JsonSlurper().parseText(r.body()) as Map
  }

  HttpResponse<String> post(String path, Map body) {
    http.send(HttpRequest.newBuilder(URI.create(server.baseUrl + path))
        .POST(HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
        .header('Content-Type', 'application/json').build(), HttpResponse.BodyHandlers.ofString())
  }

  def "GET /api/status shows the camera, the output and every plugin"() {
    expect:
    conditions.eventually {
      def s = get('/api/status')
      assert s.camera == [name: 'synthetic', width: 64, height: 48, fps: 30]
      assert s.output.frames > 0 && s.output.containsKey('fps') && s.output.containsKey('maxGapMs')
      assert s.plugins*.id == ['a', 'b']
      assert s.plugins.every { it.state == 'running' && it.pid > 0 && it.enabled && it.jar.endsWith('.jar') }
      assert s.plugins.every { it.keySet().containsAll(['version', 'restarts', 'lastError', 'fps', 'p50Us', 'p99Us', 'dropped']) }
      assert h.lastStamp() == 2 && h.lastLevel() == 10
    }
  }

  def "GET settings gives the schema and the current values"() {
    when:
    def s = get('/api/plugins/b/settings')

    then:
    s.id == 'b'
    s.schema.fields*.key == ['level', 'fault']
    s.schema.fields[0].type == 'number'
    s.schema.fields[0].min == 0 && s.schema.fields[0].max == 255
    s.schema.fields[1].choices.contains('hang')
    s.values == [level: 10, fault: 'none']
  }

  def "POST settings reaches the running transform without a restart"() {
    given:
    long pid = h.chain.status.getPlugin('b').pid

    when:
    def r = post('/api/plugins/b/settings', [level: 77])

    then:
    r.statusCode() == 200
    new JsonSlurper().parseText(r.body()).values.level == 77
    conditions.eventually {
      assert h.lastLevel() == 77
    }
    h.chain.status.getPlugin('b').pid == pid
    h.chain.status.getPlugin('b').restarts == 0
  }

  def "bad settings answer 400 with a clear message: #body"() {
    when:
    def r = post('/api/plugins/b/settings', body)

    then:
    r.statusCode() == 400
    new JsonSlurper().parseText(r.body()).error.contains(message)
    h.chain.getSettings('b').getInt('level') == 77

    where:
    body                | message
    [level: 999]        | "setting 'level': '999' is not a number in [0.0, 255.0]"
    [level: 'loud']     | "setting 'level': 'loud' is not a number"
    [fault: 'explode']  | "setting 'fault': 'explode' is not one of"
    [nope: 1]           | "no setting 'nope'"
  }

  def "unknown plugins answer 404"() {
    expect:
    post('/api/plugins/zzz/enabled', [enabled: false]).statusCode() == 404
  }

  def "POST move reorders the chain live and POST enabled bypasses a plugin"() {
    when:
    def r = post('/api/plugins/b/move', [index: 0])

    then:
    r.statusCode() == 200
    new JsonSlurper().parseText(r.body()).order == ['b', 'a']
    conditions.eventually {
      assert h.lastStamp() == 1 && h.lastLevel() == 10
    }

    when:
    r = post('/api/plugins/a/enabled', [enabled: false])

    then:
    r.statusCode() == 200
    conditions.eventually {
      assert h.lastStamp() == 2 && h.lastLevel() == 77
      def a = get('/api/status').plugins.find { it.id == 'a' }
      assert a.state == 'bypassed' && !a.enabled && a.pid == 0
    }
  }

  def "order, enable flags and settings persist across a restart"() {
    when:
    stopHost()
    startHost()

    then:
    conditions.eventually {
      assert h.chain.order == ['b', 'a']
      assert h.chain.status.getPlugin('a').state == PluginState.BYPASSED
      assert h.chain.status.getPlugin('b').state == PluginState.RUNNING
      assert h.lastStamp() == 2 && h.lastLevel() == 77
    }
    h.chain.getSettings('b').getInt('level') == 77
  }
}
