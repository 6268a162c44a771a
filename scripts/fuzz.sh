#!/usr/bin/env bash
# libFuzzer (clang, ASan, UBSan) over the core's entry points: scripts/fuzz.sh [seconds per target]
# (GPB_FUZZ_TARGETS="validate docpage" picks targets).
# Corpora start from the fixtures, the seeds and the JSON conformance suite; a crash leaves its input
# in build/fuzz/ (or $GPB_FUZZ_OUT) and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
fixtures=tests/fixtures
out="${GPB_FUZZ_OUT:-build/fuzz}"  # a long run can use its own directory beside the short one
[ -f build/native/generated/packs.cpp ] || { cmake --preset native >/dev/null; cmake --build --preset native >/dev/null; }
mkdir -p "$out/objects"

flags=(-std=c++17 -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
       -DGPB_HAVE_EXPAT -Iwasm/core -isystem build/native/include-shim)
objects=()
newest_header=$(ls -t wasm/core/*.hpp | head -1)
for source in wasm/core/*.cpp build/native/generated/catalog_data.cpp build/native/generated/packs.cpp; do
  object="$out/objects/$(basename "$source" .cpp).o"
  # A header change rebuilds every object: the core's structs are shared by all of them.
  if [ ! -f "$object" ] || [ "$source" -nt "$object" ] || [ "$newest_header" -nt "$object" ]; then
    clang++ "${flags[@]}" -fsanitize=fuzzer-no-link -c "$source" -o "$object"
  fi
  objects+=("$object")
done

seed_corpus() {  # target, then files to copy in
  local dir="$out/corpus-$1"
  shift
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] || cp "$@" "$dir"/ 2>/dev/null || true
}
mkdir -p "$out/seed-bodies"
for page in "$fixtures"/seeds/*.txt; do
  awk -v base="$out/seed-bodies/$(basename "$page" .txt)" '/^\{$/{f=1; n++} f{print > (base "-" n ".json")} /^\}$/{f=0}' "$page"
done
seed_corpus validate "$out"/seed-bodies/* "$fixtures"/JSONTestSuite/test_parsing/y_*
seed_corpus builders "$out"/seed-bodies/*
seed_corpus docpage "$fixtures"/seeds/*.txt tests/fixtures/pages/*
seed_corpus request "$fixtures"/seeds/*.txt
seed_corpus metadata "$fixtures"/metadata/*.xml "$fixtures"/metadata/*.json "$fixtures"/metadata/hostile/*

status=0
for target in ${GPB_FUZZ_TARGETS:-validate builders docpage request metadata}; do
  clang++ "${flags[@]}" -fsanitize=fuzzer "tests/fuzz/fuzz_$target.cpp" "${objects[@]}" -lexpat -o "$out/fuzz_$target"
  echo "== fuzz_$target for ${seconds}s"
  if ! "$out/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$out/crash-$target-" -print_final_stats=1 "$out/corpus-$target" 2>"$out/fuzz_$target.log"; then
    echo "fuzz_$target found a problem; see $out/fuzz_$target.log and $out/crash-$target-*"
    tail -30 "$out/fuzz_$target.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$out/fuzz_$target.log" | tail -3 || true
done
exit "$status"
