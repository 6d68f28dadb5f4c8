#!/usr/bin/env bash
# Trains the PII detector's name tagger (libs/pii NameTagger: a CRF for people, places, organisations) on
# generated recruiting text (NameTaggerTraining: its own templates, Datafaker in eleven locales, seed 1001),
# scores it on 20 % held-out lines, trains on all and writes the model libs/pii ships.
#   bench/pii-tagger-train.sh [OUT] [lines=12000] [seed=1001]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
module=libs/pii
out=${1:-$module/src/main/resources/openhire/pii/name-tagger.crf}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-classpath.txt" >/dev/null
"$JAVA_HOME/bin/java" -Xmx3g -cp "$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")" \
  io.openhire.pii.evaluation.NameTaggerTraining "$out" "${2:-12000}" "${3:-1001}"
