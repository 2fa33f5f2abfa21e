"""Command-line options of ``eventcoder code``, and the settings they make."""

from __future__ import annotations

import argparse

import attrs

from ..errors import EventCoderError
from ..events import FIELDS
from .parallel import DEFAULT_CHUNK, default_workers
from .readers import INPUT_FORMATS
from .records import FieldMap
from .writers import OUTPUT_FORMATS, output_format

DEFAULT_CHECKPOINT = 1000


def _count(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a number >= {minimum}, got {value}")
        return value
    return parse


def add_code_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, folders or globs of JSON lines (.jsonl .ndjson .json), "
                        "CSV/TSV with a header (.csv .tsv), text (.txt: one document per "
                        "file) or Parquet (.parquet), optionally gzipped (.gz); '-' or "
                        "nothing reads standard input (JSON lines or one text)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write events here, atomically (the file appears when complete); "
                        "default: standard output")
    p.add_argument("--format", choices=OUTPUT_FORMATS,
                   help="output format; default: from the output's suffix (.jsonl .csv .tsv "
                        ".parquet, optionally .gz), else jsonl. table: one readable line "
                        "per event")
    p.add_argument("--input-format", choices=INPUT_FORMATS,
                   help="read every input as this format, whatever its suffix")
    p.add_argument("--lines", action="store_true",
                   help="text inputs hold one document per line (not one per file)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="record field or column holding the id (default id; records "
                        "without one are named FILE:LINE)")
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="record field or column holding the text (default text)")
    p.add_argument("--date-field", default="date", metavar="NAME",
                   help="record field or column holding the date (default date): "
                        "2020-01-05, 20200105, 2020/01/05 or an ISO timestamp")
    p.add_argument("--keep", action="append", default=[], metavar="FIELD[,FIELD]",
                   help="copy these input fields into each event (repeatable); "
                        "OUT=FIELD names the output column OUT")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="date for documents that have none")
    p.add_argument("--workers", "-j", type=_count(1), metavar="N",
                   help=f"worker processes (default: all {default_workers()} CPUs); the "
                        f"output is the same, byte for byte, for any N")
    p.add_argument("--chunk-size", type=_count(1), default=DEFAULT_CHUNK, metavar="N",
                   help=f"records sent to a worker at a time (default {DEFAULT_CHUNK})")
    p.add_argument("--rejects", metavar="FILE",
                   help="write rejected records here as JSON lines (default: "
                        "OUTPUT.rejects.jsonl; without -o, messages on standard error)")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run with the same inputs and options")
    p.add_argument("--checkpoint-every", type=_count(1), default=DEFAULT_CHECKPOINT,
                   metavar="N", help=f"make the output durable and record a checkpoint "
                                     f"every N records (default {DEFAULT_CHECKPOINT})")
    p.add_argument("--dedupe-story", action="store_true",
                   help="keep one event per (date, source, target, code) in each document")
    p.add_argument("--max-sentences", type=_count(0), metavar="N",
                   help="code only the first N sentences of each document")
    p.add_argument("--max-chars", type=_count(1), metavar="N",
                   help="reject documents longer than N characters (default 5,000,000)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress display and no summary")


@attrs.frozen
class CodeSettings:
    inputs: tuple[str, ...]
    output: str | None
    format: str
    input_format: str | None
    lines: bool
    fields: FieldMap
    rejects: str | None
    workers: int
    chunk_size: int
    resume: bool
    checkpoint_every: int
    dedupe_story: bool
    max_sentences: int | None
    max_chars: int | None
    quiet: bool

    @property
    def keep_names(self) -> tuple[str, ...]:
        return tuple(out for out, _ in self.fields.keep)

    def fingerprint_settings(self) -> dict[str, object]:
        """What decides the output bytes (not workers, chunk size or quiet)."""
        return {"format": self.format, "input_format": self.input_format, "lines": self.lines,
                "fields": attrs.asdict(self.fields), "rejects": self.rejects,
                "checkpoint_every": self.checkpoint_every, "dedupe": self.dedupe_story,
                "max_sentences": self.max_sentences, "max_chars": self.max_chars}


def parse_keep(values: list[str]) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for value in values:
        for item in filter(None, (part.strip() for part in value.split(","))):
            out, _, field = item.partition("=") if "=" in item else (item, "", item)
            if not out or not field:
                raise EventCoderError(f"--keep {item!r}: write FIELD or OUT=FIELD")
            if out in FIELDS:
                raise EventCoderError(f"--keep {item!r}: {out!r} is already an event column; "
                                      f"rename it, e.g. --keep input_{out}={field}")
            if out in (name for name, _ in pairs):
                raise EventCoderError(f"--keep: column {out!r} is named twice")
            pairs.append((out, field))
    return tuple(pairs)


def settings_from_args(args: argparse.Namespace) -> CodeSettings:
    """Check the options together; raise ``EventCoderError`` with what to change."""
    fmt = output_format(args.output, args.format)
    if fmt == "parquet" and not args.output:
        raise EventCoderError("Parquet output needs a file: give -o FILE.parquet")
    if fmt == "parquet" and args.output.endswith(".gz"):
        raise EventCoderError("Parquet output is compressed already; drop the .gz suffix")
    if args.resume and not args.output:
        raise EventCoderError("--resume needs an output file (-o FILE)")
    rejects = args.rejects or (args.output + ".rejects.jsonl" if args.output else None)
    if args.output and rejects == args.output:
        raise EventCoderError("the rejects file cannot be the output file")
    fields = FieldMap(args.text_field, args.id_field, args.date_field, args.date,
                      parse_keep(args.keep))
    return CodeSettings(
        inputs=tuple(args.inputs or ["-"]), output=args.output, format=fmt,
        input_format=args.input_format, lines=args.lines, fields=fields, rejects=rejects,
        workers=args.workers or default_workers(), chunk_size=args.chunk_size,
        resume=args.resume, checkpoint_every=args.checkpoint_every,
        dedupe_story=args.dedupe_story, max_sentences=args.max_sentences,
        max_chars=args.max_chars, quiet=args.quiet)
