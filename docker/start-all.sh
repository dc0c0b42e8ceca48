#!/usr/bin/env bash
# Starts the whole system in the foreground: stack, migrations, the three services with
# their logs. Ctrl-C stops the services (the broker keeps running; `npm run stack:down` stops it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# Local run: the development defaults (database, broker, signing secret) apply only when
# NODE_ENV says so explicitly; the services refuse to start on an unset NODE_ENV.
export NODE_ENV=${NODE_ENV:-development}

npm run --silent build
bash docker/stack.sh up
npm run --silent migrate

pids=()
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  wait
}
trap stop INT TERM EXIT

for service in incident-intake investigation-tracking council-reporting; do
  # Prefix each log line with the service name so the interleaved output stays readable;
  # $! is node itself (not the prefixing sed), so stopping it stops the service.
  # The heap cap as in the image (docker/Dockerfile says why).
  node --max-old-space-size=128 "dist/apps/$service/src/main.js" > >(sed -u "s/^/[$service] /") 2>&1 &
  pids+=($!)
done
echo "[start] incident-intake :3001  investigation-tracking :3002  council-reporting :3003 (Ctrl-C stops them)" >&2
wait
