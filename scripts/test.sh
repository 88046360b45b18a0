#!/usr/bin/env bash
# The README's second command: installs what is missing, builds, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
pnpm build
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=node_modules/.cache/vitest-results.json || status=$?
# One plain closing line that any CI can read.
node -e "const r=require('./node_modules/.cache/vitest-results.json');console.log(r.numPassedTests+' passed, '+r.numFailedTests+' failed'+(r.numPendingTests?', '+r.numPendingTests+' skipped':''))" || true
exit "$status"
