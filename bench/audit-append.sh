#!/usr/bin/env bash
# The audit service's append rate and the chain's verification time, on a running platform (./openhire start):
# N entries for the signed-in admin's organisation sent to Kafka as the services' outboxes send them, timed until
# the organisation's log holds them all; then GET /api/v1/logs/verify.
#   bench/audit-append.sh KAFKA_BOOTSTRAP ACCESS_TOKEN [N=5000] [API=http://localhost:8080]
# KAFKA_BOOTSTRAP: the "kafka" line ./openhire start prints (localhost:<port>); ACCESS_TOKEN: an admin's, from
# POST /api/v1/users/login. The entries (action bench.read) stay in that organisation's log: use a scratch one.
set -euo pipefail
cd "$(dirname "$0")/.."
kafka=${1:?kafka bootstrap}; token=${2:?access token}; n=${3:-5000}; api=${4:-http://localhost:8080}
# the Kafka client the build uses (from the local Maven repository it filled)
jars=$(find ~/.m2/repository/org/apache/kafka/kafka-clients -name 'kafka-clients-*.jar' ! -name '*-test*' | sort | tail -1)
jars="$jars:$(find ~/.m2/repository/org/slf4j/slf4j-api -name 'slf4j-api-2*.jar' | sort | tail -1)"
jars="$jars:$(find ~/.m2/repository -name 'lz4-java-*.jar' | head -1)"
java -cp "$jars" bench/AuditAppend.java "$kafka" "$api" "$token" "$n"
