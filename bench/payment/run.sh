#!/usr/bin/env bash
# 公金収納 benchmark: creates N installments (default 1,000,000), generates a convenience-store result file with one
# 確報 per installment (every 1000th with an unknown 納付番号 → quarantined), imports and reconciles it through the
# application (COPY into a staging table, set-based SQL), then times PostgreSQL COPY of the same rows into a plain
# table on the same embedded server and prints records/s of both and their ratio, with the duration of each step of
# the import (the service's debug log: counts and milliseconds only) and the machine's load before and after.
# Usage: bench/payment/run.sh [N]      Needs JDK 21+ (JAVA_HOME or java on PATH). Takes a few minutes for 1,000,000.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1000000}"
echo "BENCH load before: $(uptime)"
./mvnw -B -q test -Dtest=PaymentImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.records="$N" \
  -Dlogging.level.jp.madoguchi.payment.internal=DEBUG -DtrimStackTrace=false > /tmp/madoguchi-bench-payment.log 2>&1 || {
  echo "benchmark failed, see /tmp/madoguchi-bench-payment.log"; exit 1; }
grep -E 'read and staged|Reconciled file' /tmp/madoguchi-bench-payment.log | sed -E 's/^.*: (Payment file|Reconciled file)/BENCH step: \1/'
grep '^BENCH' /tmp/madoguchi-bench-payment.log
echo "BENCH load after: $(uptime)"
