#!/usr/bin/env bash
# Builds both targets: build/native (gpb, tests) and build/wasm (the site, tests under node).
set -euo pipefail
cd "$(dirname "$0")/.."
# Emscripten's optimizer needs Debian's node modules (acorn) with the preinstalled node.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
jobs="$(nproc 2>/dev/null || echo 2)"

# Compiler warnings are errors in both builds (GPB_WERROR=OFF ./scripts/build.sh to see them all
# while working); a plain cmake configure leaves them warnings.
werror="-DGPB_WERROR=${GPB_WERROR:-ON}"
cmake --preset native "$werror" >/dev/null
cmake --build --preset native -j "$jobs"

if [ -f build/wasm/CMakeCache.txt ]; then cmake build/wasm "$werror" >/dev/null; else emcmake cmake --preset wasm "$werror" >/dev/null; fi
cmake --build --preset wasm -j "$jobs"
