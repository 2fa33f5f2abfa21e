"""Parallel throughput: ``eventcoder code`` end to end with 1..N worker processes.

    python benchmarks/parallel.py [--sentences 100000] [--workers 1 2] [--dictionaries DIR ...]

Writes the synthetic corpus (``corpus.py``) to a temporary JSON-lines file, runs
the command line on it once per worker count (reading, coding, writing JSON
lines, checkpoints: everything a user's run does), checks that every run wrote
the same bytes, and prints sentences per second, the speed-up over one worker,
the CPU time used (on a busy machine, a steadier measure of the parallel overhead
than the wall time) and peak memory. Prints figures; checks only that the output
is identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from corpus import documents  # noqa: E402


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(corpus: str, out: str, workers: int,
        dicts: list[str]) -> tuple[float, float, str, str]:
    env = dict(os.environ)
    src = os.path.join(os.path.dirname(HERE), "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    args = [sys.executable, "-m", "eventcoder", "code", corpus, "-o", out,
            "--workers", str(workers)]
    for d in dicts:
        args += ["-d", d]
    t0, cpu0 = time.perf_counter(), children_cpu()
    proc = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr)
    with open(out, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    return elapsed, cpu, digest, proc.stderr.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=100_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--dictionaries", "-d", action="append", default=[])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as handle:
            for rec in documents(args.sentences):
                handle.write(json.dumps(rec) + "\n")
        print(f"machine: {platform.processor() or platform.machine()}, Python "
              f"{platform.python_version()}, {os.cpu_count()} CPUs")
        print(f"corpus: {args.sentences:,} sentences, {os.path.getsize(corpus) / 1e6:.1f} MB")
        base, digests = None, set()
        for workers in args.workers:
            elapsed, cpu, digest, summary = run(corpus, os.path.join(tmp, f"w{workers}.jsonl"),
                                                workers, args.dictionaries)
            digests.add(digest)
            base = base or elapsed
            print(f"--workers {workers}: {elapsed:6.2f} s wall (incl. start-up and dictionary "
                  f"load), {args.sentences / elapsed:,.0f} sentences/s, x{base / elapsed:.2f}; "
                  f"CPU time of all processes {cpu:.2f} s")
        print(summary)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of one process: {peak:.0f} MB")
        print("output identical for every worker count" if len(digests) == 1
              else "OUTPUT DIFFERS BETWEEN WORKER COUNTS")


if __name__ == "__main__":
    main()
