#!/usr/bin/env bash
# Scores resume-processing's resume tagger (a CRF) by 5-fold cross-validation on the 310 annotated resumes
# (each fold tagged by a model that never saw it; fields scored as bench/resume-parser-eval.sh scores the
# parser), then trains on all of them and writes the model libs/resume-tagger ships (resume-processing reads with it).
# Usage: bench/resume-tagger-train.sh [--out FILE] [--folds N]   (default: the resource in libs/resume-tagger)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
gold=../shared/data/resumes/annotated-xml
if [ ! -d "$gold" ]; then echo "skipped: $gold is absent (see ../shared/data/README.md)"; exit 0; fi
module=services/resume-processing/resume-processing
args=(--out libs/resume-tagger/src/main/resources/openhire/resumetagger/resume-tagger.crf)
if [ $# -gt 0 ]; then args=("$@"); fi
./mvnw -q -B install -DskipTests -Dspotless.check.skip=true -pl "$module" -am >/dev/null
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$PWD/$module/target/bench-classpath.txt" -pl "$module" >/dev/null
"$JAVA_HOME/bin/java" -Xmx3g -cp "$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  io.openhire.resumeprocessing.evaluation.ResumeTaggerTraining --gold "$gold" "${args[@]}"
