#!/usr/bin/env bash
# The guide's public API under concurrent load: builds the platform, starts it (demo data, a throwaway data
# directory, port 18080), then runs GuideLoad with 16 and 64 concurrent clients (10 s warm-up, 30 s measured each)
# and prints requests/s and p50/p90/p99 latency. Needs JDK 21+ (JAVA_HOME or java on the PATH).
# Usage: bench/guide-http/run.sh [clients...]   (default: 16 64)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLIENTS=("${@:-16 64}")
./mvnw -B -q package -DskipTests
DATA=$(mktemp -d)
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
MADOGUCHI_DATA_DIR="$DATA" MADOGUCHI_PORT=18080 SPRING_PROFILES_ACTIVE=demo \
  "$JAVA" -jar target/madoguchi-0.1.0-SNAPSHOT.jar > "$DATA/server.log" 2>&1 &
PID=$!
for i in $(seq 1 180); do
  if curl -sf http://localhost:18080/api/public/v1/municipalities/205991/life-events > /dev/null; then break; fi
  sleep 1
done
echo "machine: $(nproc) cores; server and load client on the same machine"
for c in ${CLIENTS[@]}; do
  "$JAVA" bench/guide-http/GuideLoad.java http://localhost:18080 "$c" 10 30
done
