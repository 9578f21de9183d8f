#!/usr/bin/env bash
# Certificate benchmark: issues N signed certificates (default 2000; 住民票の写し of a demo resident, SELF, at the
# counter) through CertificateIssuance.issue on T threads (default 4), in-process on the embedded PostgreSQL with
# the demo data, after a warm-up of 50. Prints signed certificates per second, p50/p99/max per certificate, the font
# in use and the machine note. Each certificate: audited register read, policy, glyph check, 発行番号, PDF render,
# PAdES signature (RSA-2048), insert of the PDF.
# Usage: bench/certificate/run.sh [N] [THREADS] [FONT]      FONT: auto (IPAmj明朝 when installed, default) or platform
# (the bundled Noto Sans JP). Needs JDK 21+ (JAVA_HOME or java on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2000}"
T="${2:-4}"
FONT="${3:-auto}"
./mvnw -B -q test -Dtest=CertificateBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.certificates="$N" \
  -Dbench.threads="$T" -Dmadoguchi.certificate.font="$FONT" -DtrimStackTrace=false 2>&1 | tee /tmp/madoguchi-bench-certificate.log | grep '^BENCH' || {
  echo "benchmark failed, see /tmp/madoguchi-bench-certificate.log"; exit 1; }
