#!/usr/bin/env bash
# Transport benchmark: one JSON line per scenario. Usage (see BENCHMARKS.md):
#   bench/transport.sh [--scenario memcpy|inprocess|hop|hop-chronicle|roundtrip|audio] [--size WxH] [--fps N] [--seconds S] [--root DIR]
# Builds only when the sdk jar or its class path file is missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls sdk/target/framebridge-sdk-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
cpfile=sdk/target/classpath.txt
stale=0
if [[ -z "$jar" || ! -f "$cpfile" ]]; then
  stale=1
elif [[ -n "$(find sdk/src/main spi/src/main sdk/pom.xml spi/pom.xml pom.xml -newer "$jar" -type f -print -quit)" ]]; then
  stale=1
fi
if [[ $stale == 1 ]]; then
  mvn -q -o -pl sdk -am package -DskipTests >&2
  jar=$(ls sdk/target/framebridge-sdk-*.jar | grep -v -e sources -e javadoc | head -1)
fi
flags=$(sed -n 's:.*<chronicle.jvm.flags>\(.*\)</chronicle.jvm.flags>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms256m -Xmx1g -XX:+UseSerialGC $flags -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$jar:$(cat "$cpfile")" dev.framebridge.sdk.transport.bench.TransportBenchmark "$@"
