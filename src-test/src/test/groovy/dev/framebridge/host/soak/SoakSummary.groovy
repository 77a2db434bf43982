package dev.framebridge.host.soak

import groovy.json.JsonOutput

/**
 * First minute against last minute of a soak: the average of each measure over the samples of each window (the
 * first and the last minute's worth of samples), and a verdict. A resource is "growing" when its last-minute average exceeds the first-minute one by more than its
 * tolerance, else "flat"; the output rate is "falling" when it lost more than 2 fps. The tolerances are what one
 * leaked unit per event would exceed within a minute (6 replacements and 2-3 kills a minute), not measurement noise:
 * <ul>
 *   <li>rssMb, rssAnonMb: 32 MB or 10 % of the first minute's average, whichever is more (a JVM heap settles in
 *   steps); rssShmemMb: one ring;</li>
 *   <li>threads: 2; fds: 4 (one worker's three pipes stay open while it is being stopped);</li>
 *   <li>workers: 0.5 (while a replacement starts, three workers run for a moment);</li>
 *   <li>shmUsedMb, hostShmMb, hostDeletedMapsMb: one ring of the host's video channels at the run's frame size;</li>
 *   <li>hostDeletedMaps: 2; dropsPerMin: 1 % of the frames of a minute.</li>
 * </ul>
 * Each resource also gets {@code lastSlopePerMin}, its least-squares trend over the last window: a measure that
 * climbed early and then levelled off (a JVM heap being touched up to its size) shows a small last slope even when
 * the first-vs-last comparison calls it growing, and a leak shows a steady one.
 */
class SoakSummary {
  static final double WINDOW_S = 60

  static String json(List<SoakSample> samples, Map run, double ringMb, int fpsTarget, double sampleEveryS) {
    if (samples.size() < 2) {
      return JsonOutput.toJson([summary: run + [samples: samples.size(), note: 'too few samples for a verdict']])
    }
    int n = Math.max(1, Math.min(samples.size(), (int) Math.round(WINDOW_S / sampleEveryS)))
    List<SoakSample> first = samples.subList(0, n)
    List<SoakSample> last = samples.subList(samples.size() - n, samples.size())
    Map measures = [:]
    Closure<Void> resource = { String name, double tolerance, Closure<Number> value ->
      measures[name] = verdict(avg(first, value), avg(last, value), tolerance, 'growing') +
          [lastSlopePerMin: SoakSample.round(slopePerMin(last, value), 2)]
    }
    resource('rssMb', Math.max(32d, 0.1d * avg(first) { it.rssMb }), { it.rssMb })
    resource('rssAnonMb', Math.max(32d, 0.1d * avg(first) { it.rssAnonMb }), { it.rssAnonMb })
    resource('rssShmemMb', ringMb, { it.rssShmemMb })
    resource('threads', 2, { it.threads })
    resource('fds', 4, { it.fds })
    resource('workers', 0.5, { it.workers })
    resource('shmUsedMb', ringMb, { it.shmUsedMb })
    resource('hostShmMb', ringMb, { it.hostShmMb })
    resource('hostDeletedMaps', 2, { it.hostDeletedMaps })
    resource('hostDeletedMapsMb', ringMb, { it.hostDeletedMapsMb })
    measures.dropsPerMin = verdict(dropsPerMin(first), dropsPerMin(last), 0.01d * fpsTarget * 60, 'growing')
    measures.fps = verdict(avg(first) { it.fps }, avg(last) { it.fps }, 2, 'falling')
    JsonOutput.toJson([summary: run + [samples: samples.size(), firstWindowS: span(first), lastWindowS: span(last),
        windowsOverlap: 2 * n > samples.size(), ringMb: SoakSample.round(ringMb, 1), measures: measures]])
  }

  /** "growing" (or "falling", for a rate) when the change in that direction is beyond the tolerance. */
  static Map verdict(Double first, Double last, double tolerance, String bad) {
    if (first == null || last == null) {
      return [first: first, last: last, verdict: 'no data']
    }
    double change = bad == 'falling' ? first - last : last - first
    [first: SoakSample.round(first, 2), last: SoakSample.round(last, 2), tolerance: SoakSample.round(tolerance, 2),
     verdict: change > tolerance ? bad : 'flat']
  }

  static Double avg(List<SoakSample> window, Closure<Number> value) {
    List<Number> xs = window.collect(value).findAll { it != null }
    xs.empty ? null : (xs.sum() as double) / xs.size()
  }

  /** The least-squares slope of a measure over a window, per minute. */
  static double slopePerMin(List<SoakSample> window, Closure<Number> value) {
    List<SoakSample> known = window.findAll { value(it) != null }
    int n = known.size()
    if (n < 2) {
      return 0
    }
    double mx = 0
    double my = 0
    known.each { mx += it.t / n; my += (value(it) as double) / n }
    double sxy = 0
    double sxx = 0
    known.each {
      sxy += (it.t - mx) * ((value(it) as double) - my)
      sxx += (it.t - mx) * (it.t - mx)
    }
    sxx == 0 ? 0 : sxy / sxx * 60
  }

  /** Drops per minute: the sum of increases between samples (a restarted worker's own counter starts again at 0). */
  static Double dropsPerMin(List<SoakSample> window) {
    List<SoakSample> known = window.findAll { it.drops != null }
    if (known.size() < 2) {
      return null
    }
    long sum = 0
    for (int i = 1; i < known.size(); i++) {
      sum += Math.max(0L, known[i].drops - known[i - 1].drops)
    }
    sum * 60d / (known[-1].t - known[0].t)
  }

  static double span(List<SoakSample> window) {
    SoakSample.round(window[-1].t - window[0].t, 1)
  }
}
