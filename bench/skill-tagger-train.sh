#!/usr/bin/env bash
# Trains job-processing's skill tagger (a CRF) on SkillSpan's train splits, prints the span scores on
# SkillSpan's dev splits after each epoch and on Green et al.'s dev set (never trained on; also scored by
# 5-fold cross-validation), and writes the model libs/skills-taxonomy ships (job-processing tags with it until training registers a better one).
# Usage: bench/skill-tagger-train.sh [--out FILE]   (default: the resource in libs/skills-taxonomy)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
data=../shared/data/skill-extraction
if [ ! -d "$data" ]; then echo "skipped: $data is absent (see ../shared/data/README.md)"; exit 0; fi
module=services/job-processing/job-processing
lib=libs/skills-taxonomy
out=$lib/src/main/resources/openhire/skills/skill-tagger.crf
if [ "${1:-}" = "--out" ]; then out=$2; fi
./mvnw -q -B install -DskipTests -Dspotless.check.skip=true -pl "$module" -am >/dev/null
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$PWD/$module/target/bench-classpath.txt" -pl "$module" >/dev/null
"$JAVA_HOME/bin/java" -Xmx2g -cp "$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  io.openhire.jobprocessing.evaluation.SkillTaggerTraining \
  --train $data/skillspan/skillspan_tech_train.conll --train $data/skillspan/skillspan_house_train.conll \
  --dev $data/skillspan/skillspan_tech_dev.conll --dev $data/skillspan/skillspan_house_dev.conll \
  --cv $data/green/dev.conll --out "$out"
