"""Coding throughput on one core, dictionary compile time and peak memory.

    python benchmarks/throughput.py [--sentences 1000] [--dictionaries DIR ...] [--repeat 3]

Prints figures; asserts nothing. Sentences are counted as the coder splits
them. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus import documents  # noqa: E402

from eventcoder import Coder  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--dictionaries", "-d", action="append")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t0 = time.perf_counter()
    coder = Coder.from_dictionaries(args.dictionaries) if args.dictionaries else Coder.default()
    compile_s = time.perf_counter() - t0
    docs = list(documents(args.sentences))
    mem_loaded = peak_mb()

    best = float("inf")
    n_sent = n_events = 0
    for _ in range(args.repeat):
        n_sent = n_events = 0
        t0 = time.perf_counter()
        for d in docs:
            res = coder.analyze_document(d["text"], d["date"], d["id"])
            n_sent += len(res.sentences)
            n_events += sum(len(s.events) for s in res.sentences)
        best = min(best, time.perf_counter() - t0)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores")
    print(f"dictionaries: {', '.join(coder.compiled.names)}")
    print(f"load+compile: {compile_s:.2f} s; peak memory after load: {mem_loaded:.0f} MB")
    print(f"coded {n_sent} sentences ({len(docs)} documents), {n_events} events, "
          f"best of {args.repeat}: {best:.3f} s")
    print(f"throughput: {n_sent / best:,.0f} sentences/s on one core")
    print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
