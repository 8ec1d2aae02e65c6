#!/usr/bin/env bash
# Coverage-guided fuzzing of every decoder of outside input with libFuzzer (Swift's -sanitize=fuzzer).
#
#   scripts/fuzz.sh                 every decoder, 20 s each
#   scripts/fuzz.sh NAME [SECONDS]  one decoder (names: scripts/fuzz.sh --list)
#   scripts/fuzz.sh all SECONDS     every decoder, SECONDS each
#
# Builds into .build-fuzz (release, fuzzer + address sanitizer), starts from the checked-in seeds in
# Tests/Fuzz/corpus/NAME and works in a scratch copy, so the repository's corpus stays small. Exits
# non-zero on the first crash, timeout, out-of-memory or rejection without FILE:LINE; the input that did
# it is copied to Tests/Fuzz/regressions/NAME/ (commit it with the fix: SeededMutationTests replays it).
# Prints one "fuzz NAME: N executions in S s" line per decoder.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no

names=(journal-line intake csv open311 desk-settings operator theme practice holidays routing snapshot)
if [ "${1:-}" = "--list" ]; then printf '%s\n' "${names[@]}"; exit 0; fi
which="${1:-all}"
seconds="${2:-20}"
if [ "$which" != all ]; then
    found=0
    for n in "${names[@]}"; do [ "$n" = "$which" ] && found=1; done
    [ $found = 1 ] || { echo "fuzz.sh: unknown decoder '$which' (${names[*]})" >&2; exit 2; }
    names=("$which")
fi

swift build -c release --scratch-path .build-fuzz --product DecoderFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc LIBFUZZER -Xswiftc -use-ld=lld 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary=.build-fuzz/release/DecoderFuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
passed=0
failed=0
for name in "${names[@]}"; do
    mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
    cp Tests/Fuzz/corpus/"$name"/* "$work/$name/corpus/"
    log="$work/$name/log"
    set +e
    "$binary" "$name" "$work/$name/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/$name/artifacts/" >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $name: $runs executions in $seconds s (exit $code)"
    if [ $code -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    if [ $code -ne 0 ]; then
        status=1
        mkdir -p Tests/Fuzz/regressions/"$name"
        for f in "$work/$name/artifacts"/*; do
            [ -e "$f" ] || continue
            cp "$f" Tests/Fuzz/regressions/"$name"/
            echo "fuzz $name: finding saved as Tests/Fuzz/regressions/$name/$(basename "$f")"
        done
        grep -v "Cannot export local symbol" "$log" | grep -E "ERROR|SUMMARY|==[0-9]+==|rejection without|Fatal|#0 |#1 |#2 |#3 |#4 " | head -30
    fi
done
echo "fuzz: $passed passed, $failed failed"
exit $status
