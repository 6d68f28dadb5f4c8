#!/usr/bin/env bash
# The PII detector (libs/pii) on a Presidio-research-format file: per entity and overall token-level
# precision, recall and F2. Without --presidio it first generates the synthetic recruiting set (Datafaker,
# seven locales, fixed seed) into target/pii-synthetic.json and scores that.
#   bench/pii-eval.sh [--presidio FILE] [--threshold 0.5] [--errors N] [--samples N] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
module=libs/pii
samples=1000; seed=7; args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) samples=$2; shift 2;;
    --seed) seed=$2; shift 2;;
    *) args+=("$1"); shift;;
  esac
done
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-classpath.txt" >/dev/null
cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
if [[ ! " ${args[*]-} " == *" --presidio "* ]]; then
  "$JAVA_HOME/bin/java" -cp "$cp" io.openhire.pii.evaluation.SyntheticSet "$module/target/pii-synthetic.json" "$samples" "$seed"
  args+=(--presidio "$module/target/pii-synthetic.json")
fi
"$JAVA_HOME/bin/java" -cp "$cp" io.openhire.pii.evaluation.PresidioEvaluation "${args[@]}"
