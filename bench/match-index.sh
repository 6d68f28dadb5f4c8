#!/usr/bin/env bash
# Matching at scale, in process: index build rate, top-50 with explanations (p50/p99) and HNSW recall@10
# against exact search, over candidates generated from the real profiles in ../shared/data.
# Usage: bench/match-index.sh [candidates=100000] [queries=200]
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/matching/matching
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-test-classpath.txt" >/dev/null
# A pathing jar: ONNX Runtime's Java binding crashes the JVM when java.class.path is very long.
python3 bench/pathing-jar.py "$module/target/bench-classpath.jar" \
  "$module/target/classes:$(cat "$module/target/bench-test-classpath.txt")"
java ${BENCH_OPTS:--Xmx6g} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$module/target/bench-classpath.jar" bench/MatchIndexBench.java "$@"
