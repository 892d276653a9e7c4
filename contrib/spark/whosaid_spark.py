#!/usr/bin/env python3
"""Run whosaid over a JSONL corpus on Apache Spark and merge the result.

Every partition of the corpus is piped (``RDD.pipe``) through ``whosaid run - --emit``,
once for documents.csv rows and once for quotes.csv rows; the partitioned rows are saved
as text (``--parts-out``, any path Spark can write: local, HDFS, S3), then brought to the
driver partition by partition and combined with ``whosaid merge``, which recomputes
speakers.csv, affiliations.csv and timeline.csv from the merged quotes. The final tables
equal those of ``whosaid run INPUT... --out OUT`` on one machine, byte for byte.

Each input line is sent with its original location (``_source_file`` = the path as given,
``_line`` = its line number), so ``source_file``, ``line`` and ``<file>:<line>`` ids match
the single-machine run. See contrib/spark/README.md for cluster use.
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from pyspark import SparkContext
from pyspark.storagelevel import StorageLevel

TABLES = ("documents", "quotes")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL files (any path Spark can read), in corpus order")
    p.add_argument("--binary", required=True,
                   help="the whosaid binary (a release build for the cluster's platform)")
    p.add_argument("--out", required=True, help="local directory for the merged tables")
    p.add_argument("--parts-out",
                   help="where the partitioned CSV rows are saved (must not exist; "
                        "default file://OUT/.spark-parts, which only works in local mode)")
    p.add_argument("--partitions", type=int, default=None,
                   help="minimum partitions per input file (sc.textFile minPartitions)")
    p.add_argument("--period", choices=("day", "week", "month"), default="month")
    p.add_argument("--raw-csv", action="store_true")
    p.add_argument("--max-doc-bytes", type=int, default=None)
    p.add_argument("--threads", type=int, default=1,
                   help="whosaid worker threads per partition (default 1: Spark runs "
                        "one task per core)")
    return p.parse_args(argv)


def locate(path):
    """A function tagging line (text, index) of `path` with its original location."""

    def tag(pair):
        line, index = pair
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            # Blank or broken lines go as they are: whosaid skips blank lines and turns a
            # broken one into an error row (located within the partition).
            return line
        # Insert the location textually so the rest of the record reaches whosaid
        # exactly as it is in the file.
        body = line.lstrip()[1:]
        sep = "" if body.lstrip().startswith("}") else ","
        location = '"_source_file":%s,"_line":%d' % (json.dumps(path), index + 1)
        return "{" + location + sep + body

    return tag


def run_args(args):
    # The period only matters to the merge (timeline.csv), not to the per-document rows.
    extra = []
    if args.raw_csv:
        extra.append("--raw-csv")
    if args.max_doc_bytes is not None:
        extra += ["--max-doc-bytes", str(args.max_doc_bytes)]
    extra += ["--threads", str(args.threads)]
    return extra


def pipe_command(binary, table, extra):
    """The command each partition is piped through. The binary is shipped with
    SparkContext.addFile, which executors fetch into their working directory (the
    directory tasks, and so the piped command, run in); in local mode (and when the binary is installed at the same path on
    every node) the driver's absolute path is used."""
    name = os.path.basename(binary)
    launcher = ('b=./%s; [ -f "$b" ] || b=%s; [ -x "$b" ] || chmod +x "$b"; exec "$b" "$@"'
                % (shlex.quote(name), shlex.quote(os.path.abspath(binary))))
    argv = ["sh", "-c", launcher, "whosaid", "run", "-", "--quiet", "--emit", table,
            "--no-header"] + extra
    return shlex.join(argv)


def header(binary, table, extra):
    """The table's header row, as whosaid writes it (an empty stream gives only it)."""
    out = subprocess.run([binary, "run", "-", "--quiet", "--emit", table] + extra,
                         input=b"", stdout=subprocess.PIPE, check=True)
    return out.stdout


def main(argv):
    args = parse_args(argv)
    out = os.path.abspath(args.out)
    parts_out = args.parts_out or "file://" + os.path.join(out, ".spark-parts")
    extra = run_args(args)
    sc = SparkContext.getOrCreate()
    sc.addFile(os.path.abspath(args.binary))

    # One RDD per input file keeps each line's number; the union keeps corpus order.
    per_file = []
    for path in args.inputs:
        lines = (sc.textFile(path, args.partitions) if args.partitions
                 else sc.textFile(path))
        per_file.append(lines.zipWithIndex().map(locate(path)))
    records = sc.union(per_file).persist(StorageLevel.MEMORY_AND_DISK)

    piped = {}
    for table in TABLES:
        rows = records.pipe(pipe_command(args.binary, table, extra), checkCode=True)
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
        rows.saveAsTextFile(parts_out.rstrip("/") + "/" + table)
        piped[table] = rows

    # Partition i of both tables comes from partition i of the records: write one merge
    # part directory per partition, then merge them in partition order.
    local = tempfile.mkdtemp(prefix="whosaid-spark-")
    try:
        partitions = records.getNumPartitions()
        dirs = [os.path.join(local, "part-%05d" % i) for i in range(partitions)]
        for d in dirs:
            os.makedirs(d)
        for table in TABLES:
            head = header(args.binary, table, extra)
            files = [open(os.path.join(d, table + ".csv"), "wb") for d in dirs]
            try:
                for f in files:
                    f.write(head)
                tagged = piped[table].mapPartitionsWithIndex(
                    lambda i, it: ((i, line) for line in it))
                for i, line in tagged.toLocalIterator():
                    files[i].write(line.encode("utf-8") + b"\n")
            finally:
                for f in files:
                    f.close()
        merge = [args.binary, "merge", "--quiet", "--period", args.period, "--out", out]
        if args.raw_csv:
            merge.append("--raw-csv")
        subprocess.run(merge + dirs, check=True)
    finally:
        shutil.rmtree(local, ignore_errors=True)
        sc.stop()
    print("whosaid_spark: %d partitions merged into %s" % (partitions, out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
