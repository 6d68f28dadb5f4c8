#!/usr/bin/env bash
# Builds openhire-java-base, the base image of every OpenHire service image, without Docker and without a registry:
#
#   Debian 12 "bookworm" (debootstrap --variant=minbase, with the security updates of the day)
#   + ca-certificates, curl (Compose's healthchecks call it), fontconfig and DejaVu fonts (PDF rendering in
#     privacy, headless AWT), netbase, tzdata
#   + a Java 25 runtime linked (jlink) from the local JDK into /opt/java, with its class data sharing archive
#   + the user openhire, uid/gid 10001, home /home/openhire; /tmp mode 1777; no setuid/setgid programs
#
# and writes it as one image tarball: the layout of `docker save` (manifest.json, the config, one gzipped layer)
# with an OCI image layout beside it (oci-layout, index.json, blobs/sha256/...). The Maven profile `images` reads it
# as Jib's base image (`tar://...`, see deploy/README.md, "Images"):
#
#   sudo deploy/images/build-base-image.sh          # -> deploy/images/target/openhire-java-base.tar
#   ./mvnw -Pimages -DskipTests package             # -> services/<svc>/<svc>-app/target/jib-image.tar
#
# Options: --output=FILE (default deploy/images/target/openhire-java-base.tar), --keep-work (keep the root
# filesystem in deploy/images/target/base-work for inspection). The downloaded .deb files stay in
# deploy/images/target/debs for the next build.
# Environment: JAVA_HOME (the JDK 25 to link from; default /usr/lib/jvm/temurin-25-jdk-amd64),
# OPENHIRE_DEBIAN_MIRROR (default http://deb.debian.org/debian), OPENHIRE_DEBIAN_SECURITY_MIRROR
# (default http://deb.debian.org/debian-security; "none" skips the security updates), OPENHIRE_BASE_EXTRA_PACKAGES
# (more Debian packages, comma-separated, e.g. tesseract-ocr,tesseract-ocr-eng for a resume-processing base),
# SOURCE_DATE_EPOCH (every file's and the image's time; default 1, i.e. 1970-01-01T00:00:01Z, as Jib's layers).
#
# Reproducible: the same Debian packages and the same JDK give the same layer and the same image digest (names
# sorted, fixed times, numeric owners, gzip -n). The packages are those of the mirror on the day: the exact list is
# written next to the tarball (openhire-java-base.packages.txt); pin a day with
# OPENHIRE_DEBIAN_MIRROR=http://snapshot.debian.org/archive/debian/<YYYYMMDDTHHMMSSZ> (and the security one alike).
#
# Needs: root (debootstrap, chroot, file ownership), debootstrap (apt-get install debootstrap), tar, gzip, sha256sum,
# and network access to the Debian mirror. amd64 only (the architecture of the JDK it links from).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/openhire-java-base.tar"
keep_work=false
for arg in "$@"; do
  case "$arg" in
    --output=*) out=${arg#--output=} ;;
    --keep-work) keep_work=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
suite=bookworm
mirror=${OPENHIRE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${OPENHIRE_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
packages=ca-certificates,curl,fontconfig,fonts-dejavu-core,netbase,tzdata
[ -n "${OPENHIRE_BASE_EXTRA_PACKAGES:-}" ] && packages="$packages,$OPENHIRE_BASE_EXTRA_PACKAGES"
epoch=${SOURCE_DATE_EPOCH:-1}
image_name=openhire/java-base
uid=10001

die() { echo "build-base-image: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it): sudo $0"
command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
[ "$(uname -m)" = x86_64 ] || die "amd64 only (this machine is $(uname -m))"
[ -x "$JAVA_HOME/bin/jlink" ] || die "no jlink in JAVA_HOME=$JAVA_HOME (set JAVA_HOME to a JDK 25)"
java_version=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')
case "$java_version" in 25*) ;; *) die "JAVA_HOME=$JAVA_HOME is Java $java_version, not 25" ;; esac

work="$here/target/base-work"
rootfs="$work/rootfs"
layout="$work/image"
mkdir -p "$here/target/debs" "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

cleanup() {
  for m in proc sys dev/pts; do mountpoint -q "$rootfs/$m" 2>/dev/null && umount "$rootfs/$m"; done
  [ "$keep_work" = true ] || rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$work"
mkdir -p "$rootfs" "$layout"

step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }

step "debootstrap $suite (minbase + $packages) from $mirror"
debootstrap --variant=minbase --include="$packages" --cache-dir="$here/target/debs" \
  "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log"; die "debootstrap failed (log above)"; }

in_root() { chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
# /proc for the package scripts and for java (the dynamic loader finds $ORIGIN, i.e. /opt/java/lib, through it)
mount -t proc proc "$rootfs/proc"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"

{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  [ "$security_mirror" = none ] || echo "deb $security_mirror $suite-security main"
} > "$rootfs/etc/apt/sources.list"
if [ "$security_mirror" != none ]; then
  step "security and stable updates"
  in_root apt-get -qq update
  in_root apt-get -qq -y -o Dpkg::Options::=--force-confold upgrade > "$work/upgrade.log" 2>&1
fi
# shellcheck disable=SC2016 # dpkg-query's format, not the shell's
in_root dpkg-query -W -f '${Package} ${Version}\n' | LC_ALL=C sort > "$work/packages.txt"

step "Java runtime: jlink from $JAVA_HOME ($java_version) into /opt/java"
# Every module of the JDK a service may need at run time (java.se, jdk.incubator.vector for matching's Lucene,
# java.desktop for PDFBox, the crypto providers, jdk.jfr/jcmd/attach/jdwp for diagnostics), without the
# development tools (javac, javadoc, jshell, jdeps, jconsole, the Graal JIT, the serviceability agent) and without
# jdk.jlink/jdk.jpackage, which a JDK without jmods cannot link (JEP 493). jdk.internal.md (javadoc's Markdown) would
# pull in javac.
modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' | grep -vxE \
  'jdk\.(jlink|jpackage|compiler|jshell|javadoc|internal\.md|jdeps|jconsole|editpad|internal\.ed|internal\.le|internal\.opt|jartool|jstatd|hotspot\.agent|graal\.compiler|graal\.compiler\.management|internal\.vm\.ci)' \
  | paste -sd, -)
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$rootfs/opt/java" 2>&1 | grep -v 'incubator modules' || true
[ -x "$rootfs/opt/java/bin/java" ] || die "jlink did not produce /opt/java/bin/java"
# The archive for heaps over 32 GB (no compressed oops): 15 MB that no OpenHire container uses.
rm -f "$rootfs/opt/java/lib/server/classes_nocoops.jsa"
in_root /opt/java/bin/java -Xshare:on -XX:-UsePerfData -version > /dev/null 2>&1 || die "the linked runtime does not start in the root filesystem"
echo "java $java_version ($("$rootfs/opt/java/bin/java" --list-modules | wc -l) modules)" >> "$work/packages.txt"

step "user openhire ($uid), /tmp, trimming"
echo "openhire:x:$uid:$uid:OpenHire:/home/openhire:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
echo "openhire:x:$uid:" >> "$rootfs/etc/group"
echo "openhire:*::0:99999:7:::" >> "$rootfs/etc/shadow"
echo "openhire:!::" >> "$rootfs/etc/gshadow"
install -d -m 0750 -o "$uid" -g "$uid" "$rootfs/home/openhire"
chmod 1777 "$rootfs/tmp"
# Password ages are days since 1970 of the build: left empty (no ageing), for a reproducible /etc/shadow.
sed -i -E 's/^([^:]*:[^:]*:)[0-9]*:/\1:/' "$rootfs/etc/shadow"
rm -f "$rootfs"/etc/shadow- "$rootfs"/etc/gshadow- "$rootfs"/etc/passwd- "$rootfs"/etc/group-
in_root apt-get -qq clean
umount "$rootfs/proc"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/lib/dpkg/*-old "$rootfs"/var/cache/ldconfig/aux-cache "$rootfs"/var/log/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/lintian "$rootfs"/usr/share/linda \
  "$rootfs"/usr/share/locale/* "$rootfs"/var/cache/fontconfig/* "$rootfs"/root/.cache
# Documentation goes, the copyright files stay (the packages' licences).
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
# The runtime provides these (resolv.conf, hosts and hostname are bind-mounted; /dev, /proc, /sys are mounted).
: > "$rootfs/etc/resolv.conf"
: > "$rootfs/etc/machine-id"
rm -f "$rootfs/var/lib/dbus/machine-id"
rm -rf "${rootfs:?}"/dev/* "${rootfs:?}"/proc/* "${rootfs:?}"/sys/* "${rootfs:?}"/run/* "${rootfs:?}"/tmp/* "${rootfs:?}"/tmp/.[!.]*
# Nothing in the image may raise privileges (the services run as 10001 with no-new-privileges anyway).
find "$rootfs" -xdev -type f -perm /6000 -exec chmod ug-s {} +

step "fontconfig cache (valid for the fixed file times)"
find "$rootfs" -xdev -exec touch -h -d "@$epoch" {} +
in_root fc-cache -s > /dev/null
find "$rootfs" -xdev -newermt "@$epoch" -exec touch -h -d "@$epoch" {} +
du -sh --apparent-size "$rootfs" | awk '{print "root filesystem: " $1}'

step "layer and image tarball"
blobs="$layout/blobs/sha256"
mkdir -p "$blobs"
mapfile -t top < <(find "$rootfs" -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort)
(cd "$rootfs" && LC_ALL=C tar --create --file="$work/layer.tar" --sort=name --format=gnu --numeric-owner \
  --mtime="@$epoch" "${top[@]}")
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -9 < "$work/layer.tar" > "$work/layer.tar.gz"
layer_digest=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
layer_size=$(stat -c %s "$work/layer.tar.gz")
mv "$work/layer.tar.gz" "$blobs/$layer_digest"

created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
json_string() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$created","author":"deploy/images/build-base-image.sh",
"config":{"User":"$uid:$uid","WorkingDir":"/",
"Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
"Cmd":["java","-version"],
"Labels":{"org.opencontainers.image.title":"openhire-java-base",
"org.opencontainers.image.description":"$(json_string "Debian $suite (minbase) with a Java $java_version runtime (jlink) in /opt/java, curl, fontconfig and DejaVu fonts; user openhire (10001)")",
"org.opencontainers.image.source":"https://github.com/openhire/openhire",
"org.opencontainers.image.vendor":"OpenHire",
"io.openhire.base.java-version":"$java_version",
"io.openhire.base.debian":"$suite",
"io.openhire.base.packages":"$packages"}},
"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
"history":[{"created":"$created","created_by":"deploy/images/build-base-image.sh: debootstrap $suite minbase + $packages; jlink Java $java_version"}]}
EOF
# one line, as registries and `docker save` write it
tr -d '\n' < "$work/config.json" > "$work/config.min.json"
config_digest=$(sha256sum "$work/config.min.json" | cut -d' ' -f1)
config_size=$(stat -c %s "$work/config.min.json")
mv "$work/config.min.json" "$blobs/$config_digest"

printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
  "$config_digest" "$config_size" "$layer_digest" "$layer_size" > "$work/manifest.oci.json"
manifest_digest=$(sha256sum "$work/manifest.oci.json" | cut -d' ' -f1)
manifest_size=$(stat -c %s "$work/manifest.oci.json")
mv "$work/manifest.oci.json" "$blobs/$manifest_digest"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"io.containerd.image.name":"%s:25","org.opencontainers.image.ref.name":"25"}}]}' \
  "$manifest_digest" "$manifest_size" "$image_name" > "$layout/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
printf '[{"Config":"blobs/sha256/%s","RepoTags":["%s:25"],"Layers":["blobs/sha256/%s"]}]' \
  "$config_digest" "$image_name" "$layer_digest" > "$layout/manifest.json"

(cd "$layout" && LC_ALL=C tar --create --file="$out.tmp" --sort=name --format=gnu --owner=0 --group=0 \
  --numeric-owner --mtime="@$epoch" blobs index.json manifest.json oci-layout)
mv "$out.tmp" "$out"
cp "$work/packages.txt" "${out%.tar}.packages.txt"

step "done"
printf '%s\n' "image:        $out ($image_name:25)" \
  "size:         $(du -h --apparent-size "$out" | cut -f1) (layer gzipped $((layer_size / 1048576)) MiB, uncompressed $(($(stat -c %s "$work/layer.tar") / 1048576)) MiB)" \
  "manifest:     sha256:$manifest_digest" \
  "layer diffid: sha256:$diff_id" \
  "packages:     ${out%.tar}.packages.txt ($(wc -l < "${out%.tar}.packages.txt") lines)"
