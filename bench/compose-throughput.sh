#!/usr/bin/env bash
# The main flow's throughput with every service as its own process, wired as deploy/compose/docker-compose.yml wires
# its containers, beside the all-in-one on the same machine (the issue's "Compose-cluster throughput of the main
# flow beside the all-in-one"). No Docker engine is needed, or used: the services run as tests/distributed-it runs
# them (ComposeOnThisMachine: the Compose file's environment with a generated .env, mem_limit as -Xmx, the images'
# JVM flags), against this machine's PostgreSQL, a Kafka broker in the holding JVM, S3Proxy and GreenMail.
#
#   bench/compose-throughput.sh [N=300]
#
# For each platform in turn: started (time to every service ready), then bench/ResumeThroughput.java through its
# gateway (N generated PDFs and N DOCX by 4 clients, a new organisation; uploads accepted per second and time until
# every one is PARSED), then the JVMs' resident memory summed (the services' JVMs; the all-in-one's one JVM), then
# stopped. Run twice per platform for warm numbers: BENCH_RUNS (1) rounds of N each on the same platform.
# Needs: JDK 25, PostgreSQL at 127.0.0.1:5432 (trust), the -app jars and the launcher jar built
# (./mvnw install -DskipTests), ports 8000-8193 free for the all-in-one. Results: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-300}
RUNS=${BENCH_RUNS:-1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
WORK=$(mktemp -d /tmp/openhire-compose-bench.XXXXXX)
IT=tests/distributed-it
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)

rss_mb() { # summed RSS of the given pids, MB
  local total=0 kb
  for pid in "$@"; do
    kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

throughput() { # URL: BENCH_RUNS rounds of ResumeThroughput
  for run in $(seq 1 "$RUNS"); do
    echo "--- round $run: $N PDFs and $N DOCX through $1"
    java -cp "$(cat "$WORK/cp.txt")" bench/ResumeThroughput.java "$1" "$N" | tee -a "$WORK/throughput.txt"
  done
}

./mvnw -q -B -o test-compile -Dspotless.check.skip=true -pl "$IT" >/dev/null
./mvnw -q -B -o -pl "$IT" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp-deps.txt" >/dev/null
echo "$ROOT/$IT/target/test-classes:$(cat "$WORK/cp-deps.txt")" > "$WORK/cp.txt"

echo "=== every service as its own process (deploy/compose's wiring)"
t0=$EPOCHREALTIME
(cd "$IT" && exec java -Dopenhire.root="$ROOT" -Dopenhire.version="$VERSION" -cp "$(cat "$WORK/cp.txt")" \
  io.openhire.distributed.ComposeTopology "$WORK/url") > "$WORK/topology.log" 2>&1 &
HOLDER=$!
while [ ! -s "$WORK/url" ]; do
  kill -0 "$HOLDER" 2>/dev/null || { tail -40 "$WORK/topology.log"; exit 1; }
  sleep 1
done
printf 'every service ready after %.1f s\n' "$(echo "$EPOCHREALTIME - $t0" | bc)"
grep "start to ready" "$WORK/topology.log" || true
SERVICES=$(pgrep -P "$HOLDER" -f -- '-app-.*\.jar' | tr '\n' ' ')
echo "services' JVMs at ready: $(rss_mb $SERVICES) MB resident ($(echo $SERVICES | wc -w) processes)"
throughput "$(cat "$WORK/url")"
echo "services' JVMs after: $(rss_mb $SERVICES) MB resident"
kill -TERM "$HOLDER"; wait "$HOLDER" 2>/dev/null || true

echo "=== the all-in-one (./openhire start)"
t0=$EPOCHREALTIME
OPENHIRE_BUILD=never ./openhire start --data-dir="$WORK/all-in-one" > "$WORK/all-in-one.log" 2>&1 &
LAUNCHER=$!
until grep -q "OpenHire is running" "$WORK/all-in-one.log"; do
  kill -0 "$LAUNCHER" 2>/dev/null || { tail -40 "$WORK/all-in-one.log"; exit 1; }
  sleep 1
done
printf 'running after %.1f s\n' "$(echo "$EPOCHREALTIME - $t0" | bc)"
JVM=$(pgrep -f 'java.*openhire-launcher' | head -1)
echo "launcher JVM at ready: $(rss_mb "$JVM") MB resident"
throughput http://localhost:8080
echo "launcher JVM after: $(rss_mb "$JVM") MB resident"
kill -TERM "$JVM"; wait "$LAUNCHER" 2>/dev/null || true
rm -rf "$WORK/all-in-one"
echo "logs: $WORK"
