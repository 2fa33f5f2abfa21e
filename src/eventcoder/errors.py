"""Exceptions and the problem records that dictionary validation collects."""

from __future__ import annotations

from typing import NamedTuple

import attrs


class SourceLocation(NamedTuple):
    """Where a dictionary entry or value was written: file, 1-based line and column.

    An immutable value like the attrs classes, but a tuple: a large dictionary
    creates half a million of them while loading, and tuples are built and
    compared in C.
    """

    path: str
    line: int
    column: int = 0

    def __str__(self) -> str:
        if self.column:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}"

    @property
    def short(self) -> str:
        """``file:line``, the form used in event provenance."""
        return f"{self.path}:{self.line}"


@attrs.frozen(order=True)
class Problem:
    """One problem found in a dictionary: where, what, and what to do about it."""

    location: SourceLocation
    message: str
    entry: str = ""
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: "
        if self.entry:
            text += f"{self.entry}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class EventCoderError(Exception):
    """Base class of every exception eventcoder raises on purpose."""


class DictionaryError(EventCoderError):
    """One or more problems in dictionary files; ``problems`` holds all of them."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        errors = [p for p in self.problems if p.severity == "error"]
        head = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the dictionaries"
        shown = "\n".join(str(p) for p in errors[:50])
        more = f"\n... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"{head}:\n{shown}{more}")


class InputError(EventCoderError, ValueError):
    """Bad input to the coding API: an unparseable date, a text over the size limit, ..."""
