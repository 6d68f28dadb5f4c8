#!/usr/bin/env bash
# Load on the gateway: authenticated GET /api/v1/users/profile (gateway checks the JWT and rate
# limits, proxies to identity, which checks the JWT again and reads the user from PostgreSQL).
# wrk (Debian package `wrk`) runs on the same machine, so it takes CPU from the platform.
# Usage: bench/gateway-load.sh [duration=30s] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}
connections=${2:-32}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
data=$(mktemp -d /tmp/openhire-bench.XXXXXX)
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT

# The per-user budget would (rightly) refuse one user's 100k requests a minute: raise it for the run.
OPENHIRE_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms64m -Xmx768m -XX:+UseG1GC -XX:MaxMetaspaceSize=320m -Xss512k} \
  -Dopenhire.gateway.rate-limit.per-user-per-minute=100000000 \
  -Dopenhire.gateway.rate-limit.per-ip-per-minute=100000000" \
  ./openhire start --data-dir="$data" --no-demo > "$data/console.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null localhost:8080/actuator/health/readiness && curl -sf -o /dev/null localhost:8101/actuator/health/readiness; do sleep 0.2; done

curl -sf -X POST localhost:8080/api/v1/users/register -H 'Content-Type: application/json' \
  -d '{"organization":"Bench","name":"Bea Bench","email":"bea@bench.test","password":"purple elephants dance at noon"}' >/dev/null
token=$(curl -sf -X POST localhost:8080/api/v1/users/login -H 'Content-Type: application/json' \
  -d '{"email":"bea@bench.test","password":"purple elephants dance at noon"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

# Twenty Spring contexts' worth of code in one JVM: the JIT needs about a minute of load to settle
# (measured: 430 req/s in the first 20 s, 1,200-1,500 after 60 s).
echo "warm-up (60 s, not reported)"
wrk -t2 -c"$connections" -d60s -H "Authorization: Bearer $token" http://localhost:8080/api/v1/users/profile >/dev/null
echo "measured run: $duration, $connections connections"
wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" http://localhost:8080/api/v1/users/profile
echo "the same at 8 connections (less queueing in front of 2 cores):"
wrk -t2 -c8 -d"$duration" --latency -H "Authorization: Bearer $token" http://localhost:8080/api/v1/users/profile | grep -E "Requests/sec|50%|90%|99%"
echo "launcher RSS after load: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
echo "direct to identity (no gateway), for comparison:"
wrk -t2 -c"$connections" -d10s --latency -H "Authorization: Bearer $token" http://localhost:8101/api/v1/users/profile | grep -E "Requests/sec|99%|50%"
