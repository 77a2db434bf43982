#!/bin/sh
# Host benchmark: start -> first output frame, plugin JAR dropped -> its effect in the output, and the output gap
# while a JAR is replaced at 30 fps (HotReloadBenchmark).
# Builds what is needed, runs src-test's HostBenchmark against bin/framebridge (real child processes), and prints
# target/host-benchmark.txt. Extra arguments go to Maven, e.g. bench/host.sh -o -Dhost.bench.runs=10
set -eu
cd "$(dirname "$0")/.."
mvn -q -pl src-test -am verify -Dtest=HostBenchmark,HotReloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat src-test/target/host-benchmark.txt src-test/target/reload-benchmark.txt
