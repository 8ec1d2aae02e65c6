#!/usr/bin/env bash
# Measures LaporDesk at national scale and prints every figure of issue 5 beside its reference(s),
# measured in the same run on the same machine, as ratios (medians over repeated runs).
#
#   scripts/bench.sh [--reports N] [--seed S] [--runs R] [--cache DIR] [--skip-build]
#
# Defaults: 200,000 reports, seed 42, 5 runs, generated desks cached in ${XDG_CACHE_HOME:-~/.cache}/lapor-desk-bench
# (one folder per seed and size, reused by later runs; delete it to regenerate).
# Reference tools that are missing (hyperfine, jq, python3 with orjson) are reported "not installed".
# Not part of CI: it takes minutes and needs ~0.5 GB of disk per cached 200k desk.
set -euo pipefail
cd "$(dirname "$0")/.."

reports=200000 seed=42 runs=5 build=1
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lapor-desk-bench"
while [ $# -gt 0 ]; do
    case "$1" in
        --reports) reports="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --cache) cache="$2"; shift 2 ;;
        --skip-build) build=0; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

if [ "$build" = 1 ]; then
    swift build -c release --product lapor-desk >&2
fi
bin="$(swift build -c release --show-bin-path)/lapor-desk"
[ -x "$bin" ] || { echo "bench.sh: $bin not built" >&2; exit 1; }

mkdir -p "$cache"
desk="$cache/desk-s$seed-r$reports"
small="$cache/desk-s$seed-r2000"
generate() { # folder count
    if [ ! -f "$1/.complete" ]; then
        rm -rf "$1" "$1.tmp"
        echo "generating $2 reports into $1 ..." >&2
        "$bin" generate --reports "$2" --seed "$seed" --out "$1.tmp" >&2
        touch "$1.tmp/.complete"
        mv "$1.tmp" "$1"
    fi
}
generate "$desk" "$reports"
generate "$small" 2000
segments=("$desk"/journal/*.jsonl)
bytes=$(cat "${segments[@]}" | wc -c)
events=$(cat "${segments[@]}" | wc -l)

# median of numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now_s() { date +%s.%N; }
# seconds a shell command takes, median of $runs (hyperfine when installed, else a timing loop)
time_cmd() {
    if command -v hyperfine >/dev/null 2>&1; then
        local csv; csv=$(mktemp)
        hyperfine -N --warmup 1 --runs "$runs" --export-csv "$csv" --style none "$1" >/dev/null 2>&1 \
            || hyperfine --warmup 1 --runs "$runs" --export-csv "$csv" --style none "$1" >/dev/null
        awk -F, 'NR == 2 { printf "%.4f\n", $4 }' "$csv"
        rm -f "$csv"
    else
        for _ in $(seq "$runs"); do
            local t0; t0=$(now_s); bash -c "$1" >/dev/null; awk -v a="$(now_s)" -v b="$t0" 'BEGIN { printf "%.4f\n", a - b }'
        done | median
    fi
}
row() { printf '%-44s %-14s %-14s %-34s %-26s %s\n' "$@"; }
# The unrounded quotient, for `met` (the printed ratio is rounded to two places, which would pass 1.504 as
# 1.50); "-" when either figure is missing.
quotient() { awk -v a="$1" -v b="$2" 'BEGIN { n = "^[0-9.]+([eE][-+]?[0-9]+)?$"; if (a !~ n || b !~ n || b + 0 == 0) print "-"; else printf "%.6f\n", a / b }'; }
# The quotient rounded to two places, as the table prints it.
ratio() { local q; q=$(quotient "$1" "$2"); if [[ "$q" == "-" ]]; then echo "-"; else printf '%.2f' "$q"; fi; }
# Kilobytes as bytes, or "-" when the figure is missing (a failed run leaves "nan", which $((...)) reads as 0).
kb_bytes() { if [[ "$1" =~ ^[0-9]+$ ]]; then echo "$(($1 * 1000))"; else echo "-"; fi; }
# "yes" when `$1 $2 $3` holds (op: <= or >=), "no" otherwise, "-" for a figure that is missing.
met() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { n = "^[0-9.]+([eE][-+]?[0-9]+)?$"
    if (a !~ n || b !~ n) print "-"; else if (op == "<=") print (a + 0 <= b + 0 ? "yes" : "no"); else print (a + 0 >= b + 0 ? "yes" : "no") }'; }

echo "desk: $desk  ($reports reports, $events events, $((bytes / 1000000)) MB journal; $runs runs each)"
echo

# --- references -------------------------------------------------------------------------------------
ref_cat=$(time_cmd "cat ${segments[*]}")
if command -v python3 >/dev/null 2>&1 && python3 -c 'import orjson' 2>/dev/null; then
    orjson_script="import orjson,sys
for f in sys.argv[1:]:
    with open(f,'rb') as h:
        for line in h: orjson.loads(line)"
    ref_orjson=$(for _ in $(seq "$runs"); do
        t0=$(now_s); python3 -c "$orjson_script" "${segments[@]}"; awk -v a="$(now_s)" -v b="$t0" 'BEGIN { printf "%.4f\n", a - b }'; done | median)
else ref_orjson="not installed"; fi
if command -v jq >/dev/null 2>&1; then
    ref_jq=$(for _ in $(seq "$(( runs < 3 ? runs : 3 ))"); do
        t0=$(now_s); jq -c . "${segments[@]}" >/dev/null; awk -v a="$(now_s)" -v b="$t0" 'BEGIN { printf "%.4f\n", a - b }'; done | median)
else ref_jq="not installed"; fi
ref_foundation=$(for _ in $(seq "$(( runs < 3 ? runs : 3 ))"); do
    "$bin" bench --data "$desk" --reference foundation-json | sed -n 's/^reference foundation-json: \([0-9.]*\) s.*/\1/p'; done | median)
ref_sync=$(for _ in $(seq "$runs"); do
    "$bin" bench --data "$small" --reference fdatasync | sed -n 's/^reference fdatasync: median \([0-9.]*\) ms.*/\1/p'; done | median)

# The intake file for the bulk import (and the later-events start): 50,000 generated reports, each with a
# topic and a place, as real intake has (looking them up was most of an import's time until measured so).
import_n=50000
intake="$cache/intake-v2-s$seed-n$import_n.jsonl"
if [ ! -f "$intake" ]; then
    awk -v n="$import_n" -v seed="$seed" 'BEGIN {
        srand(seed); split("jalan rusak berlubang warga kesulitan melintas puskesmas antrean panjang obat habis bantuan sosial tidak tepat sasaran sekolah memungut biaya sampah menumpuk banjir lampu mati parkir liar upah lembur mohon segera ditindaklanjuti", w, " ")
        split("web sms twitter app whatsapp email letter walk-in phone api", ch, " ")
        split("Kependudukan|Kesehatan|Pendidikan dan Kebudayaan|Perhubungan|Pekerjaan Umum dan Penataan Ruang|Bantuan Sosial|Ketenagakerjaan", cat, "|")
        split("DI Yogyakarta|Kabupaten Sleman|DI Yogyakarta|Kota Yogyakarta|Jawa Barat|Kota Bandung|Bali|Kota Denpasar|Sumatera Barat|Kota Padang", pl, "|")
        for (i = 1; i <= n; i++) {
            len = 300 + int(rand() * 500); body = ""
            while (length(body) < len) body = body w[1 + int(rand() * 32)] " "
            p = 1 + 2 * int(rand() * 5)
            printf "{\"external_id\":\"bench-%d\",\"channel\":\"%s\",\"title\":\"Laporan %d\",\"body\":\"%s\",\"category\":\"%s\",\"location\":{\"province\":\"%s\",\"regency\":\"%s\"}}\n", i, ch[1 + int(rand() * 10)], i, body, cat[1 + int(rand() * 7)], pl[p], pl[p + 1]
        }
    }' >"$intake"
fi
# --- ours -------------------------------------------------------------------------------------------
startup_runs() { # DESK extra bench args...
    # One untimed start first, as hyperfine's warm-up for `cat`: the first run after the references or a
    # snapshot write also pays for faulting the binary and the journal's pages back in.
    local d=$1; shift
    "$bin" bench --data "$d" --startup-only "$@" >/dev/null
    for _ in $(seq "$runs"); do "$bin" bench --data "$d" --startup-only "$@"; done
}
first_frame() { sed -n 's/^start-up to first inbox frame: \([0-9.]*\) s.*/\1/p' | median; }
keys_ready() { sed -n 's/^start-up until keys are answered (desk decoded): \([0-9.]*\) s.*/\1/p' | median; }
cold_out=$(startup_runs "$desk" --no-snapshot)
cold=$(first_frame <<<"$cold_out")
cold_rss_kb=$(sed -n 's/^resident memory after start-up: \([0-9]*\) kB/\1/p' <<<"$cold_out" | median)
# Start with an up-to-date projection snapshot: write it (DIR/cache/proyeksi.snap), then start from it.
snapshot_line=$("$bin" snapshot --data "$desk" | tail -1)
echo "$snapshot_line" >&2
warm_out=$(startup_runs "$desk")
grep -q '^snapshot: used' <<<"$warm_out" || { echo "bench.sh: the snapshot was not used:" >&2; grep '^snapshot:' <<<"$warm_out" >&2; }
grep -q "drawn from the snapshot's inbox rows" <<<"$warm_out" || echo "bench.sh: the first frame was not drawn from the snapshot's rows" >&2
warm=$(first_frame <<<"$warm_out")
warm_ready=$(keys_ready <<<"$warm_out")
rss_kb=$(sed -n 's/^resident memory after start-up: \([0-9]*\) kB/\1/p' <<<"$warm_out" | median)
# 1,000 keystrokes per kind: the p99 is then the tenth-worst; with 200 it was the second-worst, one stall of a
# shared virtual machine away from the maximum.
keys_out=$("$bin" bench --data "$desk" --keys 1000)
search_rss_kb=$(sed -n 's/^resident memory with the search index built: \([0-9]*\) kB/\1/p' <<<"$keys_out")
key_p99() { awk -v k="keystroke-to-frame $1 " 'index($0, k) == 1 { for (i = 1; i < NF; i++) if ($i == "p99") print $(i + 1) }' <<<"$keys_out"; }
# Each run measures the action and, interleaved with it, a bare write+fdatasync (the disk's latency drifts).
append_runs=$(for _ in $(seq "$runs"); do "$bin" bench --data "$small" --write --actions 200 --keys 5 2>/dev/null; done)
append=$(sed -n 's/^one durable action (note): median \([0-9.]*\) ms/\1/p' <<<"$append_runs" | median)
ref_sync_interleaved=$(sed -n 's/^interleaved bare write+fdatasync: median \([0-9.]*\) ms/\1/p' <<<"$append_runs" | median)

# The same after a working session: 1,000 reports imported and 500 notes written since the snapshot
# (on a copy, so the cached desk stays as generated). Measured after the keys and the durable action: the
# copy's 0.6 GB of writeback would disturb them.
later_desk=$(mktemp -d)/desk
cp -a "$desk" "$later_desk"
sync
head -1000 "$intake" >"$later_desk.intake"
"$bin" import --data "$later_desk" "$later_desk.intake" >/dev/null
"$bin" bench --data "$later_desk" --write --actions 500 --keys 5 >/dev/null 2>&1
sync
later_out=$(startup_runs "$later_desk")
grep -q '^snapshot: used, taken at event [0-9]*, 1500 events folded on top' <<<"$later_out" \
    || { echo "bench.sh: expected 1,500 events after the snapshot:" >&2; grep '^snapshot:' <<<"$later_out" >&2; }
later=$(first_frame <<<"$later_out")
later_ready=$(keys_ready <<<"$later_out")
rm -rf "$(dirname "$later_desk")"
# The import syncs its batches: let the copy's deletion reach the disk first, not during its first batch.
sync
# bulk import: the intake file into a fresh desk, median seconds of `lapor-desk import`
import_s=$(for _ in $(seq "$runs"); do
    tmp=$(mktemp -d); "$bin" init --data "$tmp/d" >/dev/null 2>&1
    t0=$(now_s); "$bin" import --data "$tmp/d" "$intake" >/dev/null 2>&1; awk -v a="$(now_s)" -v b="$t0" 'BEGIN { printf "%.4f\n", a - b }'
    rm -rf "$tmp"; done | median)
import_rate=$(awk -v n="$import_n" -v s="$import_s" 'BEGIN { printf "%.0f", n / s }')

# --- the table --------------------------------------------------------------------------------------
row "figure" "target" "ours" "reference" "ratio (ours / reference)" "met"
row "cold start to first inbox frame (s)" "<= 1.0" "$cold" "cat $ref_cat" "$(ratio "$cold" "$ref_cat")" "$(met "$cold" "<=" 1.0)"
row "" "" "" "orjson $ref_orjson" "$(ratio "$cold" "$ref_orjson")"
row "" "" "" "jq -c . $ref_jq" "$(ratio "$cold" "$ref_jq")"
row "" "" "" "JSONDecoder $ref_foundation" "$(ratio "$cold" "$ref_foundation")"
# The issue's targets were set beside orjson taking ~1.3 s; hosts of this kind have measured 2.2-3.0 s. The
# cold start as it would be on the issue's reference host (ours x 1.3 / orjson here), printed apart, never
# in place of the figure measured.
cold_scaled=$(q=$(quotient "$cold" "$ref_orjson"); if [[ "$q" == "-" ]]; then echo "-"; else awk -v q="$q" 'BEGIN { printf "%.3f", q * 1.3 }'; fi)
row "  (scaled to the issue's orjson of 1.3 s)" "<= 1.0" "$cold_scaled" "orjson 1.3 (issue)" "-" "$(met "$cold_scaled" "<=" 1.0)"
row "start with up-to-date snapshot (s)" "<= 0.2" "$warm" "cold start $cold" "$(ratio "$warm" "$cold")" "$(met "$warm" "<=" 0.2)"
row "  (same, until keys are answered)" "" "$warm_ready" "cold start $cold" "$(ratio "$warm_ready" "$cold")"
row "  (1,500 events after the snapshot)" "<= 0.2" "$later" "cold start $cold" "$(ratio "$later" "$cold")" "$(met "$later" "<=" 0.2)"
row "  (same, until keys are answered)" "" "$later_ready" "cold start $cold" "$(ratio "$later_ready" "$cold")"
for k in "move (j)" "page (PgDn)" "view (1-5)" "filter letter" "search letter"; do
    row "keystroke p99 $k (ms)" "<= 16" "$(key_p99 "$k")" "-" "-" "$(met "$(key_p99 "$k")" "<=" 16)"
done
row "one durable action (ms, median)" "<= 1.5 x ref" "$append" "write+fdatasync $ref_sync_interleaved" "$(ratio "$append" "$ref_sync_interleaved")" \
    "$(met "$(quotient "$append" "$ref_sync_interleaved")" "<=" 1.5)"
row "  (bare reference measured apart)" "" "" "write+fdatasync $ref_sync" "$(ratio "$append" "$ref_sync")"
row "bulk import (reports/s)" ">= 50000" "$import_rate" "-" "-" "$(met "$import_rate" ">=" 50000)"
row "resident memory after start-up (MB)" "<= 1.0 x jrnl" "$((rss_kb / 1000))" "journal $((bytes / 1000000))" "$(ratio "$(kb_bytes "$rss_kb")" "$bytes")" \
    "$(met "$(quotient "$(kb_bytes "$rss_kb")" "$bytes")" "<=" 1.0)"
row "  (same, cold start without snapshot)" "<= 1.0 x jrnl" "$((cold_rss_kb / 1000))" "journal $((bytes / 1000000))" "$(ratio "$(kb_bytes "$cold_rss_kb")" "$bytes")" \
    "$(met "$(quotient "$(kb_bytes "$cold_rss_kb")" "$bytes")" "<=" 1.0)"
row "  (later, once the search index is built)" "" "$((search_rss_kb / 1000))" "journal $((bytes / 1000000))" "$(ratio "$(kb_bytes "$search_rss_kb")" "$bytes")"
# The figures assume the executable's own allocator (README "Decisions"); a build that lost it says so here.
echo "allocator: $(sed -n 's/^allocator: //p' <<<"$cold_out" | head -1)"
