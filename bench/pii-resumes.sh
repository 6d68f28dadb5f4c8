#!/usr/bin/env bash
# How much of real resumes' text the PII detector takes for names, places and organisations: the shared PDF
# resumes were anonymised by their publisher (placeholders for the person, employers and cities), so what is
# flagged there is nearly all false positives. A measure of over-redaction that needs no labels.
#   bench/pii-resumes.sh [FOLDER]   (default ../shared/data/resumes/pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
module=services/privacy/privacy
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl "$module" -am install >/dev/null
./mvnw -q -B -pl "$module" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-classpath.txt" >/dev/null
cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
"$JAVA_HOME/bin/java" -cp "$cp" io.openhire.privacy.bench.FlaggedShare "${1:-../shared/data/resumes/pdf}"
