#!/usr/bin/env bash
# Measures what a municipal IT person waits for: a cold start of `./mvnw spring-boot:run` on an empty data
# directory (initdb, migrations, demo data), a warm start on the same data, and optionally `./mvnw verify`.
# Time is from the command's start until /actuator/health/readiness answers UP (demo data is loaded before that).
# Usage: bench/startup/run.sh [--verify]     Needs JDK 21+ (JAVA_HOME or java on PATH) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d)/madoguchi-data"
export MADOGUCHI_PORT="$PORT" MADOGUCHI_DATA_DIR="$DATA"

./mvnw -B -q -DskipTests compile >/dev/null   # compile once, so both runs measure the start, not javac

start_once() {
  local label="$1" t0 t1 pgid
  t0=$(date +%s.%N)
  setsid ./mvnw -B -q spring-boot:run >"/tmp/madoguchi-bench-$label.log" 2>&1 &
  pgid=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
    sleep 0.2
  done
  t1=$(date +%s.%N)
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"UP"' || { echo "$label start failed, see /tmp/madoguchi-bench-$label.log"; exit 1; }
  printf '%-22s %6.1f s\n' "$label start" "$(echo "$t1 - $t0" | bc)"
  kill -TERM -- "-$pgid"
  wait "$pgid" 2>/dev/null || true
  for _ in $(seq 1 100); do [ -e "$DATA/postgres/postmaster.pid" ] || break; sleep 0.2; done
  [ ! -e "$DATA/postgres/postmaster.pid" ] || echo "warning: PostgreSQL still running after stop"
}

echo "machine: $(nproc) cores, $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
start_once cold
start_once warm
if [ "${1:-}" = "--verify" ]; then
  t0=$(date +%s.%N)
  ./mvnw -B -q verify >/tmp/madoguchi-bench-verify.log 2>&1
  printf '%-22s %6.1f s\n' "./mvnw verify" "$(echo "$(date +%s.%N) - $t0" | bc)"
fi
rm -rf "$(dirname "$DATA")"
