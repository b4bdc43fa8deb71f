#!/usr/bin/env bash
# Builds the services and the benchmark, then runs it from the repository root (options: --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl benchmark -am package -DskipTests
exec java -Xmx1g -jar benchmark/target/benchmark.jar "$@"
