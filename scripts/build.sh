#!/usr/bin/env bash
# The README's first command: installs what is missing, then builds every package and edition into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
pnpm build
