#!/usr/bin/env bash
# Installs what is missing, builds, and serves build/site/ on http://127.0.0.1:8080 (PORT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
exec node scripts/static-server.mjs build/site "${PORT:-8080}"
