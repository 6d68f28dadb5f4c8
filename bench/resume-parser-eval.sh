#!/usr/bin/env bash
# The resume parser on labelled resumes and real PDFs (see services/resume-processing/README.md).
# Usage: bench/resume-parser-eval.sh [--gold DIR] [--pdfs DIR]
#   default: --gold ../shared/data/resumes/annotated-xml --pdfs ../shared/data/resumes/pdf
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(--gold ../shared/data/resumes/annotated-xml --pdfs ../shared/data/resumes/pdf)
fi
module=services/resume-processing/resume-processing
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.outputFile="$PWD/$module/target/bench-classpath.txt" >/dev/null
java -cp "$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  io.openhire.resumeprocessing.evaluation.ParserEvaluation "${args[@]}"
