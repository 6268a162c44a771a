#!/usr/bin/env bash
# Builds both targets: build/native (gpb, tests) and build/wasm (the site, tests under node).
set -euo pipefail
cd "$(dirname "$0")/.."
# Emscripten's optimizer needs Debian's node modules (acorn) with the preinstalled node.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
jobs="$(nproc 2>/dev/null || echo 2)"

cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"

[ -f build/wasm/CMakeCache.txt ] || emcmake cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
