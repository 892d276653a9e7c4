#!/usr/bin/env bash
# The release binary end to end on a generated ~1 GB JSONL corpus of replicated real news
# text (data/sample, plus PolNeAR train texts when ../shared is present), on one core
# (--threads 1 pinned with taskset) and at --threads 1 and 2, with `wc -w` on the same file
# in the same run for comparison. Records wall time,
# MB/s (input bytes per second), peak RSS and CPU use (`/usr/bin/time -v`) and prints a
# table.
#
# Usage: benches/scale/run_1gb.sh [--size-mb N] [--keep] [--dir DIR] [--out DIR]
#   --size-mb N  corpus size in decimal MB (default 1000)
#   --keep       keep the corpus and the output tables (default: removed at the end)
#   --dir DIR    where to generate them (default target/scale; never commit it: it holds
#                PolNeAR text)
#   --out DIR    where whosaid writes its tables (default DIR/out; e.g. a directory in
#                /dev/shm to leave the disk out of the figures)
# Needs python3 and GNU time (`apt-get install -y time`).
set -euo pipefail
cd "$(dirname "$0")/../.."

size_mb=1000
keep=false
dir=target/scale
out=
while [[ $# -gt 0 ]]; do
    case $1 in
        --size-mb) size_mb=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        --dir) dir=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time is missing: apt-get install -y time" >&2
    exit 2
fi

mkdir -p "$dir"
corpus=$dir/corpus.jsonl
out=${out:-$dir/out}
cleanup() {
    if [[ $keep == false ]]; then
        rm -rf "$corpus" "$out"
    fi
}
trap cleanup EXIT

# The corpus, plus output tables of about the same size, plus headroom.
df -h "$dir"
need_kb=$((size_mb * 1000 * 3))
avail_kb=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
if ((avail_kb < need_kb)); then
    echo "not enough disk space in $dir: $((avail_kb / 1000)) MB free, ~$((need_kb / 1000)) MB needed" >&2
    exit 2
fi

cargo build --release --quiet
bin=target/release/whosaid
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores" >&2

if [[ ! -f $corpus ]]; then
    python3 benches/scale/make_corpus.py "$corpus" "$size_mb"
fi
bytes=$(stat -c %s "$corpus")
# Read the file once so that every measurement below starts from the page cache.
cat "$corpus" > /dev/null

rows=()
# measure LABEL COMMAND...: wall time (ns), peak RSS (kB) of COMMAND via /usr/bin/time -v.
measure() {
    local label=$1
    shift
    local log=$dir/time.log start end rss cpu
    start=$(date +%s%N)
    /usr/bin/time -v -o "$log" "$@" > /dev/null
    end=$(date +%s%N)
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    cpu=$(awk -F': ' '/Percent of CPU/ { print $2 }' "$log")
    rows+=("$label|$((end - start))|$rss|$cpu")
    echo "$label: $(((end - start) / 1000000)) ms, peak RSS $((rss / 1024)) MiB, CPU $cpu" >&2
}

measure "wc -w" wc -w "$corpus"
# One core: with --threads 1 the reader and writer threads still run beside the analysis
# thread, so the run is also pinned to one CPU (taskset, when there is one).
if command -v taskset > /dev/null; then
    rm -rf "$out"
    measure "whosaid run --threads 1, one core (taskset -c 0)" \
        taskset -c 0 "$bin" run "$corpus" --out "$out" --threads 1 --quiet
fi
for threads in 1 2; do
    rm -rf "$out"
    measure "whosaid run --threads $threads" \
        "$bin" run "$corpus" --out "$out" --threads "$threads" --quiet
done
out_mb=$(du -sm "$out" | cut -f1)

printf '\ncorpus: %s, %s bytes, %s documents; output tables %s MB; locale %s\n\n' \
    "$corpus" "$bytes" "$(wc -l < "$corpus")" "$out_mb" "${LC_ALL:-${LANG:-C}}"
printf '| command | wall (s) | MB/s | peak RSS (MiB) | CPU |\n|---|---|---|---|---|\n'
for row in "${rows[@]}"; do
    IFS='|' read -r label ns rss cpu <<< "$row"
    awk -v label="$label" -v ns="$ns" -v rss="$rss" -v cpu="$cpu" -v bytes="$bytes" 'BEGIN {
        s = ns / 1e9
        printf "| %s | %.2f | %.1f | %.0f | %s |\n", label, s, bytes / 1e6 / s, rss / 1024, cpu
    }'
done
