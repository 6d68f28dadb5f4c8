#!/usr/bin/env bash
# Span-level P/R/F1 of job-processing's skill extractor on CoNLL files (default: the shared dev sets).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B install -DskipTests -Dspotless.check.skip=true -pl services/job-processing/job-processing -am
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/tmp/job-processing.cp -pl services/job-processing/job-processing
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  for f in ../shared/data/skill-extraction/skillspan/skillspan_tech_dev.conll \
           ../shared/data/skill-extraction/skillspan/skillspan_house_dev.conll \
           ../shared/data/skill-extraction/green/dev.conll; do args+=(--conll "$f"); done
fi
"$JAVA_HOME/bin/java" -cp "services/job-processing/job-processing/target/classes:$(cat /tmp/job-processing.cp)" \
  io.openhire.jobprocessing.evaluation.SkillExtractionEvaluation "${args[@]}"
