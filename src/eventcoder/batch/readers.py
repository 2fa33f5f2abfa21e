"""Reading records from files, folders, globs and standard input, one at a time.

Every format streams: memory does not grow with the size of a file. Each line,
row or file becomes a ``Record`` or, if it cannot be read, a ``Reject`` naming
the file, the line and the reason; nothing is silently dropped.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import sys
import zlib
from typing import IO, Iterable, Iterator

import attrs

from ..errors import EventCoderError
from .records import FieldMap, Record, Reject, truncate

STDIN = "-"
INPUT_FORMATS = ("jsonl", "csv", "tsv", "txt", "lines", "parquet")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
             ".tsv": "tsv", ".tab": "tsv", ".txt": "txt", ".text": "txt",
             ".parquet": "parquet", ".pq": "parquet"}
_GLOB_CHARS = set("*?[")


@attrs.frozen
class InputFile:
    path: str  # "-" for standard input
    format: str  # one of INPUT_FORMATS, or "auto" for standard input
    gzip: bool = False

    @property
    def name(self) -> str:
        return "<stdin>" if self.path == STDIN else self.path


class Cursor:
    """How many input bytes have been read, for the progress display."""

    def __init__(self) -> None:
        self.done = 0


def input_format(path: str, forced: str | None = None, lines: bool = False) -> tuple[str, bool]:
    """The format of a file from its name (``.gz`` stripped) unless ``forced``."""
    gz = path.endswith(".gz")
    base = path[:-3] if gz else path
    fmt = forced or _SUFFIXES.get(os.path.splitext(base)[1].lower(), "txt")
    if fmt == "txt" and lines:
        fmt = "lines"
    return fmt, gz


def find_inputs(patterns: Iterable[str], forced: str | None = None, lines: bool = False,
                exclude: Iterable[str] = ()) -> list[InputFile]:
    """Expand files, folders (recursively: files with a known suffix) and globs, in
    sorted order within each folder or glob. Raises ``EventCoderError`` for a missing
    input; ``exclude`` names files never to read (the run's own output)."""
    skip = {os.path.abspath(p) for p in exclude}
    found: list[InputFile] = []
    for pattern in patterns:
        if pattern == STDIN:
            found.append(InputFile(STDIN, forced or ("lines" if lines else "auto")))
            continue
        if os.path.isdir(pattern):
            paths = _walk(pattern)
        elif os.path.exists(pattern):
            paths = [pattern]
        elif _GLOB_CHARS & set(pattern):
            paths = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
            if not paths:
                raise EventCoderError(f"no input file matches {pattern}")
        else:
            raise EventCoderError(f"no such input file: {pattern}")
        for path in paths:
            if os.path.abspath(path) not in skip:
                found.append(InputFile(path, *input_format(path, forced, lines)))
    return found


def _walk(folder: str) -> list[str]:
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            base = name[:-3] if name.endswith(".gz") else name
            if not name.startswith(".") and os.path.splitext(base)[1].lower() in _SUFFIXES:
                out.append(os.path.join(root, name))
    return sorted(out)


def total_bytes(inputs: Iterable[InputFile]) -> int | None:
    """The size of all inputs, or ``None`` if one is standard input."""
    total = 0
    for item in inputs:
        if item.path == STDIN:
            return None
        total += os.path.getsize(item.path)
    return total


def read_inputs(inputs: Iterable[InputFile], fields: FieldMap,
                cursor: Cursor | None = None) -> Iterator[Record | Reject]:
    """Every record of every input, in order."""
    cursor = cursor or Cursor()
    for item in inputs:
        base = cursor.done
        if item.path == STDIN:
            yield from _read(item, sys.stdin.buffer, fields, cursor, base)
            continue
        if item.format == "parquet":
            from .parquet import read_parquet
            yield from read_parquet(item.path, fields, cursor, base)
            continue
        with open(item.path, "rb") as raw:
            yield from _read(item, raw, fields, cursor, base)
            cursor.done = base + os.fstat(raw.fileno()).st_size


def _open(item: InputFile, raw: IO[bytes]) -> tuple[str, IO[bytes]]:
    """The format and the decompressed stream; standard input is sniffed."""
    gz = item.gzip
    if item.path == STDIN and hasattr(raw, "peek"):
        gz = raw.peek(2)[:2] == b"\x1f\x8b"
    stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw  # type: ignore
    fmt = item.format
    if fmt == "auto":
        start = stream.peek(64)[:64].lstrip() if hasattr(stream, "peek") else b""
        fmt = "jsonl" if start.startswith(b"{") else "txt"
    return fmt, stream


def _read(item: InputFile, raw: IO[bytes], fields: FieldMap, cursor: Cursor,
          base: int) -> Iterator[Record | Reject]:
    def position() -> int:
        try:
            return base + raw.tell()
        except (OSError, ValueError):  # a pipe
            return base

    try:
        fmt, stream = _open(item, raw)
        if fmt == "jsonl":
            yield from _jsonl(stream, item.name, fields, cursor, position)
        elif fmt in ("csv", "tsv"):
            yield from _csv(stream, item.name, "\t" if fmt == "tsv" else ",",
                            fields, cursor, position)
        elif fmt == "lines":
            yield from _lines(stream, item.name, fields, cursor, position)
        elif fmt == "parquet":
            raise EventCoderError("Parquet cannot be read from standard input; give a file")
        else:
            yield _whole(stream, item.name, fields)
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz, a bad disk
        yield Reject(f"cannot read the rest of the file: {exc}", item.name)


def _decode(data: bytes, name: str, line: int) -> str | Reject:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Reject(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                      name, line, raw=truncate(data.decode("utf-8", "replace")))


def _jsonl(stream: IO[bytes], name: str, fields: FieldMap, cursor: Cursor,
           position) -> Iterator[Record | Reject]:
    for number, data in enumerate(stream, 1):
        cursor.done = position()
        if not data.strip():
            continue
        line = _decode(data, name, number)
        if isinstance(line, Reject):
            yield line
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(f"invalid JSON: {exc.msg} (character {exc.pos + 1})", name, number,
                         raw=truncate(line.rstrip("\r\n")))
            continue
        if not isinstance(obj, dict):
            yield Reject(f"a record must be a JSON object, not {type(obj).__name__}",
                         name, number, raw=truncate(line.rstrip("\r\n")))
            continue
        yield fields.record(obj, name, number, line.rstrip("\r\n"))


def _csv(stream: IO[bytes], name: str, delimiter: str, fields: FieldMap, cursor: Cursor,
         position) -> Iterator[Record | Reject]:
    # Long texts are normal in news corpora; the coder's max_text_chars is the limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        # strict: a stray quote is an error for that row, not a field that swallows
        # the rows after it
        yield from _csv_rows(csv.reader(text, delimiter=delimiter, strict=True), name,
                             delimiter, fields, cursor, position)
    finally:
        text.detach()  # closing the wrapper would close the file (or standard input)


def _csv_rows(reader, name: str, delimiter: str, fields: FieldMap, cursor: Cursor,
              position) -> Iterator[Record | Reject]:
    header = next(reader, None)
    if header is None:
        return
    if fields.text not in header:
        yield Reject(f"no column {fields.text!r} in the header (columns: {', '.join(header)}); "
                     f"choose one with --text-field", name, 1, raw=truncate(delimiter.join(header)))
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            span = f"line {line}" if reader.line_num <= line else \
                f"lines {line}-{reader.line_num}"
            yield Reject(f"unreadable row ({span} set aside): {exc}", name, line)
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        cursor.done = position()
        if not row:
            continue
        raw = delimiter.join(row)
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            bad = _decode(raw.encode("utf-8", "surrogateescape"), name, start)
            yield bad if isinstance(bad, Reject) else Reject("not valid UTF-8", name, start)
            continue
        if len(row) != len(header):
            yield Reject(f"the row has {len(row)} fields, the header {len(header)}",
                         name, start, raw=truncate(raw))
            continue
        yield fields.record(dict(zip(header, row)), name, start, raw)


def _lines(stream: IO[bytes], name: str, fields: FieldMap, cursor: Cursor,
           position) -> Iterator[Record | Reject]:
    for number, data in enumerate(stream, 1):
        cursor.done = position()
        line = _decode(data, name, number)
        if isinstance(line, Reject):
            yield line
        elif line.strip():
            yield Record(line.strip().lstrip("\ufeff"), f"{name}:{number}",
                         fields.default_date, name, number)


def _whole(stream: IO[bytes], name: str, fields: FieldMap) -> Record | Reject:
    data = stream.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Reject(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})",
                      name, line, name, truncate(data.decode("utf-8", "replace")))
    return Record(text.lstrip("\ufeff"), name, fields.default_date, name, 1)
