#!/usr/bin/env bash
# Embedding throughput: raw ONNX Runtime versus POST /api/v1/predict of a running platform (start it first:
# ./openhire start), short and long texts at batch 1/8/32, then cached repeats.
# Usage: bench/embedding-throughput.sh [model-serving URL=http://localhost:8000] [gateway URL=http://localhost:8080] [seconds per cell=10]
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/model-serving/model-serving
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-test-classpath.txt" >/dev/null
# A pathing jar: ONNX Runtime's Java binding crashes the JVM when java.class.path is very long.
python3 bench/pathing-jar.py "$module/target/bench-classpath.jar" \
  "$module/target/classes:$(cat "$module/target/bench-test-classpath.txt")"
java ${BENCH_OPTS:-} -cp "$module/target/bench-classpath.jar" bench/EmbeddingThroughput.java "$@"
