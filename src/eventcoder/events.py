"""The coded event: an immutable value with everything needed to trust it."""

from __future__ import annotations

from typing import Any

import attrs

#: Column order of ``Event.to_dict()``; the contract for every output format.
FIELDS = (
    "doc_id", "sentence_index", "date",
    "source", "source_text", "source_start", "source_end",
    "code", "code_name", "root", "quad_class", "goldstein",
    "target", "target_text", "target_start", "target_end",
    "verb_text", "verb_start", "verb_end", "pattern", "reverse",
    "source_entry", "source_agent_entries", "target_entry", "target_agent_entries",
    "pattern_entry", "verb_entry", "issues",
)


@attrs.frozen
class Event:
    """One source -code-> target event coded from one sentence.

    Character offsets (``*_start``, ``*_end``) are relative to the sentence.
    ``target`` is ``"---"`` (with empty text and offsets of -1) only when the
    coder runs with ``require_dyad=False`` and found no target. ``*_entry``
    fields name the dictionary entries (``file:line``) the event came from.
    """

    source: str
    code: str
    target: str
    code_name: str
    root: str
    quad_class: int | None
    goldstein: float | None
    source_text: str
    source_start: int
    source_end: int
    target_text: str
    target_start: int
    target_end: int
    verb_text: str
    verb_start: int
    verb_end: int
    pattern: str  # "" when the verb's default code was used
    reverse: bool  # the second event of a paired code (target -> source)
    source_entry: str
    source_agent_entries: tuple[str, ...]
    target_entry: str
    target_agent_entries: tuple[str, ...]
    pattern_entry: str
    verb_entry: str
    date: str | None = None
    doc_id: str | None = None
    sentence_index: int = 0
    issues: tuple[tuple[str, int], ...] = ()

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.code, self.target)

    def __str__(self) -> str:
        return f"{self.source} -{self.code}-> {self.target}"

    def to_dict(self) -> dict[str, Any]:
        """A flat dict of JSON-ready values, keys in ``FIELDS`` order."""
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "date": self.date,
            "source": self.source,
            "source_text": self.source_text,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "code": self.code,
            "code_name": self.code_name,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "target": self.target,
            "target_text": self.target_text,
            "target_start": self.target_start,
            "target_end": self.target_end,
            "verb_text": self.verb_text,
            "verb_start": self.verb_start,
            "verb_end": self.verb_end,
            "pattern": self.pattern,
            "reverse": self.reverse,
            "source_entry": self.source_entry,
            "source_agent_entries": ";".join(self.source_agent_entries),
            "target_entry": self.target_entry,
            "target_agent_entries": ";".join(self.target_agent_entries),
            "pattern_entry": self.pattern_entry,
            "verb_entry": self.verb_entry,
            "issues": ";".join(f"{code} {count}" for code, count in self.issues),
        }
