#!/usr/bin/env bash
# Measures `./openhire start` from process start to every service ready (each service's readiness
# probe answers 200), and the launcher JVM's resident memory (VmRSS) at that moment.
# Usage: bench/launcher-startup.sh [runs]   (run 1 uses a fresh data dir: first start; later runs reuse it)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=$(mktemp -d /tmp/openhire-bench.XXXXXX)
trap 'rm -rf "$data"' EXIT
./openhire start --help >/dev/null 2>&1 || true   # builds the jar if needed, not timed

ready() { curl -sf -o /dev/null "http://localhost:$1/actuator/health/readiness"; }
ports="8080 8101 8193 8121 8122 8111 8112 8171 8000"   # every service of AllInOne.SERVICES
all_ready() { for p in $ports; do ready "$p" || return 1; done; }

for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./openhire start --data-dir="$data" --no-demo > "$data/console-$run.log" 2>&1 &
  pid=$!
  until all_ready; do
    kill -0 "$pid" 2>/dev/null || { echo "launcher exited:"; cat "$data/console-$run.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  # model-serving answers DEGRADED (lexical fallback) until its embedding models are loaded.
  until curl -sf http://localhost:8000/actuator/health | grep -q '"status":"UP"'; do sleep 0.1; done
  models=$(date +%s.%N)
  models_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf 'run %d: ready in %.1f s, RSS %d MB; embedding models loaded at %.1f s, RSS %d MB\n' "$run" \
    "$(echo "$end - $start" | bc)" "$((rss_kb / 1024))" "$(echo "$models - $start" | bc)" "$((models_rss_kb / 1024))"
  kill -TERM "$pid"   # what Ctrl-C does: the shutdown hook stops services, Kafka, PostgreSQL
  wait "$pid" 2>/dev/null || true
done
