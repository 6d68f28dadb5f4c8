#!/usr/bin/env bash
# The Secrets OpenHire's manifests refer to, from one env file of yours.
#
#   create-secrets.sh --generate > FILE      write FILE with fresh random values for every "generate" key of
#                                            base/secrets.example.env (the others empty, for you to fill in);
#                                            --generate TEMPLATE: the same from another template (Compose's
#                                            .env.example)
#   create-secrets.sh FILE                   print the Secrets as YAML, for `kubectl apply -n openhire -f -`:
#                                            openhire-secrets (every key of FILE) and, for CloudNativePG, the
#                                            basic-auth Secrets openhire-db-<service> (that service's role and
#                                            its OPENHIRE_<SERVICE>_DB_PASSWORD) and openhire-postgres-backup-s3
#                                            (the backup bucket's key: OPENHIRE_BACKUP_S3_ACCESS_KEY / _SECRET_KEY,
#                                            or MinIO's OPENHIRE_S3_ACCESS_KEY / _SECRET_KEY when both are empty)
#
# Needs bash, openssl (for --generate) and kubectl (client only: it talks to no cluster).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
example="$here/base/secrets.example.env"

generate() {
  local kind=""
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^#\ generate:\ (base64-32|password)$ ]]; then
      kind="${BASH_REMATCH[1]}"
      continue
    fi
    if [[ $line =~ ^([A-Za-z0-9_.-]+)=$ && -n $kind ]]; then
      case "$kind" in
        base64-32) echo "${BASH_REMATCH[1]}=$(openssl rand -base64 32)" ;;
        password) echo "${BASH_REMATCH[1]}=$(openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | cut -c1-32)" ;;
      esac
    else
      echo "$line"
    fi
    kind=""
  done <"${1:-$example}"
}

value_of() { # KEY FILE: the value of KEY in FILE (everything after the first =)
  grep -E "^$1=" "$2" | tail -n 1 | cut -d= -f2-
}

secrets() {
  local file="$1" missing=0 kind="" key
  [[ -r $file ]] || { echo "cannot read $file" >&2; exit 1; }
  # Every key of the example must be there; the generated ones must have a value.
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^#\ generate: ]]; then kind=generate; continue; fi
    if [[ $line =~ ^([A-Za-z0-9_.-]+)= ]]; then
      key="${BASH_REMATCH[1]}"
      if ! grep -qE "^$key=" "$file"; then
        echo "$file has no $key (see $example)" >&2; missing=1
      elif [[ $kind == generate && -z "$(value_of "$key" "$file")" ]]; then
        echo "$file: $key is empty (generate it: see $example)" >&2; missing=1
      fi
    fi
    kind=""
  done <"$example"
  ((missing == 0)) || exit 1

  kubectl create secret generic openhire-secrets --from-env-file="$file" --dry-run=client -o yaml
  for service in identity storage resume-ingestion resume-processing job-ingestion job-processing \
      model-registry training matching communication notification applications audit privacy security \
      monitoring; do
    key="OPENHIRE_$(tr 'a-z-' 'A-Z_' <<<"$service")_DB_PASSWORD"
    echo "---"
    kubectl create secret generic "openhire-db-$service" --type=kubernetes.io/basic-auth \
        --from-literal=username="${service//-/_}" --from-literal=password="$(value_of "$key" "$file")" \
        --dry-run=client -o yaml \
      | kubectl label --local -f - cnpg.io/reload=true -o yaml
  done

  # The key of the bucket CloudNativePG's Barman Cloud Plugin writes base backups and WAL to.
  local access secret
  access="$(value_of OPENHIRE_BACKUP_S3_ACCESS_KEY "$file")"
  secret="$(value_of OPENHIRE_BACKUP_S3_SECRET_KEY "$file")"
  if [[ -z $access && -z $secret ]]; then
    access="$(value_of OPENHIRE_S3_ACCESS_KEY "$file")"
    secret="$(value_of OPENHIRE_S3_SECRET_KEY "$file")"
  elif [[ -z $access || -z $secret ]]; then
    echo "$file: set both OPENHIRE_BACKUP_S3_ACCESS_KEY and OPENHIRE_BACKUP_S3_SECRET_KEY, or neither" >&2
    exit 1
  fi
  echo "---"
  kubectl create secret generic openhire-postgres-backup-s3 \
      --from-literal=ACCESS_KEY_ID="$access" --from-literal=ACCESS_SECRET_KEY="$secret" \
      --dry-run=client -o yaml \
    | kubectl label --local -f - app.kubernetes.io/part-of=openhire cnpg.io/reload=true -o yaml
}

case "${1:-}" in
  --generate) generate "${2:-}" ;;
  "" | -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) secrets "$1" ;;
esac
