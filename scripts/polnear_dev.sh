#!/usr/bin/env bash
# Accuracy on PolNeAR dev with the reference scorer (optional: skips when ../shared is absent).
# Usage: scripts/polnear_dev.sh [dev|train] [extra scorer args, e.g. --subset direct --errors 20]
set -euo pipefail
cd "$(dirname "$0")/.."
split="${1:-dev}"
shift || true
gold="../shared/dev-data/polnear/polnear_${split}.jsonl"
scorer="../shared/tools/score_quotes.py"
if [[ ! -f "$gold" || ! -f "$scorer" ]]; then
  echo "skipping: $gold or $scorer not found"
  exit 0
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --release --quiet -- run "$gold" --out "$out" --quiet
python3 "$scorer" "$gold" "$out/quotes.csv" "$@"
