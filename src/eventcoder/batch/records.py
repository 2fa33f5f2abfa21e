"""Input records: what a reader produces and what a worker codes.

A reader turns each line, row or file into a ``Record`` (something to code) or a
``Reject`` (something that could not even be read). Both carry where they came
from, so that a rejected record can always be found again.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

import attrs

from ..dates import parse_date
from ..errors import InputError

#: How much of a bad record the rejects file keeps.
RAW_LIMIT = 1000

Meta = tuple[tuple[str, Any], ...]


@attrs.frozen
class Record:
    """One document to code. ``text`` and ``date`` are checked by the coder, not here."""

    text: object
    id: str | None = None
    date: object = None
    file: str = ""
    line: int = 0  # 1-based line (text formats) or row (Parquet); 0 if unknown
    meta: Meta = ()  # pass-through fields, (output name, value)


@attrs.frozen
class Reject:
    """Something that could not be read as a record, and why."""

    reason: str
    file: str = ""
    line: int = 0
    id: str | None = None
    raw: str = ""


def truncate(raw: str) -> str:
    return raw if len(raw) <= RAW_LIMIT else raw[:RAW_LIMIT] + "…"


def raw_of(record: Record) -> str:
    """A JSON rendering of a record for the rejects file, the text truncated."""
    shown: dict[str, Any] = {"id": record.id, "date": _plain(record.date)}
    text = record.text
    shown["text"] = text[:RAW_LIMIT] if isinstance(text, str) else _plain(text)
    return truncate(json.dumps(shown, ensure_ascii=False, default=str))


def _plain(value: object) -> object:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@attrs.frozen
class FieldMap:
    """Which fields of a record hold the id, the text, the date, and what to pass through.

    ``keep`` pairs an output column name with an input field name.
    """

    text: str = "text"
    id: str = "id"
    date: str = "date"
    default_date: str | None = None
    keep: tuple[tuple[str, str], ...] = ()

    @property
    def wanted(self) -> tuple[str, ...]:
        """The input fields that are read (for columnar formats)."""
        names = [self.text, self.id, self.date] + [field for _, field in self.keep]
        return tuple(dict.fromkeys(names))

    def record(self, obj: Mapping[str, Any], file: str, line: int,
               raw: str | None = None) -> Record | Reject:
        """Map one parsed record (JSON object, CSV row, Parquet row) to a ``Record``;
        ``raw``, the record as read, is kept (truncated) if it is rejected."""
        doc_id = obj.get(self.id)
        doc_id = f"{file}:{line}" if doc_id is None or doc_id == "" else str(doc_id)
        text = obj.get(self.text)
        if not isinstance(text, str):
            reason = (f"missing text field {self.text!r}" if text is None else
                      f"text field {self.text!r} is {type(text).__name__}, not text")
            shown = raw if raw is not None else json.dumps(dict(obj), ensure_ascii=False,
                                                           default=str)
            return Reject(reason, file, line, doc_id, truncate(shown))
        date = obj.get(self.date)
        if date is None or date == "":
            date = self.default_date
        else:
            if isinstance(date, int) and not isinstance(date, bool):
                date = str(date)  # 20200105 written as a JSON number
            try:  # here, so that the rejects file shows the record as it was read
                parse_date(date)
            except InputError as exc:
                shown = raw if raw is not None else json.dumps(dict(obj), ensure_ascii=False,
                                                               default=str)
                return Reject(str(exc), file, line, doc_id, truncate(shown))
        meta = tuple((out, obj.get(field)) for out, field in self.keep)
        return Record(text, doc_id, date, file, line, meta)


def as_record(item: object) -> Record | Reject:
    """A library record: a ``Record``, a mapping with ``id``/``text``/``date`` (other keys
    are kept as metadata), an object with those attributes, or a bare string of text."""
    if isinstance(item, (Record, Reject)):
        return item
    if isinstance(item, (str, bytes, bytearray)):
        return Record(item)  # bytes: the coder's message says to decode them
    if isinstance(item, Mapping):
        doc_id = item.get("id", item.get("doc_id"))
        meta = tuple((k, v) for k, v in item.items() if k not in ("id", "doc_id", "text", "date"))
        if "text" not in item:
            return Reject("missing text field 'text'", id=_str_or_none(doc_id),
                          raw=truncate(json.dumps(dict(item), ensure_ascii=False, default=str)))
        return Record(item["text"], _str_or_none(doc_id), item.get("date"), meta=meta)
    doc_id = getattr(item, "id", getattr(item, "doc_id", None))
    if not hasattr(item, "text"):
        return Reject(f"a {type(item).__name__} has no attribute 'text'",
                      id=_str_or_none(doc_id), raw=truncate(repr(item)))
    return Record(item.text, _str_or_none(doc_id), getattr(item, "date", None))


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
