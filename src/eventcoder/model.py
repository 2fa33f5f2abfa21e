"""Validated dictionary entries: immutable values that remember where they were written."""

from __future__ import annotations

import datetime as dt

import attrs

from .errors import SourceLocation

NULL_LOC = SourceLocation("<none>", 0, 0)


def provenance(loc: SourceLocation, origin: str) -> str:
    """``file:line`` of an entry, with the legacy line it was imported from."""
    return f"{loc.short} (from {origin})" if origin else loc.short


@attrs.frozen
class ExpectedEvent:
    """One event a test expects: ``SOURCE CODE TARGET``."""

    source: str
    code: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} {self.code} {self.target}"


@attrs.frozen
class TestCase:
    text: str
    events: tuple[ExpectedEvent, ...]
    date: dt.date | None = None
    note: str = ""
    owner: str = ""  # the entry the test belongs to, for messages
    loc: SourceLocation = NULL_LOC


@attrs.frozen
class EventCodeEntry:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    description: str = ""
    note: str = ""
    loc: SourceLocation = NULL_LOC

    @property
    def root(self) -> str:
        return self.code[:2]


@attrs.frozen
class RoleEntry:
    code: str
    name: str
    description: str = ""
    note: str = ""
    loc: SourceLocation = NULL_LOC


@attrs.frozen
class Period:
    """A date-restricted code; ``codes == ()`` is the null code."""

    codes: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    note: str = ""
    loc: SourceLocation = NULL_LOC

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def span_days(self) -> int:
        """Length used to pick the narrowest period; open ends count as very long."""
        lo = self.start.toordinal() if self.start else -10**7
        hi = self.end.toordinal() if self.end else 10**7
        return hi - lo


@attrs.frozen
class ActorEntry:
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    codes: tuple[str, ...]  # default code(s); () = null
    periods: tuple[Period, ...] = ()
    has_default: bool = True  # False when only periods were given
    tests: tuple[TestCase, ...] = ()
    note: str = ""
    loc: SourceLocation = NULL_LOC
    origin: str = ""  # where an imported entry came from, e.g. "old.actors.txt:120"

    @property
    def label(self) -> str:
        first = (self.names or self.acronyms or ("?",))[0]
        return f"actor {first!r}"


@attrs.frozen
class AgentName:
    name: str
    plurals: tuple[str, ...] | None = None  # None: generate; (): no plural
    loc: SourceLocation = NULL_LOC


@attrs.frozen
class AgentEntry:
    code: str
    names: tuple[AgentName, ...]
    acronyms: tuple[str, ...] = ()
    position: str = "suffix"  # or "prefix"
    tests: tuple[TestCase, ...] = ()
    note: str = ""
    loc: SourceLocation = NULL_LOC
    origin: str = ""

    @property
    def label(self) -> str:
        first = self.names[0].name if self.names else (self.acronyms or ("?",))[0]
        return f"agent {first!r}"


@attrs.frozen
class CodeSpec:
    """An event code as written on a verb or pattern: ``x``, ``x:y`` or null."""

    primary: str | None
    paired: str | None = None

    @property
    def is_null(self) -> bool:
        return self.primary is None

    def __str__(self) -> str:
        if self.primary is None:
            return "null"
        return self.primary if self.paired is None else f"{self.primary}:{self.paired}"


@attrs.frozen
class VerbEntry:
    verb: str  # as written, e.g. "wire +tap"
    code: CodeSpec | None = None  # None: use the family code
    forms: tuple[str, ...] = ()
    regular: bool = True
    note: str = ""
    loc: SourceLocation = NULL_LOC
    origin: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w.lstrip("+") for w in self.verb.split())

    @property
    def inflected_index(self) -> int:
        for i, word in enumerate(self.verb.split()):
            if word.startswith("+"):
                return i
        return 0


@attrs.frozen
class PatternEntry:
    text: str
    code: CodeSpec
    tests: tuple[TestCase, ...] = ()
    note: str = ""
    loc: SourceLocation = NULL_LOC
    origin: str = ""


@attrs.frozen
class VerbFamily:
    family: str
    code: CodeSpec
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[PatternEntry, ...] = ()
    tests: tuple[TestCase, ...] = ()
    note: str = ""
    loc: SourceLocation = NULL_LOC
    code_given: bool = True  # a later layer may extend a family without a code
    origin: str = ""
    extends: bool = False  # an `extends:` entry: patterns and tests for a family defined elsewhere


@attrs.frozen
class SynsetEntry:
    name: str  # lower case
    phrases: tuple[str, ...]  # may include "&other"
    plural: bool = True
    loc: SourceLocation = NULL_LOC


@attrs.frozen
class DiscardEntry:
    phrase: str
    scope: str  # "sentence" or "story"
    loc: SourceLocation = NULL_LOC


@attrs.frozen
class IssueEntry:
    code: str
    phrases: tuple[str, ...]
    note: str = ""
    loc: SourceLocation = NULL_LOC


@attrs.frozen
class DictionaryLayer:
    """Everything read from one dictionary folder, validated entry by entry."""

    name: str
    codes: tuple[EventCodeEntry, ...] = ()
    roles: tuple[RoleEntry, ...] = ()
    actors: tuple[ActorEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    verbs: tuple[VerbFamily, ...] = ()
    synsets: tuple[SynsetEntry, ...] = ()
    discards: tuple[DiscardEntry, ...] = ()
    issues: tuple[IssueEntry, ...] = ()
    tests: tuple[TestCase, ...] = ()
