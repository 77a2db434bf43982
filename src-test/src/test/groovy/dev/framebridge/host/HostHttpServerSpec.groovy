package dev.framebridge.host

import dev.framebridge.host.http.HostHttpServer
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import spock.lang.AutoCleanup
import spock.lang.Specification

class HostHttpServerSpec extends Specification {

  @AutoCleanup
  HostHttpServer server = HostHttpServer.start(0)
  HttpClient client = HttpClient.newHttpClient()

  HttpResponse<String> get(String path) {
    client.send(HttpRequest.newBuilder(URI.create(server.baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString())
  }

  HttpResponse<String> post(String path, String body) {
    client.send(HttpRequest.newBuilder(URI.create(server.baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString())
  }

  def "binds an ephemeral port on the loopback address only"() {
    expect:
    server.port > 0
    server.baseUrl == "http://127.0.0.1:${server.port}"
  }

  def "routes by longest path prefix and sends JSON"() {
    given:
    server.route("/api/", { ex -> HostHttpServer.sendJson(ex, 200, '{"who":"api"}') })
    server.route("/api/status", { ex -> HostHttpServer.sendJson(ex, 200, '{"who":"status","q":' +
        HostHttpServer.jsonString('a"b\n') + '}') })

    when:
    def status = get("/api/status")
    def other = get("/api/other")

    then:
    status.statusCode() == 200
    status.headers().firstValue("Content-Type").get().startsWith("application/json")
    new JsonSlurper().parseText(status.body()) == [who: "status", q: 'a"b\n']
    new JsonSlurper().parseText(other.body()).who == "api"
  }

  def "requireMethod answers 405 and readBody returns the posted text"() {
    given:
    server.route("/echo", { ex ->
      if (!HostHttpServer.requireMethod(ex, "POST")) return
      HostHttpServer.sendText(ex, 200, HostHttpServer.readBody(ex))
    })

    expect:
    get("/echo").statusCode() == 405
    post("/echo", "hello").body() == "hello"
  }

  def "a handler that throws gives a 500 naming the cause, and the server keeps serving"() {
    given:
    server.route("/boom", { ex -> throw new IllegalStateException("kaput") })
    server.route("/ok", { ex -> HostHttpServer.sendText(ex, 200, "fine") })

    when:
    def boom = get("/boom")

    then:
    boom.statusCode() == 500
    boom.body().contains("kaput")
    get("/ok").body() == "fine"
  }

  def "a prefix must start with a slash and cannot be routed twice"() {
    when:
    server.route("api", { ex -> })
    then:
    thrown(IllegalArgumentException)

    when:
    server.route("/x", { ex -> })
    server.route("/x", { ex -> })
    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains("/x")
  }
}
