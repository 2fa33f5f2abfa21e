"""Run validation records in the PETRARCH XML format and compare with expectations.

A record file has ``<Sentence date id category sentence>`` elements with
``<EventCoding sourcecode targetcode eventcode>`` (or ``noevents="True"``, or
``error="..."``) and a ``<Text>``; ``<Parse>`` is ignored. ``<Config
option=... value=...>`` elements between records change coder options from
that point on, as in PETRARCH. A record passes when the set of (source,
target, code) produced equals the expected set.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict
from typing import Iterator

import attrs

from .coder import Coder
from .errors import EventCoderError

#: PETRARCH options we honour, and how to read them.
_INT_OPTIONS = {"comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin",
                "comma_emax", "new_actor_length"}
_BOOL_OPTIONS = {"require_dyad"}
_DISCARD_ERRORS = {"sentencediscard": "sentence discard", "storydiscard": "story discard"}


@attrs.frozen
class Record:
    ident: str
    category: str
    date: str | None
    text: str
    is_story: bool  # sentence="false": a story to split into sentences
    expected: frozenset[tuple[str, str, str]]
    error: str  # expected error kind ("" if none)
    options: tuple[tuple[str, object], ...]  # the options in force
    unsupported: tuple[str, ...]  # options in force that eventcoder does not honour
    line: int


@attrs.frozen
class Outcome:
    record: Record
    got: frozenset[tuple[str, str, str]]
    discarded: str
    passed: bool

    def to_dict(self) -> dict:
        r = self.record
        return {
            "id": r.ident, "category": r.category, "date": r.date, "passed": self.passed,
            "expected": sorted(" ".join(t) for t in r.expected) or (
                [f"error:{r.error}"] if r.error else []),
            "got": sorted(" ".join(t) for t in self.got) or (
                [self.discarded] if self.discarded else []),
            "options": dict(r.options), "unsupported_options": list(r.unsupported),
            "text": r.text,
        }


def _text(elem: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", elem.text or "").strip() if elem is not None else ""


def read_records(path: str) -> Iterator[Record]:
    """The records of a validation file, with the options in force for each."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        raise EventCoderError(f"{path}: not a readable XML file: {exc}") from None
    except OSError as exc:
        raise EventCoderError(f"{path}: {exc.strerror}") from None
    root = tree.getroot()
    container = root.find("Sentences")
    if container is None:
        container = root
    options: dict[str, object] = {}
    unsupported: dict[str, str] = {}
    for n, elem in enumerate(container):
        if elem.tag == "Config":
            name = (elem.get("option") or "").strip()
            value = (elem.get("value") or "").strip()
            if name in _INT_OPTIONS:
                options[name] = int(value)
            elif name in _BOOL_OPTIONS:
                options[name] = value.lower() == "true"
            elif name:
                if value in ("0", "", "false", "False"):
                    unsupported.pop(name, None)
                else:
                    unsupported[name] = value
            continue
        if elem.tag != "Sentence":
            continue
        expected = set()
        error = ""
        for ev in elem.findall("EventCoding"):
            if ev.get("error"):
                error = ev.get("error", "").strip()
            elif ev.get("sourcecode") is not None:
                expected.add((ev.get("sourcecode", "").strip().strip('"'),
                              ev.get("targetcode", "").strip().strip('"'),
                              ev.get("eventcode", "").strip()))
        yield Record(
            ident=(elem.get("id") or f"record-{n}").strip(),
            category=(elem.get("category") or "").strip(),
            date=(elem.get("date") or "").strip() or None,
            text=_text(elem.find("Text")),
            is_story=(elem.get("sentence") or "true").strip().lower() == "false",
            expected=frozenset(expected),
            error=error,
            options=tuple(sorted(options.items())),
            unsupported=tuple(f"{k}={v}" for k, v in sorted(unsupported.items())),
            line=n,
        )


def run_record(coder: Coder, record: Record) -> Outcome:
    c = coder.with_options(**dict(record.options)) if record.options else coder
    if record.is_story:
        doc = c.analyze_document(record.text, record.date)
        events = doc.events
        discarded = doc.discarded or next((s.discarded for s in doc.sentences if s.discarded),
                                          "")
    else:
        res = c.analyze_sentence(record.text, record.date)
        events = res.events
        discarded = res.discarded
    got = frozenset((e.source.strip('"'), e.target.strip('"'), e.code) for e in events)
    if record.error:
        want = _DISCARD_ERRORS.get(record.error)
        passed = not got and (want is None or discarded.startswith(want))
    else:
        passed = got == record.expected
    return Outcome(record, got, discarded, passed)


def run_file(coder: Coder, path: str) -> list[Outcome]:
    return [run_record(coder, r) for r in read_records(path)]


def category_table(outcomes: list[Outcome]) -> list[tuple[str, int, int]]:
    table: "OrderedDict[str, list[int]]" = OrderedDict()
    for o in outcomes:
        row = table.setdefault(o.record.category or "-", [0, 0])
        row[0] += o.passed
        row[1] += 1
    return [(cat, p, t) for cat, (p, t) in table.items()]


def format_text(outcomes: list[Outcome], verbose: bool = False) -> str:
    lines = []
    for o in outcomes:
        r = o.record
        if o.passed and not verbose:
            continue
        status = "PASS" if o.passed else "FAIL"
        lines.append(f"{status} {r.ident} [{r.category}] {r.text}")
        exp = sorted(" ".join(t) for t in r.expected) or (
            [f"(error {r.error})"] if r.error else ["(no events)"])
        got = sorted(" ".join(t) for t in o.got) or ([o.discarded] if o.discarded
                                                     else ["(no events)"])
        lines.append(f"     expected: {'; '.join(exp)}")
        lines.append(f"     got:      {'; '.join(got)}")
        if r.unsupported:
            lines.append(f"     options not supported: {', '.join(r.unsupported)}")
    lines.append("")
    lines.append(f"{'category':<12} {'passed':>6} {'total':>6}")
    for cat, p, t in category_table(outcomes):
        lines.append(f"{cat:<12} {p:>6} {t:>6}")
    passed = sum(o.passed for o in outcomes)
    total = len(outcomes)
    pct = 100.0 * passed / total if total else 0.0
    lines.append(f"{'all':<12} {passed:>6} {total:>6}")
    lines.append(f"{passed} of {total} records exactly right ({pct:.1f}%)")
    return "\n".join(lines) + "\n"


def format_json(outcomes: list[Outcome]) -> str:
    passed = sum(o.passed for o in outcomes)
    report = {
        "passed": passed,
        "total": len(outcomes),
        "categories": [{"category": c, "passed": p, "total": t}
                       for c, p, t in category_table(outcomes)],
        "records": [o.to_dict() for o in outcomes],
    }
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def run_validation_command(args) -> int:
    from .cli import EXIT_FAILED, EXIT_OK, _coder
    coder = _coder(args)
    outcomes = run_file(coder, args.records)
    out = format_json(outcomes) if args.json else format_text(outcomes, args.verbose)
    sys.stdout.write(out)
    return EXIT_OK if all(o.passed for o in outcomes) else EXIT_FAILED
