#!/usr/bin/env bash
# Validates docker/compose.yaml with Debian's docker-compose (v1, 1.29), which
# needs no Docker engine for `config`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose
fi

JWT_SECRET=compose-check docker-compose -f docker/compose.yaml config -q

# The ${JWT_SECRET:?} guard must actually stop compose when the secret is unset.
if env -u JWT_SECRET docker-compose -f docker/compose.yaml config -q >/dev/null 2>&1; then
  echo "compose.yaml accepted a missing JWT_SECRET" >&2
  exit 1
fi

echo "compose.yaml OK"
