# Shared by the HTTP benchmarks (source it from a run.sh that has cd'ed to the repository root):
#   platform_jar                      builds the jar when the sources are newer; sets JAR
#   platform_start NAME PORT DB_PORT  starts the platform (demo profile) on a throwaway data directory, stops it and
#                                     keeps its log as target/bench-NAME-platform.log at exit; waits until ready;
#                                     sets APP, WORK, DATA
#   platform_psql_env                 exports PGHOST/PGPORT/PGUSER/PGPASSWORD for the embedded server's superuser
# BENCH_JAVA_OPTS adds JVM options to the platform (e.g. a JFR recording).
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

platform_jar() {
  JAR=$(ls target/madoguchi-*-SNAPSHOT.jar 2>/dev/null | grep -v kit | head -1 || true)
  if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
    ./mvnw -B -q -o -DskipTests package >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package >/dev/null
    JAR=$(ls target/madoguchi-*-SNAPSHOT.jar | grep -v kit | head -1)
  fi
}

platform_start() {
  local name="$1" port="$2" db_port="$3"
  WORK="$(mktemp -d)"
  DATA="$WORK/madoguchi-data"
  BENCH_NAME="$name"
  BENCH_DB_PORT_IN_USE="$db_port"
  MADOGUCHI_PORT="$port" MADOGUCHI_DATA_DIR="$DATA" MADOGUCHI_EMBEDDED_DB_PORT="$db_port" \
    setsid "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo >"$WORK/platform.log" 2>&1 &
  APP=$!
  trap platform_stop EXIT
  for _ in $(seq 1 900); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then return; fi
    sleep 0.2
  done
  echo "platform did not start"; tail -50 "$WORK/platform.log"; exit 1
}

platform_stop() {
  kill -TERM "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  mkdir -p target && cp "$WORK/platform.log" "target/bench-$BENCH_NAME-platform.log" 2>/dev/null || true
  rm -rf "$WORK"
}

platform_psql_env() {
  export PGHOST=127.0.0.1 PGPORT="$BENCH_DB_PORT_IN_USE" PGUSER=postgres
  PGPASSWORD="$(grep '^postgres=' "$DATA/secrets.properties" | cut -d= -f2)"
  export PGPASSWORD
}
