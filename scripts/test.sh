#!/usr/bin/env bash
# The full test suite: type check, module-boundary lint, unit tests, then e2e tests against real
# Postgres and Redis (each run in its own database and Redis prefix, dropped afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-services.sh
npx tsc --noEmit -p tsconfig.json
npx depcruise apps libs --config .dependency-cruiser.js --output-type err
npx jest --selectProjects unit
npx jest --selectProjects e2e --runInBand "$@"
