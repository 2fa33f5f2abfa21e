"""Legacy synsets and verb patterns -> eventcoder ``synsets:`` and pattern text.

PETRARCH-1 patterns are close to eventcoder's: ``*``, ``$``, ``+``, ``%``,
``^``, ``&SYNSET``, words, and ``_`` joining adjacent elements. What differs is
handled here: PETRARCH's own rewrites (``_ `` -> space, a final ``_``
dropped), TABARI disjunctions ``{...}`` (PETRARCH skipped them), and synset
names, which eventcoder writes in lower case. Every pattern written is parsed
with eventcoder's own parser first, so the output always loads.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import attrs

from ..patterns import PatternSyntaxError, parse_pattern
from ..schema import SYNSET_NAME_RE
from .legacy_codes import EventCode, read_event_code
from .legacy_text import LegacyLine, clean_phrase, split_brackets
from .report import CHANGED, MERGED, SKIPPED, ItemLog

SLOTS = frozenset("*$+%^")
NOPLURAL_SUFFIX = "-noplural"


def synset_name(raw: str) -> str:
    """``&PREPOSIT1_`` -> ``preposit1`` (eventcoder synset names are lower case, no ``_``)."""
    return raw.strip().lstrip("&").strip("_").replace("_", "-").lower()


@attrs.frozen
class LegacySynset:
    name: str  # as written after '&'
    members: tuple[LegacyLine, ...]
    origin: str


def convert_synsets(synsets: Sequence[LegacySynset], log: ItemLog) -> dict[str, Any]:
    """YAML-ready ``synsets:`` mapping. A synset whose phrases mix ``_`` (no plural) and
    plain phrases is split in two, ``x`` and ``x-noplural``, with ``x`` including the
    other: that keeps PETRARCH's per-phrase choice, which one eventcoder synset cannot."""
    merged: dict[str, tuple[bool, list[tuple[str, bool, str]], str]] = {}
    for syn in synsets:
        name = synset_name(syn.name)
        if not SYNSET_NAME_RE.match(name):
            log.add("synset", syn.origin, SKIPPED, f"synset name {syn.name!r} cannot be "
                    "written (letters, digits and '-' only)", "bad synset name")
            continue
        phrases = [p for p in (_member(m, log) for m in syn.members) if p is not None]
        if name in merged:
            log.add("synset", syn.origin, MERGED, f"synset &{syn.name.strip('_')} is defined "
                    f"again (first at {merged[name][2]}); the phrases are added",
                    "synset defined twice")
            merged[name][1].extend(phrases)
            continue
        merged[name] = (not syn.name.strip().endswith("_"), phrases, syn.origin)
    out: dict[str, Any] = {}
    for name, (plural, phrases, origin) in merged.items():
        out.update(_split(name, plural, _dedupe(name, phrases, log), origin, set(merged), log))
    return _drop_bad_includes(out, log)


def _member(line: LegacyLine, log: ItemLog) -> tuple[str, bool, str] | None:
    text = line.text.strip()[1:].strip()
    if text.startswith("&"):
        return "&" + synset_name(text), False, line.origin
    phrase = clean_phrase(text)[0].lower()
    if not phrase:
        log.add("synset", line.origin, SKIPPED, "empty synset phrase", "empty phrase")
        return None
    return phrase, text.endswith("_"), line.origin


def _dedupe(name: str, phrases: list[tuple[str, bool, str]],
            log: ItemLog) -> list[tuple[str, bool]]:
    seen: dict[str, tuple[str, bool]] = {}
    for phrase, no_plural, origin in phrases:
        if phrase in seen:
            log.add("synset", origin, MERGED, f"phrase {phrase!r} is already in synset "
                    f"&{name}", "duplicate phrase")
            continue
        seen[phrase] = (phrase, no_plural)
    return list(seen.values())


def _split(name: str, plural: bool, phrases: list[tuple[str, bool]], origin: str,
           taken: set[str], log: ItemLog) -> dict[str, Any]:
    note = f"imported from {origin}"
    if not phrases:
        log.add("synset", origin, SKIPPED, f"synset &{name} has no phrases", "empty synset")
        return {}
    exact = [p for p, no_plural in phrases if no_plural]
    rest = [p for p, no_plural in phrases if not no_plural]
    if not plural or not exact or not [p for p in rest if not p.startswith("&")]:
        all_plain = plural and not exact
        return {name: {"phrases": [p for p, _ in phrases], "plural": all_plain, "note": note}}
    other = name + NOPLURAL_SUFFIX
    while other in taken:
        other += "-x"
    log.add("synset", origin, CHANGED, f"synset &{name} mixes phrases with and without a "
            f"final '_'; the {len(exact)} without plural moved to &{other}, included in "
            f"&{name}", "synset split")
    return {name: {"phrases": rest + ["&" + other], "plural": True, "note": note},
            other: {"phrases": exact, "plural": False, "note": note}}


def _drop_bad_includes(synsets: dict[str, Any], log: ItemLog) -> dict[str, Any]:
    """Remove ``&x`` items naming an undefined synset or closing a cycle."""
    def refs(name: str) -> list[str]:
        return [p[1:] for p in synsets[name]["phrases"] if p.startswith("&")]

    def reaches(start: str, goal: str, stack: tuple[str, ...]) -> bool:
        return any(r == goal or (r in synsets and r not in stack
                                 and reaches(r, goal, stack + (r,))) for r in refs(start))

    for name in list(synsets):
        for ref in refs(name):
            if ref not in synsets or ref == name or reaches(ref, name, (ref,)):
                origin = synsets[name]["note"].removeprefix("imported from ")
                why = "is not defined" if ref not in synsets else "includes it back"
                log.add("synset", origin, SKIPPED, f"&{ref} in synset &{name} {why}; the "
                        "item is left out", "bad synset include")
                synsets[name]["phrases"].remove("&" + ref)
    return {k: v for k, v in synsets.items() if v["phrases"]}


# --- patterns -----------------------------------------------------------------------

@attrs.frozen
class ConvertedPattern:
    text: str | None  # None: skipped (the reason is in the log)
    code: EventCode = EventCode(None)


def convert_pattern(line: LegacyLine, synsets: frozenset[str], log: ItemLog) -> ConvertedPattern:
    """``- * NEW_&TIETYPES_RELATIONS [903]`` -> ``* new_&tietypes_relations`` and "903"."""
    parts = split_brackets(line.text.strip()[1:])
    where = line.text.strip()
    fail = _pattern_problem(parts.outside, parts.contents, parts.unclosed, where)
    if fail is not None:
        log.add("pattern", line.origin, SKIPPED, fail[0], fail[1])
        return ConvertedPattern(None)
    code = read_event_code(parts.contents[0])
    if not code.ok:
        log.add("pattern", line.origin, SKIPPED, f"{where!r}: {code.note}", "unreadable code")
        return ConvertedPattern(None)
    if code.note:
        log.add("pattern", line.origin, CHANGED, code.note, "code normalised")
    if len(parts.contents) > 1:
        log.add("pattern", line.origin, CHANGED, f"{where!r}: only the first [code] is read "
                "(as in PETRARCH)", "second code ignored")
    text, tidied = pattern_text(parts.outside)
    if tidied:
        log.add("pattern", line.origin, CHANGED, f"stray '_' removed: {where!r} -> {text!r}",
                "stray underscore")
    problem = _check_text(text, synsets)
    if problem:
        log.add("pattern", line.origin, SKIPPED, f"{where!r}: {problem}", "pattern not valid")
        return ConvertedPattern(None)
    return ConvertedPattern(text, code)


def _pattern_problem(body: str, codes: Sequence[str], unclosed: bool,
                     where: str) -> tuple[str, str] | None:
    if "{" in body or "}" in body:
        return (f"{where!r}: TABARI disjunction {{...}} (PETRARCH skipped these too; use a "
                "synset)", "TABARI disjunction")
    if "(" in body or ")" in body:
        return (f"{where!r}: '(...)' groups are PETRARCH-2 syntax, which needs a parse tree",
                "PETRARCH-2 syntax")
    if not codes:
        return f"{where!r} has no [code]", "no code"
    if unclosed:
        return (f"{where!r}: the code has no closing ']' (a '#' inside a code starts a "
                "comment)", "unreadable code")
    return None


def pattern_text(body: str) -> tuple[str, bool]:
    """Rewrite a legacy pattern body; also say whether stray ``_`` had to be removed
    beyond PETRARCH's own rewrites (``_ `` -> space, final ``_`` dropped)."""
    text = body.strip()
    while "_ " in text:
        text = text.replace("_ ", " ")
    text = text.rstrip("_").strip()
    chunks, tidied = [], False
    for chunk in text.split():
        pieces = chunk.split("_")
        kept = [p for p in pieces if p]
        tidied = tidied or len(kept) != len(pieces)
        chunks.append("_".join(_element(p) for p in kept))
    return " ".join(c for c in chunks if c), tidied


def _element(piece: str) -> str:
    if piece.startswith("&"):
        return "&" + synset_name(piece)
    return piece if piece in SLOTS else piece.lower()


def _check_text(text: str, synsets: frozenset[str]) -> str:
    for chunk in text.split():
        for piece in chunk.split("_"):
            if piece not in SLOTS and re.search(r"[*$+%^]", piece):
                return f"{piece!r} mixes a word with a pattern symbol"
            if piece.startswith("&") and piece[1:] not in synsets:
                return f"synset {piece} is not defined"
    try:
        parse_pattern(text)
    except PatternSyntaxError as exc:
        return str(exc)
    return ""
