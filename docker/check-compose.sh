#!/usr/bin/env bash
# Validates docker/compose.yaml with Debian's docker-compose (v1, 1.29), which
# needs no Docker engine for `config`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose
fi

export JWT_SECRET=compose-check PROTECTED_DATA_KEY=compose-check
docker-compose -f docker/compose.yaml config -q

# The ${VAR:?} guards must actually stop compose when a secret is unset.
for secret in JWT_SECRET PROTECTED_DATA_KEY; do
  if env -u "$secret" docker-compose -f docker/compose.yaml config -q >/dev/null 2>&1; then
    echo "compose.yaml accepted a missing $secret" >&2
    exit 1
  fi
done

echo "compose.yaml OK"
