#!/usr/bin/env bash
# Online application benchmark (issue 5): concurrent residents submit 児童手当 applications over HTTP against the
# running platform (demo profile, embedded PostgreSQL with fsync on, in a throwaway data directory). Each
# submission is signed with the demo card and verified by the platform (CMS, chain, CRL), checked field by field,
# and stored with its case, events, audit event and receipt e-mail in one transaction.
#
# Usage: bench/applications/run.sh [CLIENTS] [DRAFTS_PER_CLIENT]   (defaults 32 and 40; BENCH_WARMUP=3 of each
# client's drafts are submitted first as an untimed warm-up wave, printed on its own line)
# Needs: JDK 22+ to run the load client as a source file, curl, psql (Debian: postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS="${1:-32}"
PER_CLIENT="${2:-40}"
PORT="${BENCH_PORT:-18191}"
DB_PORT="${BENCH_DB_PORT:-15442}"
. bench/lib/platform.sh
platform_jar
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)"
platform_start applications "$PORT" "$DB_PORT"

"$JAVA" bench/applications/SubmitLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" "$PER_CLIENT"

if command -v psql >/dev/null; then
  platform_psql_env
  psql -q -At -d madoguchi -c "show fsync" | sed 's/^/fsync: /'
  psql -q -At -d madoguchi -c "select 'applications stored: ' || count(*) || ', cases: ' || (select count(*) from application_case) || ', duplicates by idempotency key: ' || (count(*) - count(distinct idempotency_key)) from application"
fi
