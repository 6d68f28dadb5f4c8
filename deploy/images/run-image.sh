#!/usr/bin/env bash
# Runs an image tarball (a `jib-image.tar` of ./mvnw -Pimages, or a `docker save` tarball of an image that has
# /bin/sh and /usr/bin/env) without a container runtime, to check it on a machine without Docker: its layers are
# unpacked in order into a directory, which is then the root of the image's entrypoint, run the way the manifests in
# deploy/ run it:
#   - as the image's user (10001:10001), with the image's environment and working directory;
#   - a read-only root filesystem, /tmp a fresh tmpfs (mode 1777), /proc, and /dev with null, zero, full, random,
#     urandom; the host's /etc/hosts and /etc/resolv.conf, as a runtime bind-mounts them;
#   - in a mount namespace of its own (unshare), so the mounts vanish with the process.
# It is a chroot, not a container: same network (ports bind on the host, 127.0.0.1 is the host), same PID and user
# namespaces, no cgroup limits (the JVM sizes its heap from the host's memory), no seccomp, capabilities dropped only by
# running as non-root.
#
#   deploy/images/run-image.sh IMAGE.tar [--env=NAME=VALUE ...] [--ready=URL [--timeout=SECONDS] [--stop]] [-- ARGS]
#   deploy/images/run-image.sh IMAGE.tar --entrypoint=PROGRAM [-- ARGS]      e.g. --entrypoint=sh -- -c 'id; ls /app'
#
# --ready=URL polls URL (e.g. http://127.0.0.1:18101/actuator/health/readiness) until it answers 200 and prints the
# time from the start of the process to then ("ready in 12.3 s") and the process's resident memory; with --stop the
# process is then stopped (SIGTERM) and the time it took to exit printed, else it keeps running in the foreground.
# ARGS after -- are appended to the image's Cmd (with --entrypoint: PROGRAM's arguments, instead of Entrypoint and Cmd). The process's output goes to stdout; --log=FILE sends it there.
# Needs root (chroot, mounts), tar, gzip, jq, curl.
set -euo pipefail

image=
envs=()
ready=
timeout=300
stop=false
log=
entrypoint=
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --env=*) envs+=("${1#--env=}") ;;
    --ready=*) ready=${1#--ready=} ;;
    --timeout=*) timeout=${1#--timeout=} ;;
    --stop) stop=true ;;
    --log=*) log=${1#--log=} ;;
    --entrypoint=*) entrypoint=${1#--entrypoint=} ;;
    --) shift; args=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) image=$1 ;;
  esac
  shift
done
if [ -z "$image" ] || [ ! -f "$image" ]; then echo "usage: $0 IMAGE.tar [options] (see --help)" >&2; exit 2; fi
[ "$(id -u)" = 0 ] || { echo "run as root (chroot and mounts need it)" >&2; exit 1; }
for tool in jq curl tar unshare chroot; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

work=$(mktemp -d /tmp/openhire-image.XXXXXX)
root="$work/root"
pid=
proc=
cleanup() {
  for p in $proc $pid; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/image" "$root"
tar -xf "$image" -C "$work/image"
manifest="$work/image/manifest.json"
config="$work/image/$(jq -r '.[0].Config' "$manifest")"

# The layers in order; whiteouts (.wh.NAME deletes NAME, .wh..wh..opq empties the directory) as a runtime applies them.
while read -r layer; do
  list=$(tar --warning=no-unknown-keyword -tf "$work/image/$layer")
  while read -r entry; do
    base=${entry##*/}; dir=${entry%"$base"}
    case "$base" in
      .wh..wh..opq) find "$root/$dir" -mindepth 1 -delete 2>/dev/null || true ;;
      .wh.*) rm -rf "${root:?}/$dir${base#.wh.}" ;;
    esac
  done < <(grep -E '(^|/)\.wh\.' <<< "$list" || true)
  tar --warning=no-unknown-keyword -xpf "$work/image/$layer" -C "$root" --numeric-owner --exclude='.wh.*' --exclude='*/.wh.*'
done < <(jq -r '.[0].Layers[]' "$manifest")

user=$(jq -r '.config.User // ""' "$config"); user=${user:-0:0}
case "$user" in *:*) ;; *) user="$user:$user" ;; esac
workdir=$(jq -r '.config.WorkingDir // ""' "$config"); workdir=${workdir:-/}
mapfile -t image_env < <(jq -r '.config.Env // [] | .[]' "$config")
if [ -n "$entrypoint" ]; then
  command=("$entrypoint")
else
  mapfile -t command < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
fi
command+=("${args[@]}")
home=$(awk -F: -v u="${user%%:*}" '$3 == u {print $6}' "$root/etc/passwd"); home=${home:-/}
[ ${#command[@]} -gt 0 ] || { echo "the image has no Entrypoint or Cmd" >&2; exit 1; }

setup=$(cat <<'EOF'
set -e
root=$1; shift
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=1777,size=1g tmpfs "$root/tmp"
mount -t tmpfs -o mode=0755,size=1m tmpfs "$root/dev"
for d in null zero full random urandom; do touch "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
mkdir -p "$root/dev/shm" && mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
for f in hosts resolv.conf; do [ -e "$root/etc/$f" ] && mount --bind "/etc/$f" "$root/etc/$f"; done
exec "$@"
EOF
)

# shellcheck disable=SC2016 # the inner sh expands $0 and $@
run() {
  unshare --mount --propagation private -- bash -c "$setup" setup "$root" \
    chroot --userspec="$user" "$root" /usr/bin/env -i HOME="$home" HOSTNAME="$(hostname)" "${image_env[@]}" "${envs[@]}" \
    /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "${command[@]}"
}

echo "image $(jq -r '.[0].RepoTags[0] // "?"' "$manifest"): user $user, entrypoint ${command[*]}" >&2
if [ -z "$ready" ]; then
  run
  exit
fi

t0=$EPOCHREALTIME
if [ -n "$log" ]; then run > "$log" 2>&1 & else run & fi
pid=$!
until curl -fsS -o /dev/null --max-time 2 "$ready" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "the process exited before $ready answered" >&2; pid=; exit 1; }
  if awk -v a="$t0" -v b="$EPOCHREALTIME" -v t="$timeout" 'BEGIN {exit !(b - a > t)}'; then echo "not ready after $timeout s" >&2; exit 1; fi
  sleep 0.2
done
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
ready_s=$(secs "$t0" "$EPOCHREALTIME")
# the entrypoint's process: the last of the exec chain unshare, bash, chroot, env, sh
proc=$(pgrep -n -u "${user%%:*}" -f -- "${command[-1]}" || true)
rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/${proc:-$pid}/status" 2>/dev/null || echo "?")
echo "ready in $ready_s s (RSS $rss MB)"
if [ "$stop" = true ]; then
  t1=$EPOCHREALTIME
  kill -TERM "${proc:-$pid}"
  wait "$pid" && code=0 || code=$?
  pid='' proc=''
  echo "stopped in $(secs "$t1" "$EPOCHREALTIME") s (exit $code)"
else
  wait "$pid"
fi
