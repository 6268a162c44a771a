#!/usr/bin/env bash
# libFuzzer (clang, ASan, UBSan) over the core's entry points: scripts/fuzz.sh [seconds per target]
# (GPB_FUZZ_TARGETS="validate docpage" picks targets; all of tests/fuzz/fuzz_*.cpp by default).
# CMake builds the targets (preset "fuzz", in build/fuzz/); this script seeds their corpora from the
# fixtures, the seeds and the JSON conformance suite, and runs each. A crash leaves its input in
# build/fuzz/ (or $GPB_FUZZ_OUT) and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
fixtures=tests/fixtures
bin=build/fuzz
out="${GPB_FUZZ_OUT:-$bin}"  # a long run can use its own directory beside the short one
all=$(for source in tests/fuzz/fuzz_*.cpp; do basename "$source" .cpp | sed 's/^fuzz_//'; done)
targets="${GPB_FUZZ_TARGETS:-$all}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
mkdir -p "$out"

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
seed_corpus held "$out"/seed-bodies/*
seed_corpus cursor "$out"/seed-bodies/*
seed_corpus docpage "$fixtures"/seeds/*.txt "$fixtures"/pages/*
seed_corpus request "$fixtures"/seeds/*.txt
seed_corpus metadata "$fixtures"/metadata/*.xml "$fixtures"/metadata/*.json "$fixtures"/metadata/hostile/*
seed_corpus permissions "$fixtures"/permissions/*

status=0
for target in $targets; do
  [ -x "$bin/fuzz_$target" ] || { echo "no fuzz target $target (tests/fuzz/fuzz_$target.cpp)"; status=1; continue; }
  mkdir -p "$out/corpus-$target"
  echo "== fuzz_$target for ${seconds}s"
  if ! "$bin/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$out/crash-$target-" -print_final_stats=1 "$out/corpus-$target" 2>"$out/fuzz_$target.log"; then
    echo "fuzz_$target found a problem; see $out/fuzz_$target.log and $out/crash-$target-*"
    tail -30 "$out/fuzz_$target.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$out/fuzz_$target.log" | tail -3 || true
done
exit "$status"
