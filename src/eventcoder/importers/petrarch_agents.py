"""Legacy agent dictionaries (``*.agents.txt``) -> eventcoder ``agents:`` entries.

One legacy line becomes one agent entry, so that each keeps its ``origin``.
Substitution sets (``!PERSON! = MAN, MEN, ...``) are expanded here because
eventcoder has no such construct; like PETRARCH, the expanded names get no
generated plural. Names that collide with an earlier name (or its plural)
are settled here, since eventcoder refuses one role name with two meanings.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..forms import agent_phrases
from ..model import AgentName
from ..text import phrase_keys
from .legacy_codes import read_agent_code
from .legacy_text import LegacyFile, LegacyLine, clean_phrase, split_brackets
from .report import CHANGED, MERGED, SKIPPED, ItemLog

KIND = "agent"
_MARKER = re.compile(r"!([^!\s]+)!")


@attrs.frozen
class ParsedAgents:
    entries: tuple[dict[str, Any], ...]
    roles: tuple[tuple[str, str], ...]  # (role code chunk, origin of its first use)
    lines_read: int
    names_read: int
    spaced_names: int


class _AgentReader:
    def __init__(self, log: ItemLog):
        self.log = log
        self.sets: dict[str, tuple[str, ...]] = {}
        self.seen: dict[tuple[str, ...], tuple[tuple[str, str], str]] = {}
        self.roles: dict[str, str] = {}
        self.names_read = 0
        self.spaced = 0

    def define_set(self, line: LegacyLine) -> None:
        m = re.match(r"^\s*!([^!]+)!\s*=(.*)$", line.text)
        if m is None:
            self.log.add(KIND, line.origin, SKIPPED, f"substitution set {line.text.strip()!r} "
                         "cannot be read (write !NAME! = A, B, C)", "bad substitution set")
            return
        members = tuple(" ".join(x.replace("_", " ").split()) for x in m.group(2).split(","))
        self.sets[m.group(1).strip()] = tuple(x for x in members if x)

    def agent(self, line: LegacyLine) -> dict[str, Any] | None:
        parts = split_brackets(line.text)
        if not parts.contents:
            self.log.add(KIND, line.origin, SKIPPED, f"{line.text.strip()!r} has no [code]",
                         "no code")
            return None
        raw = parts.contents[0]
        if parts.unclosed:
            raw = raw.rstrip("}) ")
            self.log.add(KIND, line.origin, CHANGED, f"'[' without ']' in {line.text.strip()!r};"
                         f" code read as {raw!r}", "unclosed bracket")
        code = read_agent_code(raw)
        if not code.ok:
            self.log.add(KIND, line.origin, SKIPPED, code.note, "unreadable code")
            return None
        if code.note:
            self.log.add(KIND, line.origin, CHANGED, code.note, "code normalised")
        names = self.names(parts.outside, line)
        meaning = (code.code, code.position)
        kept = [n for n in (self.settle(n, meaning, line) for n in names) if n is not None]
        if not kept:
            return None
        for i in range(0, len(code.code), 3):
            self.roles.setdefault(code.code[i:i + 3], line.origin)
        entry: dict[str, Any] = {"code": code.code,
                                 "names": [_name_value(n) for n in kept]}
        if code.position == "prefix":
            entry["position"] = "prefix"
        entry["origin"] = line.origin
        return entry

    def names(self, text: str, line: LegacyLine) -> list[AgentName]:
        """The phrase with its plural: ``X {}``, ``X {PLURAL}``, ``X`` or ``!SET!`` names."""
        plural: tuple[str, ...] | None = None
        if "{" in text:
            if "}" not in text:
                self.log.add(KIND, line.origin, SKIPPED, f"'{{' without '}}' in "
                             f"{line.text.strip()!r} (PETRARCH skipped it too)", "unclosed brace")
                return []
            inner = text[text.index("{") + 1:text.index("}")]
            text = text[:text.index("{")]
            words = clean_phrase(inner)[0].lower()
            plural = (words,) if words else ()
        phrase, spaced = clean_phrase(text)
        self.spaced += spaced
        if _MARKER.search(phrase):
            return [AgentName(n, ()) for n in self.expand(phrase.lower(), line)]
        if not phrase:
            self.log.add(KIND, line.origin, SKIPPED, "empty name", "empty name")
            return []
        self.names_read += 1
        return [AgentName(phrase.lower(), plural)]

    def expand(self, phrase: str, line: LegacyLine) -> list[str]:
        m = _MARKER.search(phrase)
        if m is None:
            self.names_read += 1
            return [" ".join(phrase.split())]
        members = self.sets.get(m.group(1).upper(), self.sets.get(m.group(1)))
        if members is None:
            self.log.add(KIND, line.origin, SKIPPED, f"substitution set !{m.group(1).upper()}! "
                         "is not defined above this line", "undefined substitution set")
            return []
        out: list[str] = []
        for member in members:
            out += self.expand(phrase[:m.start()] + member.lower() + phrase[m.end():], line)
        return out

    def settle(self, name: AgentName, meaning: tuple[str, str],
               line: LegacyLine) -> AgentName | None:
        """Keep the first meaning of each phrase (and of each generated plural)."""
        key = phrase_keys(name.name)
        if not key:
            self.log.add(KIND, line.origin, SKIPPED, f"name {name.name!r} contains no word",
                         "no word")
            return None
        prev = self.seen.get(key)
        if prev is not None:
            same = prev[0] == meaning
            self.log.add(KIND, line.origin, MERGED if same else SKIPPED,
                         f"name {name.name!r} is already at {prev[1]}"
                         + (" with the same code" if same else
                            f" as {_show(prev[0])}; {_show(meaning)} dropped here"),
                         "duplicate name, same code" if same else "duplicate name, other code")
            return None
        plurals = [p for p in agent_phrases(name) if p != name.name]
        clash = [p for p in plurals if self.seen.get(phrase_keys(p), (meaning,))[0] != meaning]
        if clash:
            name = AgentName(name.name, tuple(p for p in plurals if p not in clash))
            self.log.add(KIND, line.origin, CHANGED, f"plural {clash[0]!r} of {name.name!r} is "
                         f"already an agent at {self.seen[phrase_keys(clash[0])][1]}; that "
                         "plural is left out", "plural already an agent")
        for phrase in [name.name] + [p for p in plurals if p not in clash]:
            self.seen.setdefault(phrase_keys(phrase), (meaning, line.origin))
        return name


def _show(meaning: tuple[str, str]) -> str:
    code, position = meaning
    return f"[{code}~]" if position == "prefix" else f"[~{code}]"


def _name_value(name: AgentName) -> Any:
    if name.plurals is None:
        return name.name
    if not name.plurals:
        return {"name": name.name, "plural": False}
    return {"name": name.name, "plural": list(name.plurals)}


def parse_agent_file(legacy: LegacyFile, log: ItemLog) -> ParsedAgents:
    reader = _AgentReader(log)
    entries = []
    lines = 0
    for line in legacy.lines:
        if line.tag:
            continue
        if "!" in line.text and "=" in line.text:
            reader.define_set(line)
            continue
        lines += 1
        entry = reader.agent(line)
        if entry is not None:
            entries.append(entry)
    return ParsedAgents(tuple(entries), tuple(sorted(reader.roles.items())), lines,
                        reader.names_read, reader.spaced)
