"""Legacy discard and issue files -> eventcoder ``discards:`` and ``issues:``.

Both are lists of phrases, so both are written with one phrase per line and
its legacy ``file:line`` as a YAML comment (these sections have no
``origin`` key). Issue phrases use PETRARCH's expansions: ``n:word`` adds the
plural, ``v:word`` the regular verb forms, ``a+b`` both ``a b`` and ``a-b``.
Exclusion lines (``~phrase``) have no eventcoder equivalent and are reported.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Sequence

import attrs

from ..english import noun_plural, verb_forms
from ..text import phrase_keys
from .legacy_text import LegacyFile, LegacyLine, clean_phrase, split_brackets
from .report import CHANGED, MERGED, NOT_CONVERTED, SKIPPED, ItemLog

_CATEGORY = re.compile(r'CATEGORY\s*=\s*"([^"]*)"', re.IGNORECASE)
# everything YAML prints raw inside double quotes, without the line breaks NEL, LS, PS
_UNPRINTABLE = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd"
                          "\U00010000-\U0010ffff]")


@attrs.frozen
class Phrase:
    text: str
    origin: str


@attrs.frozen
class ParsedDiscards:
    sentence: tuple[Phrase, ...]
    story: tuple[Phrase, ...]
    read: int
    stems: int  # phrases without a final '_' (PETRARCH documented these as stems)


def parse_discard_file(legacy: LegacyFile, log: ItemLog) -> ParsedDiscards:
    scopes: dict[str, dict[str, Phrase]] = {"sentence": {}, "story": {}}
    read = stems = 0
    for line in legacy.lines:
        if line.tag:
            continue
        read += 1
        text = line.text.strip()
        scope = "story" if text.startswith("+") else "sentence"
        raw = text[1:] if scope == "story" else text
        phrase = clean_phrase(raw)[0]
        stems += not raw.strip().endswith("_")
        if not phrase_keys(phrase):
            log.add("discard", line.origin, SKIPPED, f"{text!r} contains no word", "no word")
            continue
        key = " ".join(phrase_keys(phrase))
        if key in scopes[scope]:
            log.add("discard", line.origin, MERGED, f"{scope} discard {phrase!r} is already at "
                    f"{scopes[scope][key].origin}", "duplicate discard")
            continue
        scopes[scope][key] = Phrase(phrase, line.origin)
    return ParsedDiscards(tuple(scopes["sentence"].values()), tuple(scopes["story"].values()),
                          read, stems)


def discards_yaml(parsed: ParsedDiscards) -> str:
    out = ["discards:"]
    for scope, phrases in (("sentence", parsed.sentence), ("story", parsed.story)):
        out.append(f"  {scope}:" + ("" if phrases else " []"))
        out += [f"  - {quoted(p.text)}  # {p.origin}" for p in phrases]
    return "\n".join(out) + "\n"


# --- issues --------------------------------------------------------------------------

@attrs.frozen
class IssueGroup:
    code: str
    category: str
    phrases: tuple[Phrase, ...]


@attrs.frozen
class ParsedIssues:
    groups: tuple[IssueGroup, ...]
    read: int
    expanded: int  # phrases after n:, v: and + expansion, before duplicates are removed


def parse_issue_file(legacy: LegacyFile, log: ItemLog) -> ParsedIssues:
    groups: dict[str, tuple[str, dict[str, Phrase]]] = {}
    category, read, expanded = "", 0, 0
    for line in legacy.lines:
        if line.tag:
            m = _CATEGORY.search(line.text)
            category = m.group(1) if m else category
            continue
        read += 1
        parsed = _issue_line(line, log)
        if parsed is None:
            continue
        code, phrases = parsed
        expanded += len(phrases)
        known = groups.setdefault(code, (category, {}))[1]
        for phrase in phrases:
            key = " ".join(phrase_keys(phrase))
            if key in known:
                if known[key].origin != line.origin:
                    log.add("issue", line.origin, MERGED, f"phrase {phrase!r} is already in "
                            f"issue {code} at {known[key].origin}", "duplicate issue phrase")
                continue
            known[key] = Phrase(phrase, line.origin)
    return ParsedIssues(tuple(IssueGroup(code, cat, tuple(p.values()))
                              for code, (cat, p) in groups.items()), read, expanded)


def _issue_line(line: LegacyLine, log: ItemLog) -> tuple[str, list[str]] | None:
    text = line.text.strip()
    if text.startswith("~"):
        scope = "story" if text.startswith("~~") else "sentence"
        log.add("issue", line.origin, NOT_CONVERTED, f"exclusion {text!r} ({scope} level) has "
                "no eventcoder equivalent", "issue exclusion")
        return None
    parts = split_brackets(text)
    if not parts.contents:
        log.add("issue", line.origin, SKIPPED, f"{text!r} has no [code] (PETRARCH skipped it "
                "too)", "no code")
        return None
    raw = parts.contents[0].strip()
    code = re.sub(r"[^A-Za-z0-9_]+", "_", raw).strip("_")
    if not code:
        log.add("issue", line.origin, SKIPPED, f"issue code {raw!r} cannot be read",
                "unreadable code")
        return None
    if code != raw:
        log.add("issue", line.origin, CHANGED, f"issue code {raw!r} written as {code!r} "
                "(issue codes are letters, digits and '_')", "code normalised")
    phrases = [p for p in issue_phrases(parts.outside) if phrase_keys(p)]
    if not phrases:
        log.add("issue", line.origin, SKIPPED, f"{text!r} contains no word", "no word")
        return None
    return code, phrases


def issue_phrases(text: str) -> list[str]:
    """``pre+n:school`` -> pre school, pre schools, pre-school, pre-schools."""
    out: dict[str, None] = {}
    for variant in _plus_variants(clean_phrase(text)[0].lower()):
        words = [_word_forms(w) for w in variant.split()]
        for combo in itertools.product(*words):
            out.setdefault(" ".join(combo), None)
    return list(out)


def _plus_variants(text: str) -> list[str]:
    if "+" not in text:
        return [text]
    head, _, tail = text.partition("+")
    return [head + sep + rest for sep in (" ", "-") for rest in _plus_variants(tail)]


def _word_forms(word: str) -> list[str]:
    for marker, forms in (("n:", lambda w: [w, noun_plural(w)]), ("v:", verb_forms)):
        at = word.find(marker)
        if at >= 0 and word[at + 2:]:
            prefix = word[:at]
            return [prefix + f for f in forms(word[at + 2:])]
    return [word]


def issues_yaml(groups: Sequence[IssueGroup]) -> str:
    out = ["issues:" + ("" if groups else " []")]
    for group in groups:
        out.append(f"- code: {quoted(group.code)}")
        if group.category:
            out.append(f"  note: {quoted('legacy category ' + group.category)}")
        out.append("  phrases:")
        out += [f"  - {quoted(p.text)}  # {p.origin}" for p in group.phrases]
    return "\n".join(out) + "\n"


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON string syntax, plus escapes for the characters
    YAML may not print raw (DEL, C1 controls, ...), which JSON leaves as they are."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(text, ensure_ascii=False))

