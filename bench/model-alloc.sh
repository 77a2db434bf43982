#!/usr/bin/env bash
# Usage: bench/model-alloc.sh [frames]   (default 200000). Packages spi+sdk (no install), compiles and runs ModelAlloc.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl sdk -am package -DskipTests
M2="${HOME}/.m2/repository"
CP="sdk/target/framebridge-sdk-0.1.0-SNAPSHOT.jar:spi/target/framebridge-spi-0.1.0-SNAPSHOT.jar"
CP="$CP:$M2/org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar:$M2/org/joml/joml/1.10.9/joml-1.10.9.jar"
CP="$CP:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$CP" bench/ModelAlloc.java
java -Xmx512m -cp "$CP:$OUT" ModelAlloc "${1:-200000}" 2>/dev/null
