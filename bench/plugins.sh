#!/usr/bin/env bash
# Frames per second of every example plugin's drop-in JAR at 1280x720 on one thread (see PluginFpsBenchmark).
# Usage: bench/plugins.sh [seconds-of-paced-30fps-run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run: builds spi, sdk, the example JARs and src-test's test classes, and writes src-test's classpath
# (reactor modules resolve to their target/ directories, not to whatever SNAPSHOT sits in ~/.m2).
mvn -q -o -pl src-test -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "src-test/target/test-classes:$(cat src-test/target/bench-classpath.txt)" \
  dev.framebridge.plugins.bench.PluginFpsBenchmark "${1:-10}"
