#!/usr/bin/env bash
# Validates docker/compose.yaml with Debian's docker-compose (v1, 1.29), which
# needs no Docker engine for `config`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose
fi

SECRETS=(JWT_SECRET PROTECTED_DATA_KEY KAFKA_ADMIN_PASSWORD KAFKA_INCIDENT_INTAKE_PASSWORD
  KAFKA_INVESTIGATION_TRACKING_PASSWORD KAFKA_COUNCIL_REPORTING_PASSWORD)
for secret in "${SECRETS[@]}"; do export "$secret=compose-check"; done
docker-compose -f docker/compose.yaml config -q

# The ${VAR:?} guards must actually stop compose when a secret is unset.
for secret in "${SECRETS[@]}"; do
  if env -u "$secret" docker-compose -f docker/compose.yaml config -q >/dev/null 2>&1; then
    echo "compose.yaml accepted a missing $secret" >&2
    exit 1
  fi
done

echo "compose.yaml OK"
