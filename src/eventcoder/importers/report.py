"""The import report: what was read, written, changed, merged and skipped, and why.

A legacy dictionary is decades of hand edits. Converting it always changes
something, so the importer never drops or alters an entry silently: every
decision becomes a ``ReportItem`` that names the legacy ``file:line``. The
report is a value (the library never prints); the CLI prints ``summary()``
and ``IMPORT-REPORT.md`` holds every item.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import attrs

# actions, in the order the report shows them
CHANGED, MERGED, SKIPPED, NOT_CONVERTED = "changed", "merged", "skipped", "not converted"
ACTIONS = (CHANGED, MERGED, SKIPPED, NOT_CONVERTED)

# kinds of entries, in the order the report shows them
KINDS = ("file", "actor", "agent", "synset", "verb family", "verb", "pattern", "discard",
         "issue")


@attrs.frozen(order=True)
class ReportItem:
    """One decision about one legacy line.

    ``reason`` is a short category (``"bad date"``) used to count skipped
    entries; ``message`` says exactly what happened to this entry.
    """

    kind: str
    location: str  # "Phoenix.agents.txt:544"
    action: str
    message: str
    reason: str

    def sort_key(self) -> tuple:
        file, _, line = self.location.rpartition(":")
        kind = KINDS.index(self.kind) if self.kind in KINDS else len(KINDS)
        return (kind, file, int(line) if line.isdigit() else 0, self.message)


@attrs.frozen
class KindCount:
    """How many entries of one kind were read from the legacy files and written."""

    kind: str
    read: int
    written: int


@attrs.frozen
class ImportReport:
    """The outcome of one import: counts, global notes and every report item."""

    out_dir: str
    sources: tuple[str, ...]
    counts: tuple[KindCount, ...]
    notes: tuple[str, ...]
    items: tuple[ReportItem, ...]
    files_written: tuple[str, ...] = ()

    def count(self, kind: str) -> KindCount:
        """The counts of one kind (zeros when nothing of that kind was imported)."""
        for c in self.counts:
            if c.kind == kind:
                return c
        return KindCount(kind, 0, 0)

    def actions(self) -> Counter[str]:
        """Number of report items per action."""
        return Counter(item.action for item in self.items)

    def skipped_by_reason(self) -> dict[str, int]:
        """Skipped (and not converted) entries per reason, most frequent first."""
        found = Counter(item.reason for item in self.items
                        if item.action in (SKIPPED, NOT_CONVERTED))
        return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))

    def summary(self) -> str:
        """A short plain-text summary for the terminal."""
        lines = [f"{'kind':<16} {'read':>8} {'written':>8}"]
        lines += [f"{c.kind:<16} {c.read:>8,} {c.written:>8,}" for c in self.counts]
        acts = self.actions()
        lines.append("report items: " + ", ".join(f"{acts.get(a, 0):,} {a}" for a in ACTIONS))
        skipped = self.skipped_by_reason()
        if skipped:
            lines.append("skipped or not converted, by reason:")
            lines += [f"  {n:>6,}  {reason}" for reason, n in skipped.items()]
        return "\n".join(lines)


def sorted_items(items: Iterable[ReportItem]) -> tuple[ReportItem, ...]:
    """Items grouped by kind, then in legacy file and line order (deterministic)."""
    return tuple(sorted(items, key=ReportItem.sort_key))


def render_markdown(report: ImportReport) -> str:
    """The text of ``IMPORT-REPORT.md``: summary tables, global notes, then items by kind."""
    out = ["# Import report", "",
           "Legacy TABARI/PETRARCH dictionaries converted to eventcoder YAML.", "",
           "Sources:", ""]
    out += [f"- `{s}`" for s in report.sources]
    out += ["", "## Summary", "", "| kind | read | written |", "|---|---:|---:|"]
    out += [f"| {c.kind} | {c.read:,} | {c.written:,} |" for c in report.counts]
    acts = report.actions()
    out += ["", "| action | items |", "|---|---:|"]
    out += [f"| {a} | {acts.get(a, 0):,} |" for a in ACTIONS]
    skipped = report.skipped_by_reason()
    if skipped:
        out += ["", "Skipped or not converted, by reason:", "", "| reason | count |",
                "|---|---:|"]
        out += [f"| {reason} | {n:,} |" for reason, n in skipped.items()]
    if report.notes:
        out += ["", "## Notes that apply to the whole import", ""]
        out += [f"- {note}" for note in report.notes]
    kinds = [k for k in KINDS if any(i.kind == k for i in report.items)]
    kinds += sorted({i.kind for i in report.items} - set(KINDS))
    for kind in kinds:
        items = [i for i in report.items if i.kind == kind]
        out += ["", f"## {kind} ({len(items):,})", ""]
        out += [f"- `{i.location}` {i.action}: {i.message} ({i.reason})" for i in items]
    return "\n".join(out) + "\n"



class ItemLog:
    """Collects report items while one importer stage runs (owned by that stage)."""

    def __init__(self) -> None:
        self.items: list[ReportItem] = []

    def add(self, kind: str, location: str, action: str, message: str, reason: str) -> None:
        self.items.append(ReportItem(kind, location, action, message, reason))

    def extend(self, items: Iterable[ReportItem]) -> None:
        self.items.extend(items)
