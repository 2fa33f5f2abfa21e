"""Validate one dictionary file: located YAML tree -> dictionary entries + problems.

Every check here looks at a single file. Checks that need the whole folder
(codes in the codebook, synsets defined elsewhere, conflicting names) live in
``dictionary.py``. Nothing raises: problems are collected and returned.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, TypeVar

from .errors import Problem, SourceLocation
from .model import (ActorEntry, AgentEntry, AgentName, CodeSpec, DiscardEntry, EventCodeEntry,
                    ExpectedEvent, IssueEntry, PatternEntry, Period, RoleEntry, SynsetEntry,
                    TestCase, VerbEntry, VerbFamily)
from .patterns import PatternSyntaxError, parse_pattern
from .yamlio import YMap, YNode, YScalar, YSeq

SECTIONS = ("codes", "roles", "actors", "agents", "verbs", "synsets", "discards", "issues",
            "tests")
EVENT_CODE_RE = re.compile(r"^[0-9]{2,4}[A-Za-z]?$")
ROLE_CODE_RE = re.compile(r"^[A-Z]{3}$")
AGENT_CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
ACTOR_CODE_RE = re.compile(r"^[A-Z0-9-]{3,}$")
SYNSET_NAME_RE = re.compile(r"^[A-Za-z0-9-]+$")
MAX_TEXT = 100_000

T = TypeVar("T")


def parse_date(text: str) -> dt.date:
    """``2013-08-03`` or ``20130803``; raise ValueError otherwise."""
    t = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
            return dt.date(int(t[:4]), int(t[5:7]), int(t[8:10]))
        if re.fullmatch(r"\d{8}", t):
            return dt.date(int(t[:4]), int(t[4:6]), int(t[6:8]))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date: {exc}") from None
    raise ValueError(f"{text!r} is not a date; write YYYY-MM-DD")


class FileValidator:
    """Collects problems while converting the sections of one file."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    # --- helpers ------------------------------------------------------------------
    def error(self, loc: SourceLocation, message: str, entry: str = "", hint: str = "") -> None:
        self.problems.append(Problem(loc, message, entry, hint))

    def warn(self, loc: SourceLocation, message: str, entry: str = "", hint: str = "") -> None:
        self.problems.append(Problem(loc, message, entry, hint, severity="warning"))

    def mapping(self, node: YNode, what: str, entry: str = "") -> YMap | None:
        if isinstance(node, YMap):
            return node
        self.error(node.loc, f"{what} must be a mapping (key: value lines)", entry)
        return None

    def sequence(self, node: YNode, what: str, entry: str = "") -> YSeq | None:
        if isinstance(node, YSeq):
            return node
        self.error(node.loc, f"{what} must be a list (lines starting with '- ')", entry)
        return None

    def keys(self, node: YMap, allowed: set[str], required: set[str], entry: str) -> bool:
        ok = True
        for key in node.keys():
            if key.text not in allowed:
                close = _closest(key.text, allowed)
                self.error(key.loc, f"unknown key {key.text!r}", entry,
                           f"did you mean {close!r}?" if close else
                           f"allowed keys: {', '.join(sorted(allowed))}")
                ok = False
        for key in sorted(required):
            if node.get(key) is None:
                self.error(node.loc, f"missing key {key!r}", entry)
                ok = False
        return ok

    def string(self, node: YNode | None, what: str, entry: str = "",
               allow_empty: bool = False) -> str | None:
        if node is None:
            return None
        if not isinstance(node, YScalar) or node.is_null and not allow_empty:
            self.error(node.loc, f"{what} must be a text value", entry)
            return None
        text = node.text.strip()
        if not text and not allow_empty:
            self.error(node.loc, f"{what} is empty", entry)
            return None
        if len(text) > MAX_TEXT:
            self.error(node.loc, f"{what} is longer than {MAX_TEXT:,} characters", entry)
            return None
        return text

    def strings(self, node: YNode | None, what: str, entry: str = "") -> list[tuple[str, SourceLocation]]:
        """A list of strings (a single string is accepted as a one-item list)."""
        if node is None:
            return []
        if isinstance(node, YScalar):
            s = self.string(node, what, entry)
            return [(s, node.loc)] if s else []
        seq = self.sequence(node, what, entry)
        if seq is None:
            return []
        out = []
        for item in seq.items:
            s = self.string(item, f"an item of {what}", entry)
            if s is not None:
                out.append((s, item.loc))
        return out

    def boolean(self, node: YNode | None, what: str, entry: str, default: bool) -> bool:
        if node is None:
            return default
        if isinstance(node, YScalar) and node.plain and node.text in ("true", "false"):
            return node.text == "true"
        self.error(node.loc, f"{what} must be true or false", entry)
        return default

    def number(self, node: YNode | None, what: str, entry: str, lo: float, hi: float,
               nullable: bool = True, integer: bool = False) -> float | int | None:
        if node is None:
            return None
        if isinstance(node, YScalar) and node.is_null and nullable:
            return None
        try:
            assert isinstance(node, YScalar)
            value: float | int = int(node.text) if integer else float(node.text)
        except (AssertionError, ValueError):
            self.error(node.loc, f"{what} must be a number" + (" or null" if nullable else ""),
                       entry)
            return None
        if not lo <= value <= hi:
            self.error(node.loc, f"{what} must be between {lo:g} and {hi:g}, got {value:g}",
                       entry)
            return None
        return value

    def code_spec(self, node: YNode | None, entry: str) -> CodeSpec | None:
        """An event code: ``"130"``, ``"042:043"`` or null / ``---``."""
        if node is None:
            return None
        if isinstance(node, YScalar) and (node.is_null or node.text.strip() == "---"):
            return CodeSpec(None)
        if not isinstance(node, YScalar):
            self.error(node.loc, "an event code must be a value such as \"130\"", entry)
            return None
        text = node.text.strip()
        parts = text.split(":")
        if len(parts) > 2 or not all(EVENT_CODE_RE.match(p) or p == "---" for p in parts):
            self.error(node.loc, f"{text!r} is not an event code", entry,
                       "write a CAMEO code such as \"130\", a pair \"042:043\", or null")
            return None
        primary = None if parts[0] == "---" else parts[0]
        paired = parts[1] if len(parts) == 2 and parts[1] != "---" else None
        if primary is None and paired is not None:
            self.error(node.loc, "a paired code needs a first code", entry)
            return None
        return CodeSpec(primary, paired)

    def each(self, node: YNode, what: str, fn: Callable[[YNode], T | None]) -> tuple[T, ...]:
        seq = self.sequence(node, what)
        if seq is None:
            return ()
        out = []
        for item in seq.items:
            value = fn(item)
            if value is not None:
                out.append(value)
        return tuple(out)

    # --- tests --------------------------------------------------------------------
    def tests(self, node: YNode | None, owner: str) -> tuple[TestCase, ...]:
        if node is None:
            return ()
        return self.each(node, f"tests of {owner}" if owner else "tests",
                         lambda item: self.test(item, owner))

    def test(self, node: YNode, owner: str) -> TestCase | None:
        m = self.mapping(node, "a test", owner)
        if m is None:
            return None
        entry = owner or "test"
        self.keys(m, {"text", "date", "events", "note"}, {"text", "events"}, entry)
        text = self.string(m.get("text"), "text", entry)
        date = None
        dnode = m.get("date")
        if dnode is not None:
            ds = self.string(dnode, "date", entry)
            if ds:
                try:
                    date = parse_date(ds)
                except ValueError as exc:
                    self.error(dnode.loc, str(exc), entry)
        events: list[ExpectedEvent] = []
        enode = m.get("events")
        if enode is not None:
            for s, loc in self.strings(enode, "events", entry):
                parts = s.split()
                if len(parts) != 3:
                    self.error(loc, f"expected event {s!r} must be 'SOURCE CODE TARGET'", entry,
                               "for example: IRNMIL 138 USA")
                    continue
                events.append(ExpectedEvent(parts[0], parts[1], parts[2]))
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        if text is None or enode is None:
            return None
        return TestCase(text, tuple(events), date, note, owner, m.loc)

    # --- codes and roles ----------------------------------------------------------
    def event_code(self, node: YNode) -> EventCodeEntry | None:
        m = self.mapping(node, "a code entry")
        if m is None:
            return None
        code = self.string(m.get("code"), "code")
        entry = f"code {code!r}" if code else "code entry"
        self.keys(m, {"code", "name", "goldstein", "quad_class", "description", "note"},
                  {"code", "name", "goldstein", "quad_class"}, entry)
        if code is not None and not EVENT_CODE_RE.match(code):
            self.error(m.get("code").loc, f"{code!r} is not an event code", entry,
                       "two to four digits, optionally one final letter")
            code = None
        name = self.string(m.get("name"), "name", entry)
        gold = self.number(m.get("goldstein"), "goldstein", entry, -10, 10)
        quad = self.number(m.get("quad_class"), "quad_class", entry, 1, 4, integer=True)
        desc = self.string(m.get("description"), "description", entry, allow_empty=True) or ""
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        if code is None or name is None:
            return None
        return EventCodeEntry(code, name, gold, quad, desc, note, m.loc)

    def role(self, node: YNode) -> RoleEntry | None:
        m = self.mapping(node, "a role entry")
        if m is None:
            return None
        code = self.string(m.get("code"), "code")
        entry = f"role {code!r}" if code else "role entry"
        self.keys(m, {"code", "name", "description", "note"}, {"code", "name"}, entry)
        if code is not None and not ROLE_CODE_RE.match(code):
            self.error(m.get("code").loc, f"{code!r} is not a role code", entry,
                       "role codes are three capital letters, such as GOV")
            code = None
        name = self.string(m.get("name"), "name", entry)
        desc = self.string(m.get("description"), "description", entry, allow_empty=True) or ""
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        if code is None or name is None:
            return None
        return RoleEntry(code, name, desc, note, m.loc)

    # --- actors -------------------------------------------------------------------
    def actor_codes(self, m: YMap, entry: str) -> tuple[tuple[str, ...], bool] | None:
        """The ``code``/``codes`` of an actor or period: (codes, given)."""
        cnode, csnode = m.get("code"), m.get("codes")
        if cnode is not None and csnode is not None:
            self.error(csnode.loc, "give either 'code' or 'codes', not both", entry)
            return None
        if cnode is not None:
            if isinstance(cnode, YScalar) and (cnode.is_null or cnode.text.strip() == "---"):
                return (), True
            code = self.string(cnode, "code", entry)
            if code is None:
                return None
            if not ACTOR_CODE_RE.match(code):
                self.error(cnode.loc, f"{code!r} is not an actor code", entry,
                           "use capital letters and digits, such as IRN or IRNGOV")
                return None
            return (code,), True
        if csnode is not None:
            codes = []
            for code, loc in self.strings(csnode, "codes", entry):
                if ACTOR_CODE_RE.match(code):
                    codes.append(code)
                else:
                    self.error(loc, f"{code!r} is not an actor code", entry)
            if not codes:
                self.error(csnode.loc, "'codes' needs at least one code", entry)
                return None
            return tuple(codes), True
        return (), False

    def period(self, node: YNode, entry: str) -> Period | None:
        m = self.mapping(node, "a period", entry)
        if m is None:
            return None
        self.keys(m, {"code", "codes", "from", "until", "note"}, set(), entry)
        got = self.actor_codes(m, entry)
        if got is None:
            return None
        codes, given = got
        if not given:
            self.error(m.loc, "a period needs 'code' (or 'codes')", entry)
            return None
        bounds: dict[str, dt.date | None] = {"from": None, "until": None}
        for key in bounds:
            bnode = m.get(key)
            if bnode is None:
                continue
            s = self.string(bnode, key, entry)
            if s is None:
                return None
            try:
                bounds[key] = parse_date(s)
            except ValueError as exc:
                self.error(bnode.loc, str(exc), entry)
                return None
        start, end = bounds["from"], bounds["until"]
        if start is None and end is None:
            self.error(m.loc, "a period needs 'from', 'until' or both", entry,
                       "a code that applies at all times is the entry's 'code'")
            return None
        if start and end and end < start:
            self.error(m.loc, f"the period ends ({end}) before it starts ({start})", entry)
            return None
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        return Period(codes, start, end, note, m.loc)

    def actor(self, node: YNode) -> ActorEntry | None:
        m = self.mapping(node, "an actor entry")
        if m is None:
            return None
        names = self.strings(m.get("names"), "names")
        acronyms = self.strings(m.get("acronyms"), "acronyms")
        first = (names or acronyms or [("?", m.loc)])[0][0]
        entry = f"actor {first!r}"
        self.keys(m, {"names", "acronyms", "code", "codes", "periods", "tests", "note", "origin"},
                  set(), entry)
        if not names and not acronyms:
            self.error(m.loc, "an actor needs 'names' (or 'acronyms')", entry)
            return None
        got = self.actor_codes(m, entry)
        if got is None:
            return None
        codes, given = got
        periods: tuple[Period, ...] = ()
        pnode = m.get("periods")
        if pnode is not None:
            periods = self.each(pnode, "periods", lambda p: self.period(p, entry))
        if not given and pnode is None:
            self.error(m.loc, "an actor needs 'code', 'codes' or 'periods'", entry,
                       "use code: null for a name that is recognised but never coded")
            return None
        tests = self.tests(m.get("tests"), entry)
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        origin = self.string(m.get("origin"), "origin", entry, allow_empty=True) or ""
        return ActorEntry(tuple(n for n, _ in names), tuple(a for a, _ in acronyms), codes,
                          periods, given, tests, note, m.loc, origin)

    # --- agents -------------------------------------------------------------------
    def agent_name(self, node: YNode, entry: str) -> AgentName | None:
        if isinstance(node, YScalar):
            s = self.string(node, "a name", entry)
            return AgentName(s, None, node.loc) if s else None
        m = self.mapping(node, "an agent name", entry)
        if m is None:
            return None
        self.keys(m, {"name", "plural"}, {"name"}, entry)
        name = self.string(m.get("name"), "name", entry)
        if name is None:
            return None
        pnode = m.get("plural")
        plurals: tuple[str, ...] | None = None
        if pnode is not None:
            if isinstance(pnode, YScalar) and pnode.plain and pnode.text == "false":
                plurals = ()
            elif isinstance(pnode, YScalar) and pnode.plain and pnode.text == "true":
                plurals = None
            else:
                plurals = tuple(s for s, _ in self.strings(pnode, "plural", entry))
        return AgentName(name, plurals, m.loc)

    def agent(self, node: YNode) -> AgentEntry | None:
        m = self.mapping(node, "an agent entry")
        if m is None:
            return None
        code = self.string(m.get("code"), "code")
        entry = f"agent {code!r}" if code else "agent entry"
        self.keys(m, {"code", "names", "acronyms", "position", "tests", "note", "origin"},
                  {"code"}, entry)
        if code is not None and not AGENT_CODE_RE.match(code):
            self.error(m.get("code").loc, f"{code!r} is not an agent code", entry,
                       "one or more three-letter role codes, such as GOV or GOVMED")
            code = None
        names: tuple[AgentName, ...] = ()
        nnode = m.get("names")
        if nnode is not None:
            if isinstance(nnode, YScalar):
                nnode = YSeq((nnode,), nnode.loc)
            names = self.each(nnode, "names", lambda n: self.agent_name(n, entry))
        acronyms = tuple(a for a, _ in self.strings(m.get("acronyms"), "acronyms", entry))
        if not names and not acronyms:
            self.error(m.loc, "an agent needs 'names' (or 'acronyms')", entry)
        position = self.string(m.get("position"), "position", entry) or "suffix"
        if position not in ("suffix", "prefix"):
            self.error(m.get("position").loc, f"position must be suffix or prefix, "
                       f"not {position!r}", entry)
            position = "suffix"
        tests = self.tests(m.get("tests"), entry)
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        origin = self.string(m.get("origin"), "origin", entry, allow_empty=True) or ""
        if code is None or (not names and not acronyms):
            return None
        return AgentEntry(code, names, acronyms, position, tests, note, m.loc, origin)

    # --- verbs --------------------------------------------------------------------
    def verb(self, node: YNode, entry: str) -> VerbEntry | None:
        if isinstance(node, YScalar):
            s = self.string(node, "a verb", entry)
            return self._check_verb_text(VerbEntry(s, loc=node.loc), entry) if s else None
        m = self.mapping(node, "a verb", entry)
        if m is None:
            return None
        self.keys(m, {"verb", "code", "forms", "regular", "note", "origin"}, {"verb"}, entry)
        text = self.string(m.get("verb"), "verb", entry)
        code = self.code_spec(m.get("code"), entry) if m.get("code") is not None else None
        forms = tuple(f for f, _ in self.strings(m.get("forms"), "forms", entry))
        regular = self.boolean(m.get("regular"), "regular", entry, True)
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        origin = self.string(m.get("origin"), "origin", entry, allow_empty=True) or ""
        if text is None:
            return None
        return self._check_verb_text(VerbEntry(text, code, forms, regular, note, m.loc, origin),
                                     entry)

    def _check_verb_text(self, v: VerbEntry, entry: str) -> VerbEntry | None:
        words = v.verb.split()
        if sum(1 for w in words if w.startswith("+")) > 1:
            self.error(v.loc, f"verb {v.verb!r} marks more than one word with '+'", entry)
            return None
        if any(w in ("+", "*", "$", "%", "^") or w.startswith("&") for w in words):
            self.error(v.loc, f"verb {v.verb!r} contains a pattern symbol", entry,
                       "patterns go under 'patterns:'")
            return None
        return v

    def pattern(self, node: YNode, entry: str) -> PatternEntry | None:
        m = self.mapping(node, "a pattern", entry)
        if m is None:
            return None
        self.keys(m, {"pattern", "code", "tests", "note", "origin"}, {"pattern", "code"}, entry)
        text = self.string(m.get("pattern"), "pattern", entry)
        code = self.code_spec(m.get("code"), entry)
        label = f"{entry} pattern {text!r}" if text else entry
        if text is not None:
            try:
                parse_pattern(text)
            except PatternSyntaxError as exc:
                self.error(m.get("pattern").loc, f"malformed pattern {text!r}: {exc}", entry)
                text = None
        tests = self.tests(m.get("tests"), label)
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        origin = self.string(m.get("origin"), "origin", entry, allow_empty=True) or ""
        if text is None or code is None:
            return None
        return PatternEntry(text, code, tests, note, m.loc, origin)

    def family(self, node: YNode) -> VerbFamily | None:
        m = self.mapping(node, "a verb family")
        if m is None:
            return None
        if m.get("extends") is not None:
            return self.extension(m)
        name = self.string(m.get("family"), "family")
        entry = f"family {name!r}" if name else "verb family"
        self.keys(m, {"family", "code", "verbs", "patterns", "tests", "note", "origin"},
                  {"family"}, entry)
        code = self.code_spec(m.get("code"), entry) if m.get("code") is not None else None
        verbs: tuple[VerbEntry, ...] = ()
        if m.get("verbs") is not None:
            verbs = self.each(m.get("verbs"), "verbs", lambda v: self.verb(v, entry))
        patterns: tuple[PatternEntry, ...] = ()
        if m.get("patterns") is not None:
            patterns = self.each(m.get("patterns"), "patterns", lambda p: self.pattern(p, entry))
        tests = self.tests(m.get("tests"), entry)
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        origin = self.string(m.get("origin"), "origin", entry, allow_empty=True) or ""
        if name is None:
            return None
        return VerbFamily(name, code or CodeSpec(None), verbs, patterns, tests, note, m.loc,
                          code_given=m.get("code") is not None, origin=origin)

    def extension(self, m: YMap) -> VerbFamily | None:
        """``extends: NAME``: more patterns (and tests) for a family defined elsewhere."""
        name = self.string(m.get("extends"), "extends")
        entry = f"extension of {name!r}" if name else "family extension"
        self.keys(m, {"extends", "patterns", "tests", "note", "origin"}, {"extends"}, entry)
        patterns: tuple[PatternEntry, ...] = ()
        if m.get("patterns") is not None:
            patterns = self.each(m.get("patterns"), "patterns", lambda p: self.pattern(p, entry))
        tests = self.tests(m.get("tests"), entry)
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        origin = self.string(m.get("origin"), "origin", entry, allow_empty=True) or ""
        if name is None:
            return None
        return VerbFamily(name, CodeSpec(None), (), patterns, tests, note, m.loc,
                          code_given=False, origin=origin, extends=True)

    # --- synsets, discards, issues ---------------------------------------------------
    def synsets(self, node: YNode) -> tuple[SynsetEntry, ...]:
        m = self.mapping(node, "synsets")
        if m is None:
            return ()
        out = []
        for key, value in m.items:
            name = key.text.strip()
            entry = f"synset {name!r}"
            if not SYNSET_NAME_RE.match(name):
                self.error(key.loc, f"{name!r} is not a synset name", entry,
                           "use letters, digits and '-'")
                continue
            plural = True
            items_node: YNode | None = value
            if isinstance(value, YMap):
                self.keys(value, {"phrases", "plural", "note"}, {"phrases"}, entry)
                plural = self.boolean(value.get("plural"), "plural", entry, True)
                items_node = value.get("phrases")
            phrases = tuple(s for s, _ in self.strings(items_node, "phrases", entry))
            if not phrases:
                self.error(key.loc, "a synset needs at least one phrase", entry)
                continue
            out.append(SynsetEntry(name.lower(), phrases, plural, key.loc))
        return tuple(out)

    def discards(self, node: YNode) -> tuple[DiscardEntry, ...]:
        m = self.mapping(node, "discards")
        if m is None:
            return ()
        self.keys(m, {"sentence", "story"}, set(), "discards")
        out = []
        for scope in ("sentence", "story"):
            for phrase, loc in self.strings(m.get(scope), scope, "discards"):
                out.append(DiscardEntry(phrase, scope, loc))
        return tuple(out)

    def issue(self, node: YNode) -> IssueEntry | None:
        m = self.mapping(node, "an issue")
        if m is None:
            return None
        code = self.string(m.get("code"), "code")
        entry = f"issue {code!r}" if code else "issue"
        self.keys(m, {"code", "phrases", "note"}, {"code", "phrases"}, entry)
        if code is not None and not re.match(r"^[A-Za-z0-9_]+$", code):
            self.error(m.get("code").loc, f"{code!r} is not an issue code", entry,
                       "use letters, digits and '_'")
            code = None
        phrases = tuple(s for s, _ in self.strings(m.get("phrases"), "phrases", entry))
        note = self.string(m.get("note"), "note", entry, allow_empty=True) or ""
        if code is None or not phrases:
            return None
        return IssueEntry(code, phrases, note, m.loc)


def validate_file(tree: YNode | None, path: str) -> tuple[dict[str, tuple], list[Problem]]:
    """Validate one parsed file; return its entries by section and the problems."""
    v = FileValidator()
    out: dict[str, tuple] = {s: () for s in SECTIONS}
    if tree is None:
        return out, v.problems
    top = v.mapping(tree, "a dictionary file")
    if top is None:
        return out, v.problems
    handlers: dict[str, Callable[[YNode], tuple]] = {
        "codes": lambda n: v.each(n, "codes", v.event_code),
        "roles": lambda n: v.each(n, "roles", v.role),
        "actors": lambda n: v.each(n, "actors", v.actor),
        "agents": lambda n: v.each(n, "agents", v.agent),
        "verbs": lambda n: v.each(n, "verbs", v.family),
        "synsets": v.synsets,
        "discards": v.discards,
        "issues": lambda n: v.each(n, "issues", v.issue),
        "tests": lambda n: v.tests(n, ""),
    }
    for key, value in top.items:
        handler = handlers.get(key.text)
        if handler is None:
            close = _closest(key.text, set(SECTIONS))
            v.error(key.loc, f"unknown section {key.text!r}", "",
                    f"did you mean {close!r}?" if close else
                    f"sections are: {', '.join(SECTIONS)}")
            continue
        if isinstance(value, YScalar) and value.is_null:
            continue
        out[key.text] = handler(value)
    return out, v.problems


def _closest(word: str, options: set[str]) -> str | None:
    import difflib
    match = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.75)
    return match[0] if match else None
