#!/usr/bin/env bash
# 納付書 benchmark: creates N open installments (default 500) of one fund, 年度 and 期別, renders the batch PDF
# (one A4 page per installment, embedded Noto Sans JP subset, GS1-128 barcode image) three times through
# PaymentSlips.batch and prints ms per page of each run and the PDF size. The first run includes warm-up.
# Usage: bench/payment-slips/run.sh [N]      Needs JDK 21+ (JAVA_HOME or java on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-500}"
./mvnw -B -q test -Dtest=PaymentSlipBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.slips="$N" \
  -DtrimStackTrace=false 2>&1 | tee /tmp/madoguchi-bench-payment-slips.log | grep '^BENCH' || {
  echo "benchmark failed, see /tmp/madoguchi-bench-payment-slips.log"; exit 1; }
