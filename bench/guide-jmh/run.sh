#!/usr/bin/env bash
# Builds the guide engine benchmarks and runs them (3 warm-up and 5 measured iterations of 1 s, one fork).
# Needs JDK 21 or later: set JAVA_HOME, or have such a `java` on the PATH. Extra arguments go to JMH,
# for example: ./run.sh determine   (only benchmarks matching "determine").
set -euo pipefail
cd "$(dirname "$0")"
../../mvnw -B -q -f pom.xml package
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -jar target/guide-benchmarks.jar -wi 3 -i 5 -f 1 -w 1s -r 1s "$@"
