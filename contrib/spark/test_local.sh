#!/usr/bin/env bash
# Local end-to-end test of contrib/spark/whosaid_spark.py: installs pyspark from PyPI into
# a cached venv (about a minute and ~500 MB the first time; Java 17 must be installed),
# runs the job in local[2] on the bundled data/, and checks that the merged tables equal
# a single-machine `whosaid run` on the same input, byte for byte.
#
#   contrib/spark/test_local.sh            # builds target/debug/whosaid first
#   WHOSAID_BIN=target/release/whosaid contrib/spark/test_local.sh
#
# The venv lives in ${WHOSAID_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/whosaid/spark-venv}.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

venv=${WHOSAID_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/whosaid/spark-venv}
if [ ! -x "$venv/bin/spark-submit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pyspark
fi
if [ -z "${WHOSAID_BIN:-}" ]; then
    cargo build --quiet
    WHOSAID_BIN=target/debug/whosaid
fi

export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON="$venv/bin/python"
work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-spark-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The Spark job reads JSONL: the sample txt files become one JSONL file (text exactly as
# in the file, date and title from its first line, as the txt reader takes them); the
# labeled JSONL files are read where they are.
python3 - "$work/sample.jsonl" data/sample/*.txt <<'PY'
import json, os, re, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8", newline="").read()
        record = {"id": os.path.splitext(os.path.basename(path))[0], "text": text}
        m = re.match(r" ?date (\d{4}-\d\d-\d\d)(.*)", text.splitlines()[0] if text else "")
        if m:
            record["date"], record["title"] = m.group(1), m.group(2).strip()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
inputs=(data/labeled/articles.jsonl data/labeled/stance.jsonl "$work/sample.jsonl")

"$WHOSAID_BIN" run "${inputs[@]}" --out "$work/single" --quiet --period week
"$WHOSAID_BIN" run data --out "$work/data" --quiet --period week
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
    contrib/spark/whosaid_spark.py --binary "$WHOSAID_BIN" --out "$work/spark" \
    --parts-out "file://$work/parts" --partitions 2 --period week "${inputs[@]}" \
    2> "$work/spark.log" || { tail -40 "$work/spark.log"; exit 1; }

status=0
for table in documents quotes speakers affiliations timeline; do
    if cmp "$work/single/$table.csv" "$work/spark/$table.csv"; then
        echo "same as run on the same JSONL: $table.csv ($(wc -c < "$work/single/$table.csv") bytes)"
    else
        status=1
    fi
done
# Against `whosaid run data` (txt files read as txt) every table but documents.csv must be
# equal too; documents.csv differs only in source_file and line (txt file vs JSONL line).
for table in quotes speakers affiliations timeline; do
    if cmp "$work/data/$table.csv" "$work/spark/$table.csv"; then
        echo "same as whosaid run data: $table.csv"
    else
        status=1
    fi
done
cut_location() { python3 -c '
import csv, sys
for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")):
    print(row[:1] + row[3:])' "$1"; }
if [ "$(cut_location "$work/data/documents.csv")" = "$(cut_location "$work/spark/documents.csv")" ]; then
    echo "same as whosaid run data: documents.csv without source_file and line"
else
    echo "documents.csv differs from whosaid run data beyond source_file and line"
    status=1
fi
parts=$(ls "$work/parts/quotes" | grep -c '^part-')
echo "spark partitions: $parts; wall time $(($(date +%s) - started)) s"
[ "$parts" -ge 2 ] || { echo "expected at least 2 partitions"; status=1; }
exit $status
