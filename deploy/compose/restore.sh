#!/usr/bin/env bash
# Restores a backup.sh directory into this Compose installation (the one that took it, or a new one started with a
# copy of the same .env: the keys must be those the data was written with):
#
#   deploy/compose/restore.sh DIR [--yes]
#
#   1. stops OpenHire (docker compose down: containers go, volumes stay) and starts PostgreSQL and MinIO alone;
#   2. every database of DIR/databases: dropped, created empty, loaded (one transaction each);
#   3. the bucket openhire-documents made exactly DIR/objects (objects added since the backup are removed);
#   4. the erasure ledger: the one on the volume backups is kept when there is one (it is newer than any backup);
#      only where there is none (a new machine) is DIR/erasures.ledger put there;
#   5. starts everything: privacy files again every erasure of the ledger that its restored database does not know.
#
# What it replaces is gone: the current databases and documents. It asks first, unless --yes.
# Needs Docker Compose and gzip; reads .env beside this file (ENV_FILE=... for another).
set -euo pipefail

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
dir=""
yes=""
for arg in "$@"; do
  case "$arg" in
    --yes) yes=1 ;;
    -*) usage ;;
    *) [[ -z $dir ]] || usage; dir="$arg" ;;
  esac
done
[[ -n $dir ]] || usage
[[ -d $dir/databases && -d $dir/objects ]] || { echo "$dir is not a backup.sh directory (databases/, objects/)" >&2; exit 1; }
dir="$(cd "$dir" && pwd)"
shopt -s nullglob
dumps=("$dir"/databases/*.sql.gz)
((${#dumps[@]} > 0)) || { echo "$dir/databases holds no dump" >&2; exit 1; }
cd "$(dirname "$0")"
env_file="${ENV_FILE:-.env}"
compose() { docker compose --env-file "$env_file" "$@"; }

[[ -f $dir/backup.txt ]] && sed 's/^/  /' "$dir/backup.txt"
if [[ -z $yes ]]; then
  read -r -p "Replace this installation's databases and documents with this backup? [y/N] " answer
  [[ $answer == [yY]* ]] || { echo "Nothing done."; exit 1; }
fi

echo "Stopping OpenHire"
compose down
compose up -d --wait postgres minio

for dump in "${dumps[@]}"; do
  db="$(basename "$dump" .sql.gz)"
  compose exec -T postgres dropdb -U openhire --if-exists --force "$db"
  compose exec -T postgres createdb -U openhire "$db"
  gunzip -c "$dump" | compose exec -T postgres psql -U openhire -d "$db" -q -v ON_ERROR_STOP=1 --single-transaction >/dev/null
  echo "  ✓ database $db"
done

# shellcheck disable=SC2016 # expanded by the container's shell
compose run --rm --no-deps -T -v "$dir/objects:/backup:ro" --entrypoint /bin/sh minio-init -c \
  'mc --config-dir /tmp/mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null &&
   mc --config-dir /tmp/mc mb --ignore-existing local/openhire-documents >/dev/null &&
   mc --config-dir /tmp/mc mirror --quiet --overwrite --remove /backup local/openhire-documents'
echo "  ✓ documents: $(find "$dir/objects" -type f | wc -l | tr -d ' ') objects"

ledger="$(compose run --rm --no-deps -T -v "$dir:/restore:ro" volume-init sh -c \
  'if [ -s /volumes/backups/erasures.ledger ]; then echo kept
   elif [ -f /restore/erasures.ledger ]; then
     cp /restore/erasures.ledger /volumes/backups/erasures.ledger && chown 10001:10001 /volumes/backups/erasures.ledger &&
     echo restored
   else echo none; fi')"
case "$ledger" in
  *kept*) echo "  ✓ erasure ledger: the volume's own, kept (newer than the backup's)" ;;
  *restored*) echo "  ✓ erasure ledger: the backup's (the volume had none)" ;;
  *) echo "  - erasure ledger: none on the volume or in the backup (no erasure was ever completed, or the ledger" \
          "was lost: then people erased after the backup was taken are back; see deploy/README.md)" ;;
esac

echo "Starting OpenHire"
compose up -d
echo "Done. privacy files again, at its start, the erasures done after this backup was taken:"
echo "  docker compose logs privacy | grep 'filed again'     (and the Privacy page, requests received by RESTORE)"
