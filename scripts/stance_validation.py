#!/usr/bin/env python3
"""Validate whosaid's stance scores.

1. Tone against human ratings: Pearson r between `whosaid score` tone and `human_mean` on
   ../shared/dev-data/tone/nyt_editorial_dev.jsonl (skipped when that file is absent).
2. Conflict, certainty and tone against data/labeled/stance.jsonl (labels -1/0/+1, written
   for this project): accuracy and a confusion table per dimension; a score counts as
   -1 / 0 / +1 by the threshold below.

Usage: scripts/stance_validation.py [--binary PATH] [--threshold 0.1]
"""
import argparse
import csv
import io
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def score(binary, path):
    out = subprocess.run([binary, "score", path], check=True, capture_output=True).stdout
    return {r["id"]: r for r in csv.DictReader(io.StringIO(out.decode("utf-8")))}


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/whosaid"))
    ap.add_argument("--threshold", type=float, default=0.1)
    args = ap.parse_args()

    nyt = os.path.join(ROOT, "../shared/dev-data/tone/nyt_editorial_dev.jsonl")
    if os.path.exists(nyt):
        scores = score(args.binary, nyt)
        gold = [json.loads(l) for l in open(nyt, encoding="utf-8")]
        xs = [float(scores[g["id"]]["tone"]) for g in gold]
        ys = [g["human_mean"] for g in gold]
        print(f"tone vs human ratings (NYT editorial dev, {len(gold)} sentences): r = {pearson(xs, ys):.3f}")
    else:
        print("skipping NYT tone check: ../shared/dev-data/tone not found")

    labeled = os.path.join(ROOT, "data/labeled/stance.jsonl")
    scores = score(args.binary, labeled)
    gold = [json.loads(l) for l in open(labeled, encoding="utf-8")]
    t = args.threshold
    for dim in ("conflict", "certainty", "tone"):
        table = {(g, p): 0 for g in (-1, 0, 1) for p in (-1, 0, 1)}
        for g in gold:
            v = float(scores[g["id"]][dim])
            p = 1 if v > t else (-1 if v < -t else 0)
            table[(g[dim], p)] += 1
        right = sum(table[(k, k)] for k in (-1, 0, 1))
        print(f"\n{dim}: accuracy {right / len(gold):.3f} ({right}/{len(gold)}), threshold ±{t}")
        print("gold\\pred    -1     0    +1")
        for g in (-1, 0, 1):
            print(f"{g:+d}       " + " ".join(f"{table[(g, p)]:5d}" for p in (-1, 0, 1)))


if __name__ == "__main__":
    sys.exit(main())
