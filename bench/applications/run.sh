#!/usr/bin/env bash
# Online application benchmark (issue 5): concurrent residents submit 児童手当 applications over HTTP against the
# running platform (demo profile, embedded PostgreSQL with fsync on, in a throwaway data directory). Each
# submission is signed with the demo card and verified by the platform (CMS, chain, CRL), checked field by field,
# and stored with its case, events, audit event and receipt e-mail in one transaction.
#
# Usage: bench/applications/run.sh [CLIENTS] [DRAFTS_PER_CLIENT]   (defaults 32 and 40)
# Needs: JDK 22+ to run the load client as a source file, curl, psql (Debian: postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS="${1:-32}"
PER_CLIENT="${2:-40}"
PORT="${BENCH_PORT:-18191}"
DB_PORT="${BENCH_DB_PORT:-15442}"
WORK="$(mktemp -d)"
DATA="$WORK/madoguchi-data"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

JAR=$(ls target/madoguchi-*-SNAPSHOT.jar 2>/dev/null | grep -v kit | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
  ./mvnw -B -q -o -DskipTests package >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package >/dev/null
  JAR=$(ls target/madoguchi-*-SNAPSHOT.jar | grep -v kit | head -1)
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)"
MADOGUCHI_PORT="$PORT" MADOGUCHI_DATA_DIR="$DATA" MADOGUCHI_EMBEDDED_DB_PORT="$DB_PORT" \
  setsid "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo >"$WORK/platform.log" 2>&1 &
APP=$!
cleanup() {
  kill -TERM "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  mkdir -p target && cp "$WORK/platform.log" target/bench-applications-platform.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 900); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"UP"' || { echo "platform did not start"; tail -50 "$WORK/platform.log"; exit 1; }

"$JAVA" bench/applications/SubmitLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" "$PER_CLIENT" | tee "$WORK/load.txt"

if command -v psql >/dev/null; then
  export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres
  PGPASSWORD="$(grep '^postgres=' "$DATA/secrets.properties" | cut -d= -f2)"
  export PGPASSWORD
  psql -q -At -d madoguchi -c "show fsync" | sed 's/^/fsync: /'
  psql -q -At -d madoguchi -c "select 'applications stored: ' || count(*) || ', cases: ' || (select count(*) from application_case) || ', duplicates by idempotency key: ' || (count(*) - count(distinct idempotency_key)) from application"
fi
