"""Read legacy TABARI/PETRARCH text files into clean, numbered lines.

Every legacy dictionary shares one line syntax, so it is read once here:
comments (``#`` and ``;`` to the end of a line, ``<!-- ... -->`` possibly over
several lines), markup lines starting with ``<``, mixed tabs and spaces, and
stray bytes that are not UTF-8. Readers of the individual formats then see
only ``LegacyLine`` values that remember their file and line number, which
is what every report item and every ``origin:`` points back to.
"""

from __future__ import annotations

import datetime as dt
import os
import re

import attrs

from ..errors import EventCoderError
from .report import CHANGED, ItemLog, ReportItem

_COMMENT_START = re.compile(r"<!--|#|;")
_BRACKET = re.compile(r"\[([^\[\]]*)(\]|$)")


class LegacyFormatError(EventCoderError):
    """A legacy dictionary file cannot be read at all (missing, binary, wrong variant)."""


@attrs.frozen
class LegacyLine:
    """One line with content: comments removed, trailing blanks removed."""

    file: str  # the file's base name, as origins show it
    number: int  # 1-based
    text: str
    indented: bool  # began with a tab or a space (actor date restrictions)
    tag: bool = False  # a markup line such as <ISSUE CATEGORY="...">

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.number}"


@attrs.frozen
class LegacyFile:
    name: str
    path: str
    lines: tuple[LegacyLine, ...]
    items: tuple[ReportItem, ...]  # decoding problems found while reading


def read_legacy_file(path: str) -> LegacyFile:
    """Read one legacy file; raise LegacyFormatError if it cannot be read as text.

    Lines that are not valid UTF-8 are decoded as Latin-1 (the usual culprit in
    old dictionaries) and reported, rather than failing the whole import.
    """
    name = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise LegacyFormatError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if b"\x00" in raw:
        raise LegacyFormatError(f"{path} is not a text file (it contains NUL bytes)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    log = ItemLog()
    lines: list[LegacyLine] = []
    in_xml = False
    for number, chunk in enumerate(raw.split(b"\n"), 1):
        text = _decode(chunk.rstrip(b"\r"), f"{name}:{number}", log)
        content, in_xml = _strip_comments(text, in_xml)
        if not content.strip():
            continue
        tag = content.lstrip().startswith("<")
        lines.append(LegacyLine(name, number, content.rstrip(), content[:1] in " \t", tag))
    return LegacyFile(name, path, tuple(lines), tuple(log.items))


def _decode(chunk: bytes, origin: str, log: ItemLog) -> str:
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = chunk.decode("latin-1")
        log.add("file", origin, CHANGED,
                f"byte 0x{chunk[exc.start]:02x} is not UTF-8; the line was decoded as "
                f"Latin-1: {text.strip()!r}", "not UTF-8")
        return text
    if "\ufffd" in text:
        log.add("file", origin, CHANGED,
                f"the line contains U+FFFD replacement characters from an earlier bad "
                f"conversion; kept as written: {text.strip()!r}", "replacement character")
    return text


def _strip_comments(line: str, in_xml: bool) -> tuple[str, bool]:
    """Remove ``<!-- -->``, ``#`` and ``;`` comments; return the rest and the XML state."""
    out: list[str] = []
    i = 0
    while i <= len(line):
        if in_xml:
            end = line.find("-->", i)
            if end < 0:
                break
            i, in_xml = end + 3, False
            continue
        m = _COMMENT_START.search(line, i)
        if m is None:
            out.append(line[i:])
            break
        out.append(line[i:m.start()])
        if m.group() != "<!--":
            break  # '#' or ';': the rest of the line is a comment
        i, in_xml = m.end(), True
    return "".join(out), in_xml


# --- pieces of a line ---------------------------------------------------------------

@attrs.frozen
class Bracketed:
    """A line split into its ``[...]`` groups and the text outside them."""

    outside: str
    contents: tuple[str, ...]
    unclosed: bool  # the last group had no closing ']'


def split_brackets(text: str) -> Bracketed:
    contents: list[str] = []
    unclosed = False
    for m in _BRACKET.finditer(text):
        contents.append(m.group(1))
        unclosed = unclosed or m.group(2) != "]"
    outside = _BRACKET.sub(" ", text)
    return Bracketed(outside.strip(), tuple(contents), unclosed)


def clean_phrase(text: str) -> tuple[str, bool]:
    """``HAMAS_MILITARY_COMMAND_`` -> ``HAMAS MILITARY COMMAND``; also says whether
    the legacy phrase used a space connector (which let PETRARCH skip words)."""
    core = text.strip().strip("_").strip()
    spaced = bool(re.search(r"\S\s+\S", core))
    return " ".join(core.replace("_", " ").split()), spaced


def parse_legacy_date(digits: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` (YY <= 30 is 20YY, as in KEDS, TABARI and PETRARCH)."""
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"{digits!r} is not a date (YYYYMMDD or YYMMDD)")
    if len(digits) == 6:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), digits[2:]
    else:
        year, rest = int(digits[:4]), digits[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise ValueError(f"{digits!r} is not a valid calendar date") from None
