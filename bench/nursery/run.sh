#!/usr/bin/env bash
# Nursery admission matching: builds the benchmark (the kit and jp.madoguchi.nursery compiled from the working tree)
# and times both modes on generated instances at さいたま市 scale (~8,000 children, 311 facilities) and at 20,000
# children / 600 facilities. Prints the median of several runs per mode, children placed, blocking pairs and the
# solver's proof status. Extra arguments go to the benchmark, e.g. ./run.sh --only 8000 --optimal-runs 5
# Needs JDK 21 or later (JAVA_HOME, or java on the PATH).
set -euo pipefail
cd "$(dirname "$0")"
../../mvnw -B -q -f pom.xml package
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx4g -jar target/nursery-bench.jar "$@"
