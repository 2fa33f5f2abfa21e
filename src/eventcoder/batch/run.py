"""``eventcoder code``: read documents, code them, write one JSON line per event."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Iterator, TextIO

import attrs

from ..coder import Coder
from ..errors import EventCoderError, InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


@attrs.frozen
class Record:
    doc_id: str
    text: str
    date: str | None
    source: str  # file:line, for messages


@attrs.frozen
class Reject:
    source: str
    reason: str


def read_records(path: str, args: argparse.Namespace) -> Iterator[Record | Reject]:
    """Records of one input: a JSON-lines file, or a text file that is one document."""
    if path == "-":
        yield from _jsonl_or_text(sys.stdin, "<stdin>", args)
        return
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        yield Reject(f"{path}:{line}", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
        return
    if path.endswith(JSONL_SUFFIXES):
        yield from _jsonl(text.splitlines(), path, args)
    else:
        yield Record(path, text, args.date, path)


def _jsonl_or_text(stream: TextIO, name: str, args: argparse.Namespace):
    data = stream.read()
    if data.lstrip().startswith("{"):
        yield from _jsonl(data.splitlines(), name, args)
    else:
        yield Record(name, data, args.date, name)


def _jsonl(lines: list[str], path: str, args: argparse.Namespace) -> Iterator[Record | Reject]:
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(where, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Reject(where, "a record must be a JSON object")
            continue
        text = obj.get(args.text_field)
        if not isinstance(text, str):
            yield Reject(where, f"missing text field {args.text_field!r}")
            continue
        doc_id = obj.get(args.id_field, where)
        date = obj.get(args.date_field, args.date)
        yield Record(str(doc_id), text, None if date is None else str(date), where)


def format_row(ev) -> str:
    """One readable line: where, who -code-> whom, and the words that said so."""
    where = f"{ev.doc_id}#{ev.sentence_index}"
    return (f"{where:<24} {ev.source:<10} {ev.code:<5} {ev.target:<10} {ev.code_name}"
            f"  [{ev.source_text} | {ev.verb_text} | {ev.target_text}]")


def run_code(args: argparse.Namespace) -> int:
    from ..cli import EXIT_FAILED, EXIT_OK, _coder, dumps
    coder: Coder = _coder(args)
    inputs = args.inputs or ["-"]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    rejected = 0
    coded = 0
    written = 0
    try:
        for path in inputs:
            if path != "-" and not os.path.exists(path):
                raise EventCoderError(f"no such input file: {path}")
            for rec in read_records(path, args):
                if isinstance(rec, Reject):
                    rejected += 1
                    print(f"{rec.source}: rejected: {rec.reason}", file=sys.stderr)
                    continue
                try:
                    events = coder.code_document(rec.text, rec.date, rec.doc_id)
                except InputError as exc:
                    rejected += 1
                    print(f"{rec.source}: rejected: {exc}", file=sys.stderr)
                    continue
                coded += 1
                for ev in events:
                    if args.format == "table":
                        out.write(format_row(ev) + "\n")
                    else:
                        out.write(dumps(ev.to_dict()) + "\n")
                    written += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"eventcoder: {coded} document(s) coded, {rejected} rejected, {written} event(s)",
          file=sys.stderr)
    return EXIT_FAILED if rejected else EXIT_OK
