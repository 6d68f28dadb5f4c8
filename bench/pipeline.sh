#!/usr/bin/env bash
# The pipeline at scale on the applications service (its HTTP API and PostgreSQL queries, embedded PostgreSQL):
# candidate search and job boards with N candidates and M applications, p50/p95/p99.
# Usage: bench/pipeline.sh [candidates=100000] [applications=20000] [queries=300]
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/applications/applications
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-test-classpath.txt" >/dev/null
java ${BENCH_OPTS:--Xmx2g} -cp "$module/target/classes:$(cat "$module/target/bench-test-classpath.txt")" \
  bench/PipelineBench.java "$@"
