#!/usr/bin/env bash
# End-to-end regression check, run by hand (not in CI: timings on shared CI machines are
# noise). Runs the release binary with --threads 1 on a fixed corpus (data/sample
# replicated to 100 MB of JSONL), takes the median MB/s of 3 runs and compares it with
# the figure recorded in benches/scale/baseline.txt; exits 1 when it is more than 20%
# below. The baseline names the machine it was recorded on; on another machine the
# check warns that the figures are not comparable (re-record there with --record).
#
# Usage: benches/scale/check_regression.sh [--record]
#   --record  measure and rewrite benches/scale/baseline.txt instead of comparing
set -euo pipefail
cd "$(dirname "$0")/../.."

record=false
case ${1:-} in
    --record) record=true ;;
    "") ;;
    *) sed -n '2,10p' "$0" >&2; exit 2 ;;
esac

baseline=benches/scale/baseline.txt
dir=target/scale-check
corpus=$dir/sample_100MB.jsonl
mkdir -p "$dir"
cargo build --release --quiet
bin=target/release/whosaid
[[ -f $corpus ]] || python3 benches/scale/make_corpus.py "$corpus" 100 --sample-only
bytes=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null

machine="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores"
rates=()
for _ in 1 2 3; do
    start=$(date +%s%N)
    "$bin" run "$corpus" --out "$dir/out" --threads 1 --quiet
    end=$(date +%s%N)
    rates+=("$(awk -v b="$bytes" -v ns=$((end - start)) 'BEGIN { printf "%.1f", b / 1e3 / ns * 1e6 }')")
done
rate=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
echo "end to end, --threads 1: ${rates[*]} MB/s (median $rate)"

if [[ $record == true ]]; then
    cat > "$baseline" <<TXT
# Baseline of benches/scale/check_regression.sh: median MB/s of 3 runs of
# \`whosaid run --threads 1\` (release) on data/sample replicated to 100 MB of JSONL.
# Rewrite with \`benches/scale/check_regression.sh --record\` on the machine named here.
machine=$machine
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
date=$(date -u +%Y-%m-%d)
mb_per_s=$rate
TXT
    echo "recorded $rate MB/s in $baseline"
    exit 0
fi

if [[ ! -f $baseline ]]; then
    echo "no $baseline: record one with --record" >&2
    exit 2
fi
base_machine=$(sed -n 's/^machine=//p' "$baseline")
base_rate=$(sed -n 's/^mb_per_s=//p' "$baseline")
if [[ $base_machine != "$machine" ]]; then
    echo "warning: baseline recorded on '$base_machine', this is '$machine'; figures are not comparable" >&2
fi
awk -v r="$rate" -v b="$base_rate" 'BEGIN {
    printf "baseline %.1f MB/s, now %.1f MB/s (%+.0f%%)\n", b, r, (r / b - 1) * 100
    if (r < 0.8 * b) { print "REGRESSION: more than 20% below the baseline"; exit 1 }
    print "ok"
}'
