#!/usr/bin/env bash
# Fuzzes the parsers of editor input with libFuzzer (see Sources/CaravanTestSupport/FuzzTarget.swift).
#
#   bash Tests/Fuzz/fuzz.sh                 every target, FUZZ_RUNS executions each (default 20 000)
#   FUZZ_SECONDS=3600 bash Tests/Fuzz/fuzz.sh story   one target for an hour
#
# Seeds: the shipped Content/ and Templates/, and every input kept in Tests/Fuzz/Regressions/.
# The growing corpus lives in .build/fuzz/corpus/<target>/ (kept between runs); a crashing or
# hanging input is written to .build/fuzz/crashes/<target>/ and the script fails: copy it into
# Tests/Fuzz/Regressions/<target>/ once fixed, where `make test` replays it for ever.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGETS=("${@:-story data strings template}")
read -r -a TARGETS <<<"${TARGETS[*]}"
SCRATCH=.build/fuzz
# swiftc keeps only the last of several -sanitize= flags: SwiftPM's two (which the C code
# also gets) are followed by one combined flag, or Swift code gets ASan without coverage.
FLAGS=(-c release --product caravan-fuzz --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
       -Xswiftc -DCARAVAN_FUZZING -Xswiftc -enable-testing --scratch-path "$SCRATCH")
echo "Building the fuzzer (libFuzzer + AddressSanitizer)…"
swift build "${FLAGS[@]}" 2>&1 | grep -E 'error|warning: unre|Compiling caravan_fuzz|Build' || true
BIN="$(swift build "${FLAGS[@]}" --show-bin-path)/caravan-fuzz"
[ -x "$BIN" ] || { echo "fuzz: the build failed" >&2; exit 1; }

seeds() {  # seeds TARGET DIR: the shipped files that target parses
    case "$1" in
        story) find Content/articles Content/pages -name '*.md' ;;
        data) find Content/data -name '*.yaml' ;;
        strings) find Content/i18n -name '*.yaml' ;;
        template) find Templates -name '*.mustache' ;;
    esac | while read -r file; do cp "$file" "$2/seed-$(echo "$file" | tr '/' '_')"; done
    if [ -d "Tests/Fuzz/Regressions/$1" ]; then cp Tests/Fuzz/Regressions/"$1"/* "$2/" 2>/dev/null || true; fi
}

status=0
for target in "${TARGETS[@]}"; do
    corpus="$SCRATCH/corpus/$target"; crashes="$SCRATCH/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    seeds "$target" "$corpus"
    limit=(-runs="${FUZZ_RUNS:-20000}")
    [ -n "${FUZZ_SECONDS:-}" ] && limit=(-max_total_time="$FUZZ_SECONDS")
    log="$SCRATCH/$target.log"
    # -detect_leaks=0: LeakSanitizer takes values the parsers' static tables hold for leaks
    # (Swift keeps enum case bits inside pointers, which then no longer look like pointers).
    if CARAVAN_FUZZ_TARGET="$target" ASAN_OPTIONS=detect_leaks=0 "$BIN" "${limit[@]}" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
        runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
        echo "fuzz $target: $runs executions, no crash (corpus: $(ls "$corpus" | wc -l) inputs)"
    else
        echo "fuzz $target: FAILED — see $log; the input is in $crashes/" >&2
        grep -E 'ERROR|SUMMARY|Fatal|crash|deadly' "$log" | head -5 >&2
        status=1
    fi
done
exit $status
