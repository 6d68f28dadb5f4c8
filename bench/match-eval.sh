#!/usr/bin/env bash
# Matching quality on labelled data, through a running platform (start it first: ./openhire start):
#   bench/match-eval.sh --jobs DIR --resumes DIR --qrels FILE [--direction job-to-resumes|resume-to-jobs] [--url URL]
# Prints NDCG@5, NDCG@10, MAP and P@5 for the hybrid ranker and for BM25 alone. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/matching/matching
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-test-classpath.txt" >/dev/null
python3 bench/pathing-jar.py "$module/target/bench-classpath.jar" \
  "$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-test-classpath.txt")"
java ${BENCH_OPTS:-} -cp "$module/target/bench-classpath.jar" bench/MatchEval.java "$@"
