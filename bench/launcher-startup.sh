#!/usr/bin/env bash
# Measures the all-in-one launcher as a user runs it: `./openhire start`, then Ctrl-C.
#   bench/launcher-startup.sh [runs] [--jar=FILE]
# Run 1: a fresh data directory, demo data on (a new user's first start: initdb, migrations, demo jobs and
# resumes); runs 2..N: warm starts on the same data directory. Per run: each service's ready time (its
# "✓ <service> ... ready" console line, timestamped as it is printed), when "OpenHire is running" is
# printed (with the launcher's own "started in"), the launcher JVM's resident memory (VmRSS) then, when
# model-serving's embedding models are loaded (its health turns from DEGRADED to UP), and the stop: SIGTERM
# (what Ctrl-C sends) to exit, and how many WARN/ERROR lines the log got during the stop. Also the machine's
# load: the CPU time other processes used during the start (2 cores = 2 s of CPU per second).
# Default: `./openhire start` on the jar already built (`./openhire build` first, not timed). --jar=FILE runs
# that jar the way `./openhire start` ran before the start-up cache (plain `java -jar`), for a before/after.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
jar=
for arg in "$@"; do
  case "$arg" in
    --jar=*) jar=${arg#--jar=} ;;
    *) runs=$arg ;;
  esac
done
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
data=$(mktemp -d /tmp/openhire-bench.XXXXXX)
trap 'rm -rf "$data"' EXIT
if [ -z "$jar" ]; then
  OPENHIRE_BUILD=never ./openhire build >/dev/null   # the start-up cache, if the jar has none yet (not timed)
fi

launch() {
  if [ -n "$jar" ]; then
    exec "$JAVA" -Xms64m -Xmx768m -XX:+UseG1GC -XX:MaxMetaspaceSize=320m -Xss512k \
      --sun-misc-unsafe-memory-access=allow --add-modules jdk.incubator.vector \
      --enable-native-access=ALL-UNNAMED -jar "$jar" start --data-dir="$data"
  else
    OPENHIRE_BUILD=never exec ./openhire start --data-dir="$data"
  fi
}

# Each console line with the seconds since the launch, as it arrives.
stamp() { while IFS= read -r line; do printf '%.2f %s\n' "$(bc <<< "${EPOCHREALTIME} - $1")" "$line"; done; }
cpu_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }        # jiffies, all processes
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }     # jiffies, one process
hz=$(getconf CLK_TCK)

for run in $(seq 1 "$runs"); do
  console="$data/console-$run.log"
  : > "$console"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  busy0=$(cpu_busy)
  t0=$EPOCHREALTIME
  launch > >(stamp "$t0" > "$console") 2>&1 &
  pid=$!
  until grep -q 'OpenHire is running\|did not start' "$console"; do
    kill -0 "$pid" 2>/dev/null || { echo "launcher exited:"; cat "$console"; exit 1; }
    sleep 0.2
  done
  grep -q 'OpenHire is running' "$console" || { cat "$console"; kill -TERM "$pid"; wait "$pid" || true; exit 1; }
  running_at=$(bc <<< "${EPOCHREALTIME} - $t0")
  rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  others=$(( $(cpu_busy) - busy0 - $(cpu_of "$pid") ))
  launcher_cpu=$(cpu_of "$pid")
  ready=$(awk '/✓ / {if ($1 > max) max = $1} END {print max}' "$console")
  services=$(grep -c '✓ ' "$console")
  slowest=$(awk '/✓ / {print $1, $3}' "$console" | sort -n | tail -1 | cut -d' ' -f2)
  started_in=$(sed -n 's/.*started in \([0-9.]*\) s.*/\1/p' "$console")
  until curl -sf http://localhost:8000/actuator/health | grep -q '"status":"UP"'; do
    sleep 0.25
    [ "$(bc <<< "${EPOCHREALTIME} - $t0 > 180")" = 1 ] && break
  done
  models=$(bc <<< "${EPOCHREALTIME} - $t0")
  log="$data/logs/openhire.log"
  lines_before=$(wc -l < "$log")
  s0=$EPOCHREALTIME
  kill -TERM "$pid"   # what Ctrl-C does
  wait "$pid" 2>/dev/null || true
  stop=$(bc <<< "${EPOCHREALTIME} - $s0")
  problems=$(tail -n +"$((lines_before + 1))" "$log" | grep -c '"level":"\(WARN\|ERROR\)"' || true)
  printf 'run %d (%s): %d services ready in %.1f s (last: %s), running at %.1f s (launcher: "started in %s s"), RSS %d MB, launcher CPU %.1f s; models loaded at %.1f s; stop %.1f s with %d WARN/ERROR lines; load before %s, other processes used %.1f CPU-s during the start\n' \
    "$run" "$([ "$run" = 1 ] && echo 'first start, demo data' || echo warm)" "$services" "$ready" "$slowest" \
    "$running_at" "$started_in" "$rss" "$(bc <<< "scale=1; $launcher_cpu / $hz")" "$models" "$stop" "$problems" "$load" "$(bc <<< "scale=1; $others / $hz")"
  if [ -n "${BENCH_KEEP_CONSOLE:-}" ]; then cat "$console"; fi
  if [ "$problems" -gt 0 ]; then
    tail -n +"$((lines_before + 1))" "$log" | grep '"level":"\(WARN\|ERROR\)"' | cut -c1-400 | sed 's/^/    /'
  fi
done
