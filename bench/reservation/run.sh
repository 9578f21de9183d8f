#!/usr/bin/env bash
# Reservation benchmark (issue 7): many concurrent HTTP clients book one popular day against the running platform
# (demo profile, embedded PostgreSQL in a throwaway data directory), then the database is checked for overbooked
# slots and lost confirmations, and pgbench (TPC-B-like) runs on the same embedded server with the same settings.
#
# Usage: bench/reservation/run.sh [CLIENTS] [BOOKINGS_PER_CLIENT]   (defaults 200 and 25)
#        BENCH_JAVA_OPTS adds JVM options to the platform, e.g. a JFR recording:
#        BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/booking.jfr,settings=profile' bench/reservation/run.sh
# Needs: JDK 21+ (JAVA_HOME or java on PATH; the load client runs as a source file, so JDK 22+ for that),
#        curl, psql and pgbench (Debian: postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS="${1:-200}"
PER_CLIENT="${2:-25}"
PORT="${BENCH_PORT:-18181}"
DB_PORT="${BENCH_DB_PORT:-15432}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-16}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
. bench/lib/platform.sh

for tool in curl psql pgbench; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: apt-get install postgresql-client curl)"; exit 1; }
done

platform_jar
echo "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
platform_start reservation "$PORT" "$DB_PORT"
platform_psql_env

"$JAVA" bench/reservation/BookingLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" "$PER_CLIENT" "$WORK/tokens.txt" \
  | tee "$WORK/load.txt"
RATE=$(grep '^RESULT' "$WORK/load.txt" | sed 's/.*confirmed_per_s=\([0-9.]*\).*/\1/')
DAY=$(grep '^RESULT' "$WORK/load.txt" | sed 's/.*day=\([0-9-]*\).*/\1/')

# Checks, as the superuser (row-level security does not hide rows from it).
psql -q -v ON_ERROR_STOP=1 -d madoguchi <<SQL
create temporary table bench_token (hash text primary key);
\copy bench_token from '$WORK/tokens.txt'
\echo overbooked slots (booked > capacity), must be 0:
select count(*) from reservation_slot where booked > capacity;
\echo slots whose count differs from their active bookings, must be 0:
select count(*) from reservation_slot s where s.booked <> (select count(*) from reservation_booking b
  where b.municipality_code = s.municipality_code and b.service_code = s.service_code and b.starts_at = s.starts_at
  and b.state in ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW'));
\echo lost confirmations (a client was told "booked" but no booking or no confirmation in the outbox), must be 0:
select count(*) from bench_token t
  left join reservation_booking b on encode(b.manage_token_hash, 'hex') = t.hash
  where b.id is null or not exists (select 1 from notification_outbox o
    where o.subject_type = 'reservation_booking' and o.subject_id = b.id::text and o.subject like '【予約完了】%');
\echo confirmations without a committed booking, must be 0:
select count(*) from notification_outbox o where o.subject like '【予約完了】%'
  and not exists (select 1 from reservation_booking b where b.id::text = o.subject_id);
\echo bookings committed on the popular day / places on that day:
select sum(booked) as booked, sum(capacity) as places from reservation_slot
  where starts_at >= '$DAY'::date::timestamp at time zone 'Asia/Tokyo'
    and starts_at < ('$DAY'::date + 1)::timestamp at time zone 'Asia/Tokyo' and service_code = 'certificates';
SQL

# pgbench on the same embedded server (same settings), TPC-B-like default script.
psql -q -d postgres -c "drop database if exists pgbench" -c "create database pgbench" >/dev/null
pgbench -i -q -s 10 pgbench >/dev/null 2>&1
pgbench -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_SECONDS" pgbench > "$WORK/pgbench.txt" 2>&1
grep -E "^(scaling|number of clients|latency average|tps)" "$WORK/pgbench.txt"
TPS=$(grep -E '^tps' "$WORK/pgbench.txt" | head -1 | sed 's/tps = \([0-9.]*\).*/\1/')
echo "pgbench $(pgbench --version | head -1), $PGBENCH_CLIENTS clients, ${PGBENCH_SECONDS} s"
awk -v r="$RATE" -v t="$TPS" 'BEGIN { printf "booking rate / pgbench tps = %.1f / %.1f = %.2f\n", r, t, r / t }'
