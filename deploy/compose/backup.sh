#!/usr/bin/env bash
# A backup of OpenHire on Compose, taken while it runs, into a new directory:
#
#   deploy/compose/backup.sh DIR
#
#   DIR/databases/<database>.sql.gz   every PostgreSQL database (pg_dump, plain SQL, gzipped), each in one snapshot
#   DIR/objects/<organisation>/...    the bucket openhire-documents as stored (storage encrypted every object)
#   DIR/erasures.ledger               privacy's ledger of completed erasures (none until the first erasure)
#   DIR/backup.txt                    when, and what
#
# Restore with restore.sh DIR (deploy/README.md, "Backups and restore"). The dumps are not encrypted: the services
# seal their secrets, but names and addresses are plain. Encrypt DIR before it leaves the machine, and keep .env (the
# keys, without which documents and sealed columns cannot be read) apart from it.
# Needs Docker Compose and gzip; reads .env beside this file (ENV_FILE=... for another).
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -eq 1 && $1 != -* ]] || usage

out="$1"
if [[ -e $out && -n "$(ls -A "$out" 2>/dev/null)" ]]; then
  echo "$out is not empty: a backup goes into a new directory" >&2
  exit 1
fi
umask 077
mkdir -p "$out/databases" "$out/objects"
out="$(cd "$out" && pwd)"
cd "$(dirname "$0")"
env_file="${ENV_FILE:-.env}"
compose() { docker compose --env-file "$env_file" "$@"; }

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "Backing up OpenHire into $out"

# 1. Every database, one after the other: each dump is one consistent snapshot of its database (not of all of them
#    at once, as in the all-in-one's backups: see docs/adr/0018).
databases="$(compose exec -T postgres psql -U openhire -d postgres -Atc \
  "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1")"
[[ -n $databases ]] || { echo "PostgreSQL lists no database: is it running (docker compose ps)?" >&2; exit 1; }
for db in $databases; do
  compose exec -T postgres pg_dump -U openhire -d "$db" --no-owner --no-privileges | gzip >"$out/databases/$db.sql.gz"
  echo "  ✓ database $db"
done

# 2. The documents, after the databases: every object a dumped row names was still there when it was copied
#    (unless deleted in between; storage writes an object before its row, so newer objects are only unreferenced).
# shellcheck disable=SC2016 # expanded by the container's shell
compose run --rm --no-deps -T --user "$(id -u):$(id -g)" -v "$out/objects:/backup" --entrypoint /bin/sh minio-init -c \
  'mc --config-dir /tmp/mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null &&
   mc --config-dir /tmp/mc mirror --quiet local/openhire-documents /backup'
objects="$(find "$out/objects" -type f | wc -l | tr -d ' ')"
echo "  ✓ documents: $objects objects"

# 3. The erasure ledger, last: it must know every erasure the privacy database above knows.
# shellcheck disable=SC2016 # expanded by the container's shell
ledger="$(compose run --rm --no-deps -T -e OWNER="$(id -u):$(id -g)" -v "$out:/out" volume-init sh -c \
  'if [ -f /volumes/backups/erasures.ledger ]; then
     cp /volumes/backups/erasures.ledger /out/erasures.ledger && chown "$OWNER" /out/erasures.ledger && echo copied
   else echo none; fi')"
if [[ $ledger == *copied* ]]; then
  echo "  ✓ erasure ledger: $(wc -l <"$out/erasures.ledger" | tr -d ' ') erasures"
else
  echo "  - erasure ledger: none yet (no erasure completed)"
fi

{
  echo "OpenHire Compose backup (deploy/compose/backup.sh)"
  echo "started:   $started"
  echo "finished:  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "version:   ${OPENHIRE_VERSION:-see docker-compose.yml}"
  echo "databases: $(tr '\n' ' ' <<<"$databases")"
  echo "objects:   $objects"
  echo "ledger:    $ledger"
} >"$out/backup.txt"
echo "Done. Restore with: $(pwd)/restore.sh $out"
echo "Encrypt $out before it leaves this machine; keep .env apart from it."
