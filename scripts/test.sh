#!/usr/bin/env bash
# The README's second command: installs what is missing, builds, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
pnpm build
pnpm test
