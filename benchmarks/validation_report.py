"""Measure eventcoder on the PETRARCH reference data and write docs/validation.md.

    python benchmarks/validation_report.py [--reference ../shared/reference/oeda]
                                           [--output docs/validation.md]

1. imports the PETR.Validate dictionaries and runs PETR.UnitTest.records.xml;
2. imports the full Phoenix dictionaries, then loads and compiles them in a
   fresh process (time and peak memory);
3. codes the sentences of GigaWord.sample.PETR.xml with the Phoenix import.
Failing records are explained from docs/validation-notes.yaml.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
import xml.etree.ElementTree as ET

import yaml

from eventcoder import Coder
from eventcoder.importers.petrarch import import_petrarch
from eventcoder.validation import category_table, run_file

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from eventcoder import Coder
coder = Coder.from_dictionaries(sys.argv[1])
elapsed = time.perf_counter() - t0
print(json.dumps({"seconds": elapsed,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def validation_section(ref: str, work: str) -> tuple[list[str], int, int]:
    out = os.path.join(work, "validate")
    import_petrarch(actors=[os.path.join(ref, "PETR.Validate.actors.txt")],
                    agents=os.path.join(ref, "PETR.Validate.agents.txt"),
                    verbs=os.path.join(ref, "PETR.Validate.verbs.txt"),
                    discards=os.path.join(ref, "PETR.Validate.discards.txt"), out_dir=out)
    coder = Coder.from_dictionaries(out)
    outcomes = run_file(coder, os.path.join(ref, "PETR.UnitTest.records.xml"))
    passed = sum(o.passed for o in outcomes)
    total = len(outcomes)
    with open(os.path.join(ROOT, "docs", "validation-notes.yaml"), encoding="utf-8") as h:
        notes = yaml.safe_load(h)["notes"]
    lines = ["| category | passed | records |", "|---|---:|---:|"]
    lines += [f"| {c} | {p} | {t} |" for c, p, t in category_table(outcomes)]
    lines += [f"| **all** | **{passed}** | **{total}** |", ""]
    lines += ["### Records not coded as expected", ""]
    for o in outcomes:
        if o.passed:
            continue
        r = o.record
        exp = "; ".join(sorted(" ".join(t) for t in r.expected)) or (
            f"error {r.error}" if r.error else "no events")
        got = "; ".join(sorted(" ".join(t) for t in o.got)) or "no events"
        note = notes.get(r.ident, "(no note yet)")
        lines += [f"**{r.ident}** ({r.category}): {r.text}", "",
                  f"- expected: `{exp}`", f"- eventcoder: `{got}`",
                  f"- why: {note}", ""]
    missing_notes = [o.record.ident for o in outcomes if not o.passed
                     and o.record.ident not in notes]
    if missing_notes:
        print("no note for:", ", ".join(missing_notes), file=sys.stderr)
    return lines, passed, total


def phoenix_section(ref: str, work: str) -> tuple[list[str], str]:
    out = os.path.join(work, "phoenix")
    t0 = time.perf_counter()
    report = import_petrarch(
        actors=[os.path.join(ref, f) for f in ("Phoenix.Countries.actors.txt",
                                               "Phoenix.International.actors.txt",
                                               "Phoenix.MilNonState.actors.txt")],
        agents=os.path.join(ref, "Phoenix.agents.txt"),
        verbs=os.path.join(ref, "CAMEO.verbpatterns.150430.txt"),
        discards=os.path.join(ref, "Phoenix.discards.txt"),
        issues=os.path.join(ref, "Phoenix.IssueCoding.txt"), out_dir=out)
    import_s = time.perf_counter() - t0
    child = subprocess.run([sys.executable, "-c", _CHILD, out], capture_output=True, text=True,
                           check=True)
    load = json.loads(child.stdout)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs
               if f.endswith(".yaml"))
    lines = ["```", report.summary(), "```", "",
             f"- import time: {import_s:.1f} s; YAML written: {size / 1e6:.1f} MB",
             f"- load, validate and compile in a fresh process: {load['seconds']:.1f} s, "
             f"peak memory {load['peak_mb']:.0f} MB", ""]
    return lines, out


def gigaword_section(ref: str, dict_dir: str) -> list[str]:
    coder = Coder.from_dictionaries(dict_dir)
    root = ET.parse(os.path.join(ref, "GigaWord.sample.PETR.xml")).getroot()
    lines = []
    n = coded = 0
    for sent in root.iter("Sentence"):
        text = " ".join((sent.findtext("Text") or "").split())
        date = sent.get("date")
        events = coder.code_sentence(text, date)
        n += 1
        if not events:
            continue
        coded += 1
        shown = "; ".join(f"{e.source} {e.code} {e.target}" for e in events)
        lines.append(f"- `{sent.get('id')}` {shown}  \n  {textwrap.shorten(text, 220)}")
    return [f"{coded} of {n} sentences produce events:", ""] + lines + [""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "reference", "oeda"))
    ap.add_argument("--output", default=os.path.join(ROOT, "docs", "validation.md"))
    args = ap.parse_args()
    ref = os.path.normpath(args.reference)
    with tempfile.TemporaryDirectory() as work:
        val, passed, total = validation_section(ref, work)
        phx, phx_dir = phoenix_section(ref, work)
        giga = gigaword_section(ref, phx_dir)
    head = open(os.path.join(ROOT, "docs", "validation-intro.md"), encoding="utf-8").read()
    body = [head.rstrip(), "",
            f"Measured on {time.strftime('%Y-%m-%d')} with eventcoder on Python "
            f"{platform.python_version()} ({platform.machine()}), by "
            "`python benchmarks/validation_report.py`.", "",
            "## The PETRARCH validation suite", "",
            f"**{passed} of {total} records ({100 * passed / total:.1f}%) exactly right**, "
            "with the PETR.Validate dictionaries imported by `eventcoder import petrarch`. "
            "PETRARCH-1 itself, with a full parse tree for every sentence, codes 215 of 284 "
            "(75.7%).", ""] + val + [
            "## The full Phoenix dictionaries", "",
            "`eventcoder import petrarch` on the three Phoenix actor files, the Phoenix "
            "agents, discards and issues, and CAMEO.verbpatterns.150430.txt:", ""] + phx + [
            "## GigaWord sample, coded with the Phoenix import", ""] + giga
    with open(args.output, "w", encoding="utf-8") as h:
        h.write("\n".join(body).rstrip() + "\n")
    print(f"{passed}/{total}; wrote {args.output}")


if __name__ == "__main__":
    main()
