#!/usr/bin/env bash
# The layout and lint gates: clang-format for the C++ (.clang-format), eslint for the JS
# (eslint.config.mjs). Exits non-zero on any violation; scripts/test.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t sources < <(git ls-files 'wasm/*.cpp' 'wasm/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
else
  mapfile -t sources < <(find wasm tests -name '*.cpp' -o -name '*.hpp')
fi
echo "lint: clang-format on ${#sources[@]} C++ files (fix with: clang-format -i FILE)"
clang-format --dry-run -Werror "${sources[@]}"

echo "lint: eslint on web/, scripts/ and tests/ (fix with: npx eslint --fix .)"
node_modules/.bin/eslint .
