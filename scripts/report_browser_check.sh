#!/usr/bin/env bash
# Builds the report for the sample data (data/) and checks it in headless Chromium
# (scripts/report_browser_check.py: no console errors, filters, sort, document view),
# saving screenshots. Needs Debian's chromium and chromium-driver and python3.
#
#   scripts/report_browser_check.sh               # screenshots in target/report-check/
#   scripts/report_browser_check.sh --update-docs # screenshots in docs/ for the README
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in chromedriver python3; do
  command -v "$tool" >/dev/null || { echo "report_browser_check: $tool not found" >&2; exit 2; }
done

work=target/report-check
rm -rf "$work"
mkdir -p "$work"
cargo run --quiet -- run data --out "$work/out" --quiet
cargo run --quiet -- report "$work/out" --input data --quiet

shots="$work"
if [[ "${1:-}" == "--update-docs" ]]; then
  shots=docs
fi
python3 scripts/report_browser_check.py --html "$work/out/report.html" --tables "$work/out" \
  --screenshots "$shots"
