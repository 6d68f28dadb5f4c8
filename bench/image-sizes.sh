#!/usr/bin/env bash
# Sizes of the service images (./mvnw -Pimages) and, for some, the time from process start to ready, on a machine
# without Docker.
#   bench/image-sizes.sh [--build] [--start=identity,storage,gateway] [--baseline]
# Per image (services/<svc>/<svc>-app/target/jib-image.tar): the tarball's size (what `docker load` reads; the layers
# in it are gzipped, as a registry stores them), the uncompressed size (the sum of the layers, what a node unpacks), the
# base image layer's share of both, and the service's own layers, uncompressed (libraries; OpenHire's own modules,
# which are -SNAPSHOT jars in a layer of their own; the -app module's resources and classes). Then the totals: every tarball, and the distinct layers (the base is shared: a registry
# or a node holds it once).
# --build: first builds the base image if missing (deploy/images/build-base-image.sh, as root) and every image
#   (./mvnw -o -Pimages -DskipTests package on the 19 -app modules, nice'd; the service libraries must be installed).
# --start=LIST: starts those images with deploy/images/run-image.sh (a chroot, not a container: see there) against
#   this machine's PostgreSQL (127.0.0.1:5432, user postgres; a database openhire_image_check_<svc> is created and
#   dropped), Kafka pointed at 127.0.0.1:1 (nothing: the services start without it), on ports 18xxx, and prints the
#   time from the process start to /actuator/health/readiness answering 200, the resident memory then, and the time
#   a SIGTERM takes to stop it. Supported: identity, storage, gateway.
# --baseline: for the same services, the same start with `java -jar` of the -app jar on this machine's JDK, right
#   after, to separate the image from the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
build=false
start=
baseline=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --start=*) start=${arg#--start=} ;;
    --baseline) baseline=true ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
base=deploy/images/target/openhire-java-base.tar
apps=$(printf '%s\n' services/*/*-app | LC_ALL=C sort)

if [ "$build" = true ]; then
  [ -f "$base" ] || nice deploy/images/build-base-image.sh
  t0=$EPOCHREALTIME
  nice ./mvnw -o -q -Pimages -DskipTests -Dspotless.check.skip=true package -pl "$(paste -sd, <<< "$apps")"
  printf 'built %d images in %.0f s\n\n' "$(wc -l <<< "$apps")" "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}')"
fi

mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A blob_size=() blob_usize=()
all_tars=0 n=0
printf '| image | tarball MB | uncompressed MB | base layer share (tarball / uncompressed) | libraries MB | OpenHire modules MB | resources + classes KB |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for app in $apps; do
  tar_file="$app/target/jib-image.tar"
  [ -f "$tar_file" ] || { echo "| $(basename "$app") | missing: build with ./mvnw -Pimages | | | | | |"; continue; }
  dir="$tmp/image"
  rm -rf "$dir" && mkdir -p "$dir" && tar -xf "$tar_file" -C "$dir"
  config="$dir/$(jq -r '.[0].Config' "$dir/manifest.json")"
  name=$(jq -r '.[0].RepoTags[0]' "$dir/manifest.json")
  mapfile -t layers < <(jq -r '.[0].Layers[]' "$dir/manifest.json")
  # a layer's history entry says what it holds (Jib: dependencies, snapshot dependencies, resources, classes, ...)
  mapfile -t comments < <(jq -r '.history | map(select(.empty_layer != true)) | .[] | (.comment // "base")' "$config")
  total=0 utotal=0 base_c=0 base_u=0
  declare -A part=()
  for i in "${!layers[@]}"; do
    c=$(stat -c %s "$dir/${layers[$i]}")
    u=$(gzip -l "$dir/${layers[$i]}" | awk 'NR == 2 {print $2}')   # the gzip trailer: uncompressed size mod 4 GiB
    total=$((total + c)); utotal=$((utotal + u))
    digest=$(basename "${layers[$i]}")
    blob_size[$digest]=$c; blob_usize[$digest]=$u
    if [ "$i" = 0 ]; then base_c=$c base_u=$u; else part[${comments[$i]:-?}]=$(( ${part[${comments[$i]:-?}]:-0} + u )); fi
  done
  size=$(stat -c %s "$tar_file")
  all_tars=$((all_tars + size)); n=$((n + 1))
  printf '| %s | %s | %s | %s / %s | %s | %s | %s |\n' "$name" "$(mb "$size")" "$(mb "$utotal")" \
    "$(pct "$base_c" "$total")" "$(pct "$base_u" "$utotal")" "$(mb "${part[dependencies]:-0}")" \
    "$(mb "${part[snapshot dependencies]:-0}")" "$(( (${part[resources]:-0} + ${part[classes]:-0}) / 1024 ))"
  unset part
done
rm -rf "$tmp/image"
distinct=0 udistinct=0
for b in "${!blob_size[@]}"; do distinct=$((distinct + blob_size[$b])); udistinct=$((udistinct + blob_usize[$b])); done
echo
echo "$n tarballs: $(mb "$all_tars") MB; their distinct layers: $(mb "$distinct") MB gzipped, $(mb "$udistinct") MB uncompressed"
echo "base image $base: $(mb "$(stat -c %s "$base" 2>/dev/null || echo 0)") MB"

[ -n "$start" ] || exit 0
echo
echo "Start to ready ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before):"
psql() { PGOPTIONS='--client-min-messages=warning' command psql -h 127.0.0.1 -U postgres -qAt "$@"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
key() { openssl rand -base64 32; }
env_for() {   # the service's environment: a database of its own, keys, a port that is not the platform's
  local svc=$1 db=openhire_image_check_${1//-/_}
  case "$svc" in
    identity) echo "OPENHIRE_IDENTITY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db OPENHIRE_IDENTITY_DB_USER=postgres" \
      "OPENHIRE_IDENTITY_MASTER_KEY=$(key) OPENHIRE_IDENTITY_PORT=18101 OPENHIRE_KAFKA_BOOTSTRAP=127.0.0.1:1" ;;
    storage) echo "OPENHIRE_STORAGE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db OPENHIRE_STORAGE_DB_USER=postgres" \
      "OPENHIRE_STORAGE_ENCRYPTION_KEY=$(key) OPENHIRE_STORAGE_PORT=18193 OPENHIRE_KAFKA_BOOTSTRAP=127.0.0.1:1" \
      "OPENHIRE_STORAGE_BACKEND=filesystem OPENHIRE_STORAGE_ROOT=/tmp/objects OPENHIRE_IDENTITY_URL=http://127.0.0.1:18101" ;;
    gateway) echo "OPENHIRE_GATEWAY_PORT=18080 OPENHIRE_IDENTITY_URL=http://127.0.0.1:18101" ;;
    *) echo "no start check for $svc (supported: identity, storage, gateway)" >&2; return 1 ;;
  esac
}
port_of() { case "$1" in identity) echo 18101 ;; storage) echo 18193 ;; gateway) echo 18080 ;; esac; }
for svc in ${start//,/ }; do
  read -ra env <<< "$(env_for "$svc")"
  db=openhire_image_check_${svc//-/_}
  url="http://127.0.0.1:$(port_of "$svc")/actuator/health/readiness"
  runs=(image)
  [ "$baseline" = true ] && runs+=(jar)
  for how in "${runs[@]}"; do
    [ "$svc" = gateway ] || { psql -c "DROP DATABASE IF EXISTS $db" && psql -c "CREATE DATABASE $db"; }
    log="$tmp/$svc-$how.log"
    if [ "$how" = image ]; then
      result=$(deploy/images/run-image.sh "services/$svc/$svc-app/target/jib-image.tar" --ready="$url" --stop \
        --timeout=300 --log="$log" "${env[@]/#/--env=}" 2>/dev/null) || result="failed: $(tail -3 "$log")"
    else
      for jar in services/"$svc"/"$svc"-app/target/"$svc"-app-*.jar; do break; done   # not the .jar.original
      scratch=$(mktemp -d)
      t0=$EPOCHREALTIME
      env "${env[@]/\/tmp\/objects/$scratch/objects}" JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Duser.home=$scratch" \
        java --sun-misc-unsafe-memory-access=allow --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
        -Djava.io.tmpdir="$scratch" -jar "$jar" > "$log" 2>&1 &
      pid=$!
      until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      ready=$(secs "$t0" "$EPOCHREALTIME")
      rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo "?")
      t1=$EPOCHREALTIME
      kill -TERM "$pid" 2>/dev/null; wait "$pid" && code=0 || code=$?
      result="ready in $ready s (RSS $rss MB); stopped in $(secs "$t1" "$EPOCHREALTIME") s (exit $code)"
      rm -rf "$scratch"
    fi
    [ "$svc" = gateway ] || psql -c "DROP DATABASE IF EXISTS $db"
    printf '  %-9s %-5s %s\n' "$svc" "$how" "$(tr '\n' ' ' <<< "$result")"
  done
done
echo "(load after: $(cut -d' ' -f1-3 /proc/loadavg))"
