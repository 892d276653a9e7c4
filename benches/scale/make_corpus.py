#!/usr/bin/env python3
"""Writes a JSON Lines corpus of replicated real news text, for the scale scripts.

Usage: make_corpus.py OUT.jsonl SIZE_MB [--sample-only]

The articles are the txt files of data/sample (their date line becomes `date` and
`title`, as the txt reader does) and, unless --sample-only or when ../shared is absent,
the texts of ../shared/dev-data/polnear/polnear_train.jsonl, written in turn with fresh
ids (`r<round>_<n>`) until the file holds SIZE_MB (decimal MB). The same arguments give
the same bytes. The output is for target/ or a temporary directory: it holds PolNeAR
text, which must never be committed.
"""

import glob
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATE_LINE = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})\s*(.*)$")


def articles(sample_only: bool) -> list:
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "sample", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        record = {"text": text}
        m = DATE_LINE.match(text.split("\n", 1)[0])
        if m:
            record["date"], record["title"] = m.group(1), m.group(2)
        found.append(record)
    polnear = os.path.join(ROOT, "..", "shared", "dev-data", "polnear", "polnear_train.jsonl")
    if not sample_only and os.path.exists(polnear):
        with open(polnear, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                record = {"text": r["text"]}
                meta = r.get("meta") or {}
                for key in ("date", "title"):
                    if meta.get(key):
                        record[key] = meta[key]
                found.append(record)
    return found


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out, size = args[0], int(float(args[1]) * 1e6)
    records = articles("--sample-only" in sys.argv)
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        round_ = 0
        while written < size:
            for n, r in enumerate(records):
                line = json.dumps({"id": f"r{round_}_{n}", **r}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                if written >= size:
                    break
            round_ += 1
    print(f"{out}: {written / 1e6:.1f} MB, {len(records)} distinct articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
