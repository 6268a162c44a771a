#!/usr/bin/env bash
# Speed, size and memory: scripts/bench.sh [--json] [--quick]. Run ./scripts/setup.sh first (or test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
[ -x build/native/gpb ] && [ -f build/site/gpb-core.wasm ] || ./scripts/build.sh >&2
exec node scripts/bench/bench.mjs "$@"
