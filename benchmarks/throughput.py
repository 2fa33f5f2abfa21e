"""Coding throughput on one core, dictionary compile and cache-load times, peak memory.

    python benchmarks/throughput.py [--sentences 100000] [--corpus wire|reference]
                                    [--dictionaries DIR ...] [--repeat 3]

``--corpus wire`` (default) codes the generated wire-style articles of
``corpus.py``; ``--corpus reference`` codes articles made of the real news
sentences of the PETRARCH GigaWord sample (``../shared/reference/oeda``), when
present. Sentences are counted as the coder splits them. Peak memory is the
process's maximum resident set size. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from corpus import documents, reference_documents  # noqa: E402

from eventcoder import Coder  # noqa: E402
from eventcoder.coder import bundled_dictionaries  # noqa: E402

REFERENCE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference", "oeda"))

# (peak memory from /proc: ru_maxrss of a child starts at its parent's peak on Linux)
_LOAD_FROM_CACHE = """
import resource, sys, time
t = time.perf_counter()
from eventcoder import Coder
Coder.from_dictionaries(sys.argv[2:], cache=sys.argv[1])
elapsed = time.perf_counter() - t
try:
    with open("/proc/self/status") as f:
        peak = next(int(x.split()[1]) for x in f if x.startswith("VmHWM:")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(elapsed, peak)
"""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cache_load(paths: list[str]) -> tuple[float, float]:
    """Seconds and peak MB of a fresh process that loads the dictionaries from a cache
    (written first by this process)."""
    with tempfile.TemporaryDirectory() as cache:
        Coder.from_dictionaries(paths, cache=cache)  # writes the cache
        env = dict(os.environ)
        src = os.path.join(os.path.dirname(HERE), "src")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
        out = subprocess.run([sys.executable, "-c", _LOAD_FROM_CACHE, cache, *paths], env=env,
                             capture_output=True, text=True, check=True).stdout.split()
        return float(out[0]), float(out[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=100_000)
    ap.add_argument("--corpus", choices=["wire", "reference"], default="wire")
    ap.add_argument("--dictionaries", "-d", action="append")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    paths = args.dictionaries or [bundled_dictionaries()]
    t0 = time.perf_counter()
    coder = Coder.from_dictionaries(paths, cache=False)
    compile_s = time.perf_counter() - t0
    mem_compiled = peak_mb()
    load_s, load_mb = cache_load(paths)

    if args.corpus == "reference":
        if not os.path.isdir(REFERENCE):
            sys.exit(f"--corpus reference needs {REFERENCE}")
        docs = list(reference_documents(args.sentences, REFERENCE))
    else:
        docs = list(documents(args.sentences))

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
    print(f"machine: {platform.processor() or platform.machine()}, Python "
          f"{platform.python_version()}, {os.cpu_count()} cores")
    print(f"dictionaries: {', '.join(paths)}")
    print(f"compile (no cache): {compile_s:.2f} s, peak memory {mem_compiled:.0f} MB; "
          f"load from the compiled cache in a fresh process: {load_s:.2f} s, "
          f"peak memory {load_mb:.0f} MB")
    print(f"corpus: {args.corpus}, {n_sent:,} sentences in {len(docs):,} documents, "
          f"{n_events:,} events")
    print(f"coding, best of {args.repeat}: {best:.2f} s, {n_sent / best:,.0f} sentences/s "
          f"on one core ({best / n_sent * 1e6:.0f} microseconds per sentence)")
    print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
