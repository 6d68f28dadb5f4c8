#!/bin/sh
# The fine-tuning experiment of ADR 12 (not part of the build): MiniLM fine-tuned for skill spans on the JVM.
# usage, from the project root, after ./mvnw install (for libs/sequence-tagging):
#   bench/skill-transformer/run.sh CheckForward
#   bench/skill-transformer/run.sh FineTune --epochs 3 --out bench/skill-transformer/out/full
#   bench/skill-transformer/run.sh FineTune --green-cv --epochs 2 --no-save --out bench/skill-transformer/out/green-cv
#   bench/skill-transformer/run.sh Evaluate bench/skill-transformer/out/full/best.params
set -e
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export OMP_WAIT_POLICY=PASSIVE   # libgomp's spin-waiting collapses when the 2 cores are shared
dir=bench/skill-transformer
if [ ! -d ../shared/data/skill-extraction ]; then echo "skipped: ../shared/data/skill-extraction is absent"; exit 0; fi
./mvnw -q -B -f $dir/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$dir/target/cp.txt" >/dev/null
mkdir -p $dir/target/classes
"$JAVA_HOME/bin/javac" -d $dir/target/classes -cp "$(cat $dir/target/cp.txt)" $(find $dir/src -name '*.java')
main=$1; shift
exec "$JAVA_HOME/bin/java" -Xmx6g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$dir/target/classes:$(cat $dir/target/cp.txt)" "io.openhire.bench.finetune.$main" "$@"
