#!/bin/sh
# Host benchmark: start -> first output frame, and plugin JAR dropped -> its effect in the output.
# Builds what is needed, runs src-test's HostBenchmark against bin/framebridge (real child processes), and prints
# target/host-benchmark.txt. Extra arguments go to Maven, e.g. bench/host.sh -o -Dhost.bench.runs=10
set -eu
cd "$(dirname "$0")/.."
mvn -q -pl src-test -am verify -Dtest=HostBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat src-test/target/host-benchmark.txt
