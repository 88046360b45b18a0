#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs, skipping what is already there:
# pnpm at the version package.json names, the workspace's packages, and Debian packages
# (Chromium for the PDF; epubcheck, poppler-utils and qpdf for the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want_pnpm" ]; then
  echo "bootstrap: installing pnpm $want_pnpm"
  command -v corepack >/dev/null 2>&1 && corepack disable pnpm >/dev/null 2>&1 || true
  if ! npm install -g "pnpm@$want_pnpm" >/dev/null 2>&1; then
    echo "bootstrap: could not install pnpm globally; run: sudo npm install -g pnpm@$want_pnpm" >&2
    exit 1
  fi
  hash -r
fi

apt_wanted=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  apt_wanted+=(chromium)
fi
if [ "${1:-}" = "--test" ]; then
  [ -f /usr/share/java/epubcheck.jar ] || apt_wanted+=(epubcheck)
  command -v pdfinfo >/dev/null 2>&1 || apt_wanted+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || apt_wanted+=(qpdf)
fi
if [ ${#apt_wanted[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: apt-get install ${apt_wanted[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${apt_wanted[@]}" >/dev/null
  else
    echo "bootstrap: missing system packages: ${apt_wanted[*]}" >&2
    echo "  install them with: sudo apt-get install ${apt_wanted[*]}" >&2
    echo "  (or point PUPPETEER_EXECUTABLE_PATH at a Chromium or Chrome binary)" >&2
    exit 1
  fi
fi

# Chromium comes from the system: never let puppeteer download one.
export PUPPETEER_SKIP_DOWNLOAD=1
pnpm install --frozen-lockfile --reporter=silent
