"""Writing events (JSON lines, CSV/TSV, a readable table; Parquet in ``parquet.py``)
and rejected records.

A file is written as ``OUTPUT.partial`` beside the output, made durable (flushed
and fsync'd) at each checkpoint, and renamed to ``OUTPUT`` only when complete:
a killed run never leaves a truncated ``OUTPUT``. A resumed run reopens the
partial file and cuts it back to the last checkpoint. Compressed (``.gz``) output
starts a new gzip member at each checkpoint, so the cut is at a member boundary.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from typing import IO, Any, Protocol, Sequence

import attrs
from ..errors import EventCoderError
from ..events import FIELDS, Event
from .parallel import RecordResult

OUTPUT_FORMATS = ("jsonl", "csv", "tsv", "parquet", "table")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
             ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet", ".txt": "table"}
PARTIAL = ".partial"


def output_format(path: str | None, forced: str | None = None) -> str:
    """``forced``, else the format named by the output's suffix (``.gz`` stripped), else
    JSON lines."""
    if forced:
        return forced
    if not path:
        return "jsonl"
    base = path[:-3] if path.endswith(".gz") else path
    return _SUFFIXES.get(os.path.splitext(base)[1].lower(), "jsonl")


def fsync_dir(path: str) -> None:
    """Make a rename in ``path``'s folder durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Sink:
    """Bytes to ``PATH.partial``: durable at ``commit()``, renamed to ``PATH`` at ``finish()``."""

    def __init__(self, path: str, offset: int | None = None, gz: bool = False):
        self.path, self.partial, self.gz = path, path + PARTIAL, gz
        if offset is None:
            self.raw: IO[bytes] = open(self.partial, "wb")
        else:
            if not os.path.exists(self.partial):
                raise EventCoderError(f"cannot resume: {self.partial} is missing; run again "
                                      f"without --resume")
            self.raw = open(self.partial, "r+b")
            size = os.fstat(self.raw.fileno()).st_size
            if size < offset:
                self.raw.close()
                raise EventCoderError(f"cannot resume: {self.partial} has {size} bytes, fewer "
                                      f"than the {offset} of the checkpoint; run again "
                                      f"without --resume")
            self.raw.truncate(offset)
            self.raw.seek(offset)
        self.member: gzip.GzipFile | None = None

    def write(self, data: bytes) -> None:
        if not self.gz:
            self.raw.write(data)
            return
        if self.member is None:  # mtime 0 and no name: the same input gives the same bytes
            self.member = gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0)
        self.member.write(data)

    def commit(self) -> int:
        if self.member is not None:
            self.member.close()  # ends the gzip member; the file stays open
            self.member = None
        self.raw.flush()
        os.fsync(self.raw.fileno())
        return self.raw.tell()

    def finish(self) -> None:
        self.commit()
        self.raw.close()
        os.replace(self.partial, self.path)
        fsync_dir(self.path)

    def close(self) -> None:
        """Stop without finishing: the partial file stays for ``--resume``."""
        if not self.raw.closed:
            self.raw.flush()
            self.raw.close()

    def discard(self) -> None:
        self.close()
        if os.path.exists(self.partial):
            os.remove(self.partial)


class StreamSink:
    """Bytes to standard output; nothing to resume."""

    def __init__(self, stream: IO[bytes] | None = None):
        self.stream = stream or sys.stdout.buffer

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def commit(self) -> int:
        self.stream.flush()
        return 0

    def finish(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class EventWriter(Protocol):
    @property
    def renderer(self) -> "Renderer | None": ...
    def write(self, result: RecordResult) -> None: ...
    def commit(self) -> Any: ...
    def finish(self) -> None: ...
    def close(self) -> None: ...


def cell(value: object) -> object:
    """A pass-through value in a text column: JSON for lists and objects."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


@attrs.frozen
class Renderer:
    """Turns a record's events into output bytes: JSON lines, CSV/TSV rows or table
    lines. Picklable, so that worker processes can do it (``code_records(render=)``)."""

    fmt: str
    keep: tuple[str, ...] = ()

    def header(self) -> bytes:
        if self.fmt not in ("csv", "tsv"):
            return b""
        return self._csv([FIELDS + self.keep])

    def _csv(self, rows: list[Sequence[object]]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter="\t" if self.fmt == "tsv" else ",",
                   lineterminator="\n").writerows(rows)
        return buffer.getvalue().encode("utf-8")

    def __call__(self, result: RecordResult) -> bytes:
        meta = dict(result.meta)
        if self.fmt == "table":
            return "".join(format_row(ev) + "\n" for ev in result.events).encode("utf-8")
        if self.fmt == "jsonl":
            lines = []
            for ev in result.events:
                row = ev.to_dict()
                row.update(meta)
                lines.append(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            return "".join(lines).encode("utf-8")
        kept = [cell(meta.get(k)) for k in self.keep]
        return self._csv([[*ev.to_dict().values(), *kept] for ev in result.events])


class TextWriter:
    """Events as JSON lines, CSV/TSV rows with a header, or readable table lines; uses the
    bytes a worker rendered when there are some."""

    def __init__(self, sink: Sink | StreamSink, renderer: Renderer, fresh: bool = True):
        self.sink, self.renderer = sink, renderer
        if fresh:
            self.sink.write(renderer.header())

    def write(self, result: RecordResult) -> None:
        if result.rendered:
            self.sink.write(result.rendered)
        elif result.events:
            self.sink.write(self.renderer(result))

    def commit(self) -> int:
        return self.sink.commit()

    def finish(self) -> None:
        self.sink.finish()

    def close(self) -> None:
        self.sink.close()


def format_row(ev: Event) -> str:
    """One readable line: where, who -code-> whom, and the words that said so."""
    where = f"{ev.doc_id}#{ev.sentence_index}"
    return (f"{where:<24} {ev.source:<10} {ev.code:<5} {ev.target:<10} {ev.code_name}"
            f"  [{ev.source_text} | {ev.verb_text} | {ev.target_text}]")


def open_writer(path: str | None, fmt: str, keep: Sequence[str] = (),
                state: Any = None) -> EventWriter:
    """A writer for ``path`` (``None``: standard output); ``state`` is what ``commit()``
    returned at the checkpoint to resume from, or ``None`` to start afresh."""
    if fmt == "parquet":
        if path is None:
            raise EventCoderError("Parquet output needs a file: give -o FILE.parquet")
        from .parquet import ParquetEventWriter
        return ParquetEventWriter(path, keep, state)
    renderer = Renderer(fmt, tuple(keep))
    if path is None:
        return TextWriter(StreamSink(), renderer)
    return TextWriter(Sink(path, state, gz=path.endswith(".gz")), renderer, fresh=state is None)


class RejectsFile:
    """Rejected records as JSON lines (file, line, id, reason, the record truncated),
    written like the output: partial, checkpointed, renamed at the end."""

    def __init__(self, path: str, offset: int | None = None):
        self.sink = Sink(path, offset)
        self.count = offset or 0

    def write(self, result: RecordResult) -> None:
        line = json.dumps({"file": result.file or None, "line": result.line or None,
                           "id": result.id, "reason": result.rejected, "record": result.raw},
                          ensure_ascii=False)
        data = (line + "\n").encode("utf-8")
        self.sink.write(data)
        self.count += len(data)

    def commit(self) -> int:
        return self.sink.commit()

    def finish(self) -> None:
        """Keep the file only if something was rejected (and remove one left by an
        earlier run, which would now be wrong)."""
        if self.count:
            self.sink.finish()
            return
        self.sink.discard()
        if os.path.exists(self.sink.path):
            os.remove(self.sink.path)

    def close(self) -> None:
        self.sink.close()


class RejectsStderr:
    """Rejected records as ``file:line: rejected: reason`` messages, when output goes to
    standard output and no rejects file was asked for."""

    def write(self, result: RecordResult) -> None:
        print(f"{result.source}: rejected: {result.rejected}", file=sys.stderr)

    def commit(self) -> int:
        return 0

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass
