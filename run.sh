#!/usr/bin/env bash
# Starts the whole system locally: a Kafka broker (KRaft), PostgreSQL, and the three services.
# Needs only a JDK 17. Data is kept in .local-data between runs; ./run.sh --clean starts afresh.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (first time: a few minutes, while Maven fetches dependencies)..."
./mvnw -q -B -DskipTests package
exec java -Xmx1g -jar local-run/target/local-run-exec.jar "$@"
