#!/usr/bin/env bash
# End-to-end resume throughput: N PDFs and N DOCX uploaded through the gateway of a running platform
# (start it first: ./openhire start), timed until every one is parsed.
# Usage: bench/resume-throughput.sh [N=200] [base URL=http://localhost:8080]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
base=${2:-http://localhost:8080}
module=services/resume-processing/resume-processing
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl platform/platform-test -am install >/dev/null
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$module/target/bench-test-classpath.txt" >/dev/null
java -cp "$(cat "$module/target/bench-test-classpath.txt")" bench/ResumeThroughput.java "$base" "$n"
