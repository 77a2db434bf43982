package dev.framebridge.audio

import dev.framebridge.host.clock.CaptureClock
import java.util.concurrent.atomic.AtomicLong
import spock.lang.Specification

class CaptureClockSpec extends Specification {

  def "reads microseconds since start on the given monotonic source"() {
    given:
    def nanos = new AtomicLong(5_000_000_000L)
    def clock = CaptureClock.startNow(nanos::get)

    expect:
    clock.nowMicros() == 0

    when:
    nanos.addAndGet(1_234_567_000L)

    then:
    clock.nowMicros() == 1_234_567
    clock.nowNanos() == 1_234_567_000L
    clock.nanoTimeAt(10) == 5_000_010_000L
  }

  def "awaitMicros returns at once for a past time and only after the time for a future one"() {
    given:
    def clock = CaptureClock.startNow()

    when:
    clock.awaitMicros(-1)
    long target = clock.nowMicros() + 20_000
    clock.awaitMicros(target)

    then:
    clock.nowMicros() >= target
  }

  def "awaitMicros fails with InterruptedException when interrupted"() {
    given:
    def clock = CaptureClock.startNow()

    when:
    Thread.currentThread().interrupt()
    clock.awaitMicros(clock.nowMicros() + 60_000_000)

    then:
    thrown(InterruptedException)
    !Thread.currentThread().isInterrupted()
  }
}
