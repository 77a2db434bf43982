#!/usr/bin/env bash
# Soak benchmark: the real host (bin/framebridge --camera synthetic --size 1280x720 --fps 30 --preview web --port 0)
# with two example plugins (grayscale, sepia-mirror) for --minutes M (default 2). Every ~10 s one plugin JAR is
# replaced by a rebuilt copy, every ~25 s one worker JVM is killed with SIGKILL; every 2 s the host is sampled (RSS,
# threads, open fds, worker JVMs, /dev/shm, output fps and drops from GET /api/status) and printed as one JSON line.
# The last line is the summary: first- vs last-minute averages and a verdict per measure (SoakSummary).
# Usage: bench/soak.sh [--minutes M] [--replace-every S] [--kill-every S] [--sample-every S] [--size WxH] [--fps N]
# Progress and the host's troubles go to stderr, so `bench/soak.sh > soak.jsonl` keeps only the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run builds the host, the example JARs and the benchmark class, and writes the class path (reactor
# modules resolve to their target/ directories, not to whatever SNAPSHOT another checkout installed in ~/.m2).
mvn -q -o -pl src-test -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
cd src-test # HostProcess finds bin/framebridge beside the working directory
pidfile=$(mktemp)
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java_bin" -Xmx256m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:$(cat target/bench-classpath.txt)" dev.framebridge.host.soak.SoakBenchmark \
  --pid-file "$pidfile" "$@" &
soak=$!

# Run in the background and wait, so a signal reaches this trap at once (bash defers traps while a foreground child
# runs). The benchmark's shutdown hook stops the host; the host's pid file covers a benchmark JVM that died hard.
stop() {
  trap - INT TERM
  kill -TERM "$soak" 2>/dev/null || true
  wait "$soak" 2>/dev/null || true
  host=$(cat "$pidfile" 2>/dev/null || true)
  if [[ -n "$host" ]] && kill -0 "$host" 2>/dev/null; then
    echo "soak: stopping host $host" >&2
    kill -TERM "$host" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$host" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$host" 2>/dev/null || true
  fi
  # what a host killed hard leaves in /dev/shm (the next host would reclaim it, but none may follow)
  if [[ -n "$host" ]] && ! kill -0 "$host" 2>/dev/null; then rm -rf /dev/shm/framebridge-*/host-"$host"-*; fi
  rm -f "$pidfile"
}
trap 'stop; exit 130' INT TERM
status=0
wait "$soak" || status=$?
trap - INT TERM
stop
exit "$status"
