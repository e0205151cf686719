#!/usr/bin/env bash
# Quick start: installs dependencies, makes sure Postgres and Redis run, builds, then runs the WhatsApp
# sandbox, the API (migrations on start) and the worker, and seeds a demo workspace. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -f .env ]]; then set -a; source .env; set +a; fi
export PORT="${PORT:-3000}" SANDBOX_PORT="${SANDBOX_PORT:-3900}"
# The demo talks to the sandbox and a local webhook receiver on loopback.
export WEBHOOKS_ALLOW_PRIVATE_URLS="${WEBHOOKS_ALLOW_PRIVATE_URLS:-true}" CHANNELS_ALLOW_PRIVATE_URLS="${CHANNELS_ALLOW_PRIVATE_URLS:-true}"

bash scripts/ensure-deps.sh
bash scripts/ensure-services.sh
node scripts/create-db.js

echo "Building api, worker and sandbox…"
npx nest build api >/dev/null & b1=$!
npx nest build worker >/dev/null & b2=$!
npx nest build wa-sandbox >/dev/null & b3=$!
wait $b1 && wait $b2 && wait $b3

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

SANDBOX_WEBHOOK_URL="http://127.0.0.1:${PORT}/api/v1/public/webhooks/whatsapp" \
SANDBOX_TEMPLATES="${SANDBOX_TEMPLATES:-$(cat scripts/demo-templates.json)}" \
  node dist/apps/wa-sandbox/main.js & pids+=($!)
node --max-old-space-size=160 --max-semi-space-size=32 dist/apps/api/main.js & pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:${PORT}/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:${PORT}/health/ready" >/dev/null || { echo "The API did not become ready on port ${PORT}" >&2; exit 1; }
# The same flags as `npm run start:worker` (which would put npm between this script and the process it stops).
node --max-old-space-size=160 --max-semi-space-size=32 dist/apps/worker/main.js & pids+=($!)
npx ts-node -r tsconfig-paths/register --transpile-only scripts/seed-demo.ts
echo "Running: API http://127.0.0.1:${PORT} (docs at /docs), sandbox http://127.0.0.1:${SANDBOX_PORT}. Ctrl-C to stop."
wait -n "${pids[@]}"
