#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine that has the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v npm >/dev/null || missing+=(nodejs npm)
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing+=(fonts-liberation2)
# The cover sheet's ticked and empty boxes (☒ ☐) are not in Liberation Sans; DejaVu Sans has them.
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f node_modules/govuk-frontend/package.json ] || npm ci --no-audit --no-fund
# The real OpenID Connect provider that the council sign-in browser tests start (tests/oidc-provider).
[ -f tests/oidc-provider/node_modules/oidc-provider/package.json ] || (cd tests/oidc-provider && npm ci --no-audit --no-fund)
dotnet tool restore >/dev/null
