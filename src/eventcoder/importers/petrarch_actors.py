"""Legacy actor dictionaries (``*.actors.txt``) -> eventcoder ``actors:`` entries.

Two stages: ``parse_actor_file`` reads one file into ``LegacyActor`` values
(names, default code, dated periods) exactly as PETRARCH grouped them;
``resolve_actors`` then walks all files in order and settles names that occur
more than once, because eventcoder refuses one name with two meanings in a
folder while PETRARCH silently kept several.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Sequence

import attrs

from ..text import phrase_keys
from .legacy_codes import read_actor_code
from .legacy_text import LegacyFile, LegacyLine, clean_phrase, parse_legacy_date, split_brackets
from .report import CHANGED, MERGED, SKIPPED, ItemLog

KIND = "actor"
_RESTRICTION = re.compile(r"^\s*([^\s<>]*)\s*(.*?)\s*$")


@attrs.frozen
class LegacyPeriod:
    codes: tuple[str, ...]  # () is the null code
    start: dt.date | None
    end: dt.date | None


@attrs.frozen
class LegacyActor:
    origin: str  # the primary line
    names: tuple[tuple[str, str], ...]  # (phrase, origin of its line)
    default: tuple[str, ...] | None  # None: no default code was given
    periods: tuple[LegacyPeriod, ...] = ()
    bracketed: bool = False  # some code or restriction was written (even if unusable)

    @property
    def meaning(self) -> tuple:
        return (self.default, self.periods)


@attrs.frozen
class ParsedActors:
    file: str
    actors: tuple[LegacyActor, ...]
    spaced_names: int  # names that used a space connector
    read: int  # entries as written in the file (before codeless ones join the next)


class _Builder:
    """The entry being read; frozen into a LegacyActor when the next one starts."""

    def __init__(self, line: LegacyLine):
        self.origin = line.origin
        self.names: list[tuple[str, str]] = []
        self.default: tuple[str, ...] | None = None
        self.default_origin = ""
        self.periods: list[LegacyPeriod] = []
        self.bracketed = False

    def freeze(self) -> LegacyActor:
        return LegacyActor(self.origin, tuple(self.names), self.default, tuple(self.periods),
                           self.bracketed)


class _ActorReader:
    def __init__(self, log: ItemLog):
        self.log = log
        self.spaced = 0

    def name(self, entry: _Builder, text: str, line: LegacyLine) -> None:
        phrase, spaced = clean_phrase(text)
        self.spaced += spaced
        if not phrase:
            self.log.add(KIND, line.origin, SKIPPED, f"empty name in {line.text.strip()!r}",
                         "empty name")
            return
        entry.names.append((phrase, line.origin))

    def brackets(self, entry: _Builder, contents: Sequence[str], line: LegacyLine,
                 primary: bool) -> None:
        for content in contents:
            entry.bracketed = True
            self.restriction(entry, content, line, primary)

    def restriction(self, entry: _Builder, content: str, line: LegacyLine,
                    primary: bool) -> None:
        code_raw, rest = _RESTRICTION.match(content).groups()  # type: ignore[union-attr]
        if rest and not re.search(r"[\d<>]", rest):
            code_raw, rest = content, ""  # a code with stray spaces: [USA GOV]
        if not rest:
            self.default_code(entry, code_raw, line)
            return
        period = self.period(code_raw, rest, line)
        if period is None:
            return
        if primary:
            self.log.add(KIND, line.origin, CHANGED,
                         f"date restriction [{content.strip()}] on the primary line read as a "
                         f"period (PETRARCH read it as the literal code {content.strip()!r})",
                         "restriction on the primary line")
        entry.periods.append(period)

    def default_code(self, entry: _Builder, raw: str, line: LegacyLine) -> None:
        codes = self.code(raw, line)
        if entry.default is not None:
            self.log.add(KIND, line.origin, CHANGED,
                         f"default code given twice (also at {entry.default_origin}); the last "
                         f"one, {'/'.join(codes) or '---'}, wins", "default code given twice")
        entry.default, entry.default_origin = codes, line.origin

    def code(self, raw: str, line: LegacyLine) -> tuple[str, ...]:
        read = read_actor_code(raw)
        if not read.ok:
            self.log.add(KIND, line.origin, CHANGED, read.note + "; written as null",
                         "unreadable code")
        elif read.note:
            self.log.add(KIND, line.origin, CHANGED, read.note, "code normalised")
        return read.codes

    def period(self, code_raw: str, rest: str, line: LegacyLine) -> LegacyPeriod | None:
        found = _dates(rest)
        if isinstance(found, str):
            self.log.add(KIND, line.origin, SKIPPED,
                         f"date restriction [{code_raw} {rest}] skipped: {found}", "bad date")
            return None
        start, end = found
        if start and end and end < start:
            self.log.add(KIND, line.origin, SKIPPED,
                         f"date restriction [{code_raw} {rest}] skipped: it ends ({end}) before "
                         f"it starts ({start})", "bad date")
            return None
        return LegacyPeriod(self.code(code_raw, line), start, end)


def _dates(rest: str) -> tuple[dt.date | None, dt.date | None] | str:
    """``<D`` -> (None, D), ``>D`` -> (D, None), ``D1-D2`` -> (D1, D2); or an error text."""
    try:
        if m := re.fullmatch(r"<\s*(\d+)", rest):
            return None, parse_legacy_date(m.group(1))
        if m := re.fullmatch(r">\s*(\d+)", rest):
            return parse_legacy_date(m.group(1)), None
        if m := re.fullmatch(r"(\d+)\s*-\s*(\d+)", rest):
            return parse_legacy_date(m.group(1)), parse_legacy_date(m.group(2))
    except ValueError as exc:
        return str(exc)
    return f"{rest!r} is not <DATE, >DATE or DATE-DATE"


def parse_actor_file(legacy: LegacyFile, log: ItemLog) -> ParsedActors:
    """Group the lines of one actor file into entries, as PETRARCH's reader did."""
    reader = _ActorReader(log)
    entries: list[_Builder] = []
    for line in legacy.lines:
        if line.tag:
            continue
        text = line.text.strip()
        if "---STOP---" in text:
            log.add("file", line.origin, SKIPPED, "---STOP--- ends the file; the rest of the "
                    "file is not read (as in PETRARCH)", "---STOP---")
            break
        if text.startswith("+"):
            _synonym(reader, entries, text, line, log)
        elif line.indented and text.startswith("["):
            if not entries:
                log.add(KIND, line.origin, SKIPPED, f"restriction {text!r} has no actor",
                        "no actor")
                continue
            reader.brackets(entries[-1], split_brackets(text).contents, line, primary=False)
        else:
            if line.indented:
                log.add(KIND, line.origin, CHANGED, f"indented line {text!r} read as a new "
                        "entry (PETRARCH attached its restriction to the previous entry)",
                        "indented entry")
            entries.append(_primary(reader, text, line, log))
    return ParsedActors(legacy.name, _attach_codeless([e.freeze() for e in entries], log),
                        reader.spaced, len(entries))


def _synonym(reader: _ActorReader, entries: list[_Builder], text: str, line: LegacyLine,
             log: ItemLog) -> None:
    if not entries:
        log.add(KIND, line.origin, SKIPPED, f"synonym {text!r} has no primary phrase",
                "no actor")
        return
    parts = split_brackets(text[1:])
    if parts.contents:
        log.add(KIND, line.origin, CHANGED, f"code [{'] ['.join(parts.contents)}] on a synonym "
                "line ignored (PETRARCH ignored it too)", "code on a synonym")
    reader.name(entries[-1], parts.outside, line)


def _primary(reader: _ActorReader, text: str, line: LegacyLine, log: ItemLog) -> _Builder:
    entry = _Builder(line)
    parts = split_brackets(text)
    if parts.unclosed:
        log.add(KIND, line.origin, CHANGED, f"'[' without ']' in {text!r}; read to the end of "
                "the line", "unclosed bracket")
    reader.name(entry, parts.outside, line)
    reader.brackets(entry, parts.contents, line, primary=True)
    return entry


def _attach_codeless(actors: list[LegacyActor], log: ItemLog) -> tuple[LegacyActor, ...]:
    """An entry with no bracket at all shares the codes of the next entry: that is what
    PETRARCH's reader did (its names point at the next stored code list)."""
    out: list[LegacyActor] = []
    waiting: list[LegacyActor] = []
    for actor in actors:
        if not actor.bracketed and not actor.periods:
            waiting.append(actor)
            continue
        for w in waiting:
            log.add(KIND, w.origin, MERGED, f"entry {w.names[0][0] if w.names else '?'!r} has "
                    f"no code; its names join the next entry ({actor.origin}) as in PETRARCH",
                    "no code: joins the next entry")
        names = tuple(n for w in waiting for n in w.names) + actor.names
        out.append(attrs.evolve(actor, names=names) if waiting else actor)
        waiting = []
    for w in waiting:
        log.add(KIND, w.origin, CHANGED, "entry has no code and no entry follows; written "
                "with code null (recognised, never coded)", "no code")
        out.append(attrs.evolve(w, default=()))
    return tuple(out)


# --- all files together ----------------------------------------------------------------

@attrs.frozen
class ResolvedActors:
    file: str
    entries: tuple[dict[str, Any], ...]  # YAML-ready actor entries


def resolve_actors(parsed: Sequence[ParsedActors], log: ItemLog) -> tuple[ResolvedActors, ...]:
    """Settle repeated names across all files: same meaning -> merged into the first
    entry, other meaning -> the first entry keeps the name. Both are reported."""
    seen: dict[tuple[str, ...], tuple[tuple, str]] = {}
    out = []
    for part in parsed:
        entries = []
        for actor in part.actors:
            names, conflicts = _unique_names(actor, seen, log)
            if not names:
                if actor.names and conflicts:
                    log.add(KIND, actor.origin, SKIPPED, "every name of this entry is defined "
                            "earlier, some with other codes; the entry is dropped",
                            "all names defined earlier")
                elif actor.names:
                    log.add(KIND, actor.origin, MERGED, "every name of this entry is defined "
                            "earlier with the same codes; the entry is merged into them",
                            "entry repeats earlier names")
                continue
            entries.append(_entry(actor, names, log))
        out.append(ResolvedActors(part.file, tuple(entries)))
    return tuple(out)


def _unique_names(actor: LegacyActor, seen: dict, log: ItemLog) -> tuple[list[str], bool]:
    """The names this entry keeps, and whether any was dropped for having other codes."""
    names: list[str] = []
    conflicts = False
    for phrase, origin in actor.names:
        key = phrase_keys(phrase)
        if not key:
            log.add(KIND, origin, SKIPPED, f"name {phrase!r} contains no word", "no word")
            continue
        prev = seen.get(key)
        if prev is None:
            seen[key] = (actor.meaning, origin)
            names.append(phrase)
        elif prev[0] == actor.meaning:
            log.add(KIND, origin, MERGED, f"name {phrase!r} is already at {prev[1]} with the "
                    "same codes; kept there", "duplicate name, same codes")
        else:
            conflicts = True
            log.add(KIND, origin, SKIPPED, f"name {phrase!r} is already at {prev[1]} with other "
                    f"codes; the first one is kept ({_describe(actor)} dropped here)",
                    "duplicate name, other codes")
    return names, conflicts


def _describe(actor: LegacyActor) -> str:
    text = "/".join(actor.default) if actor.default else ("---" if actor.default == () else "")
    dated = ", ".join("/".join(p.codes) or "---" for p in actor.periods)
    return " ".join(x for x in (text, f"dated {dated}" if dated else "") if x) or "no code"


def _entry(actor: LegacyActor, names: list[str], log: ItemLog) -> dict[str, Any]:
    entry: dict[str, Any] = {"names": names}
    if actor.default is not None or not actor.periods:
        if actor.default is None:
            log.add(KIND, actor.origin, CHANGED, "no usable code or period; written with code "
                    "null (recognised, never coded)", "no code")
        entry.update(_code_keys(actor.default or ()))
    if actor.periods:
        entry["periods"] = [_period(p) for p in actor.periods]
    entry["origin"] = actor.origin
    return entry


def _code_keys(codes: tuple[str, ...]) -> dict[str, Any]:
    if len(codes) > 1:
        return {"codes": list(codes)}
    return {"code": codes[0] if codes else None}


def _period(p: LegacyPeriod) -> dict[str, Any]:
    out = _code_keys(p.codes)
    if p.start:
        out["from"] = p.start.isoformat()
    if p.end:
        out["until"] = p.end.isoformat()
    return out
