#!/usr/bin/env bash
# First start to a working demo shortlist, as a new user sees it: a fresh data directory, `openhire start`,
# then (through the gateway, as the demo admin) how long until the demo data is added, every demo resume is
# PARSED, and the demo backend job has a ranked shortlist of at least 5 candidates. Also the launcher's RSS then.
#   bench/demo-start.sh [runs]     (ports 8000-8193 must be free; runs the jar already built, as ./openhire does,
#                                   with its start-up cache: `./openhire build` first, not timed)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-1}
OPENHIRE_BUILD=never ./openhire build >/dev/null
for run in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d /tmp/openhire-demo-XXXX)
  LOG=$DATA.log
  t0=$(date +%s.%N)
  OPENHIRE_BUILD=never ./openhire start --data-dir="$DATA" > "$LOG" 2>&1 &
  PID=$!
  since() { python3 -c "import time; print(f'{time.time() - $t0:.1f}')"; }
  until grep -q 'OpenHire is running\|did not start' "$LOG"; do sleep 0.2; done
  ready=$(since)
  until grep -q 'Demo data\|demo jobs and resumes not added' "$LOG"; do sleep 0.2; done
  seeded=$(since)
  read -r EMAIL PASSWORD < <(grep 'Demo admin' "$LOG" | awk '{print $3" "$5}')
  TOKEN=$(curl -s localhost:8080/api/v1/users/login -H 'Content-Type: application/json' \
    -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  H="Authorization: Bearer $TOKEN"
  until [ "$(curl -s "localhost:8080/api/v1/resumes?status=PARSED&size=1" -H "$H" | python3 -c 'import sys,json;print(json.load(sys.stdin)["total"])')" -ge 12 ]; do sleep 0.5; done
  parsed=$(since)
  JOB=$(curl -s "localhost:8080/api/v1/jobs?text=Backend&size=1" -H "$H" | python3 -c 'import sys,json;print(json.load(sys.stdin)["items"][0]["id"])')
  until [ "$(curl -s "localhost:8080/api/v1/matches?jobId=$JOB&limit=20" -H "$H" | python3 -c 'import sys,json
try: print(len(json.load(sys.stdin).get("matches",[])))
except Exception: print(0)')" -ge 5 ]; do sleep 0.5; done
  shortlist=$(since)
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$PID/status)
  echo "run $run: ready ${ready} s, demo data added ${seeded} s, 12 resumes parsed ${parsed} s, shortlist (>= 5) ${shortlist} s, RSS ${rss} MB"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  rm -rf "$DATA" "$LOG"
done
