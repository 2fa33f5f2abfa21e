"""Parallel throughput: ``eventcoder code`` end to end with 1..N worker processes.

    python benchmarks/parallel.py [--sentences 100000] [--workers 1 2] [--dictionaries DIR ...]

Writes the synthetic corpus (``corpus.py``) to a temporary JSON-lines file, runs
the command line on it once per worker count (reading, coding, writing JSON
lines, checkpoints: everything a user's run does), checks that every run wrote
the same bytes, and prints sentences per second, the speed-up over one worker,
the CPU time used (on a busy machine, a steadier measure of the parallel overhead
than the wall time) and peak memory (of all processes together, sampled every
50 ms on Linux, and of the largest single process). A first one-document run
builds the compiled-dictionary cache, as a user's first run would. Prints
figures; checks only that the output is identical.
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
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from corpus import documents  # noqa: E402


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total / 1e6


def run(corpus: str, out: str, workers: int,
        dicts: list[str]) -> tuple[float, float, str, str, float]:
    env = dict(os.environ)
    src = os.path.join(os.path.dirname(HERE), "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    args = [sys.executable, "-m", "eventcoder", "code", corpus, "-o", out,
            "--workers", str(workers)]
    for d in dicts:
        args += ["-d", d]
    t0, cpu0 = time.perf_counter(), children_cpu()
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True)
    peak_total = 0.0
    sampler_done = threading.Event()

    def sample() -> None:  # all processes together, every 50 ms
        nonlocal peak_total
        while not sampler_done.wait(0.05):
            if os.path.isdir("/proc"):
                peak_total = max(peak_total, tree_rss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    sampler_done.set()
    sampler.join()
    elapsed, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    if proc.returncode not in (0, 1):
        sys.exit(stderr)
    with open(out, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    return elapsed, cpu, digest, stderr.strip().splitlines()[-1], peak_total


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
        # a first, small run compiles the dictionaries into the cache, as a user's
        # first run does; the timed runs then load them from there
        warm = os.path.join(tmp, "warm.jsonl")
        with open(corpus, encoding="utf-8") as src, open(warm, "w", encoding="utf-8") as dst:
            dst.write(src.readline())
        elapsed, *_ = run(warm, os.path.join(tmp, "warm.out.jsonl"), 1, args.dictionaries)
        print(f"first run (one document; compiles and caches the dictionaries if needed): "
              f"{elapsed:.2f} s")
        base, digests = None, set()
        summary = ""
        for workers in args.workers:
            elapsed, cpu, digest, summary, total = run(
                corpus, os.path.join(tmp, f"w{workers}.jsonl"), workers, args.dictionaries)
            digests.add(digest)
            base = base or elapsed
            print(f"--workers {workers}: {elapsed:6.2f} s wall (incl. start-up and dictionary "
                  f"load), {args.sentences / elapsed:,.0f} sentences/s, x{base / elapsed:.2f}; "
                  f"CPU time of all processes {cpu:.2f} s; peak memory of all processes "
                  f"{total:.0f} MB")
        print(summary)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of the largest single process: {peak:.0f} MB")
        print("output identical for every worker count" if len(digests) == 1
              else "OUTPUT DIFFERS BETWEEN WORKER COUNTS")


if __name__ == "__main__":
    main()
