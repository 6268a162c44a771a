#!/usr/bin/env bash
# Sets up, builds, and runs every test suite; exits non-zero on any failure.
# --quick: the inner loop (the gates, a build, the native and wasm suites, the node tests; about a minute).
# Compiler warnings are errors (scripts/build.sh), as in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
echo "== gates: C++ layout and JS lint"
./scripts/lint.sh
./scripts/build.sh
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

if [ "${1:-}" = "--quick" ]; then
  echo "== native: core tests and the gpb command"
  ctest --preset native
  echo "== node: the JS API of build/site/gpb.js"
  node --harmony-json-parse-with-source --test --test-timeout=120000 tests/node/
  echo "Quick suites passed (the full run is ./scripts/test.sh)."
  exit 0
fi

echo "== native: core tests and the gpb command"
ctest --preset native
echo "== sanitizers: the native suite and the gpb command under ASan and UBSan"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$(nproc 2>/dev/null || echo 2)" --target gpb_tests gpb >/dev/null
ctest --preset sanitize
echo "== fuzz: each libFuzzer target for a short run"
./scripts/fuzz.sh "${GPB_FUZZ_SECONDS:-10}"
echo "== wasm: the same core tests under node"
ctest --preset wasm
echo "== node: the JS API of build/site/gpb.js, byte-identical with the native command"
node --harmony-json-parse-with-source --test --test-timeout=120000 tests/node/
echo "== browser: the served page and <gpb-builder> in headless Chromium"
node --test --test-timeout=120000 --test-concurrency=1 tests/browser/
echo "== bench --quick: the benchmark still runs (figures are not asserted)"
./scripts/bench.sh --quick --json > build/test-output/bench-quick.json
echo "All test suites passed. Screenshots: build/test-output/screenshots/"
