"""Legacy PETRARCH-1 verb dictionaries -> eventcoder ``verbs:`` and ``synsets:``.

``parse_verb_file`` groups lines as PETRARCH's reader did: ``&NAME`` synsets
with their ``+phrase`` lines, ``--- NAME [CODE] ---`` blocks, verb lines and
``- pattern [CODE]`` lines. ``convert_verbs`` then builds families. A header
name used twice extends the first family. A verb listed in two blocks belongs
to the later one, because PETRARCH's reader overwrote the earlier entry
(eventcoder allows one family per verb form in a folder); an individual form
that already belongs to another family stays there.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import attrs

from ..forms import verb_phrases
from ..model import CodeSpec, VerbEntry
from ..patterns import format_pattern, parse_pattern
from .legacy_codes import EventCode, read_event_code
from .legacy_text import LegacyFile, LegacyFormatError, LegacyLine, split_brackets
from .petrarch_patterns import LegacySynset, convert_pattern, convert_synsets
from .report import CHANGED, MERGED, SKIPPED, ItemLog


@attrs.frozen
class LegacyBlock:
    name: str
    code: LegacyLine | None  # the header line when it carries a [code]
    origin: str
    verbs: tuple[LegacyLine, ...]
    patterns: tuple[LegacyLine, ...]


@attrs.frozen
class ParsedVerbs:
    synsets: tuple[LegacySynset, ...]
    blocks: tuple[LegacyBlock, ...]


def parse_verb_file(legacy: LegacyFile, log: ItemLog) -> ParsedVerbs:
    synsets: list[LegacySynset] = []
    blocks: list[dict[str, Any]] = []
    in_synset = False
    for line in legacy.lines:
        text = line.text.strip()
        if line.tag:
            continue
        if in_synset and text.startswith("+"):
            synsets[-1] = attrs.evolve(synsets[-1], members=synsets[-1].members + (line,))
            continue
        in_synset = text.startswith("&")
        if in_synset:
            synsets.append(LegacySynset(text[1:], (), line.origin))
        elif text.startswith("---"):
            blocks.append({"line": line, "verbs": [], "patterns": []})
        elif not blocks:
            log.add("verb", line.origin, SKIPPED, f"{text!r} comes before the first "
                    "'--- NAME ---' block", "outside a block")
        else:
            blocks[-1]["patterns" if text.startswith("-") else "verbs"].append(line)
    return ParsedVerbs(tuple(synsets), tuple(_block(b, log) for b in blocks))


def _block(raw: dict[str, Any], log: ItemLog) -> LegacyBlock:
    line: LegacyLine = raw["line"]
    body = re.sub(r"-+\s*$", "", line.text.strip()[3:])
    parts = split_brackets(body)
    if len(parts.contents) > 1:
        log.add("verb family", line.origin, CHANGED, f"header {line.text.strip()!r}: only the "
                f"first code [{parts.contents[0]}] is read (PETRARCH ignored "
                f"[{parts.contents[1]}] too)", "second code ignored")
    name = " ".join(parts.outside.split()) or f"BLOCK-{line.number}"
    return LegacyBlock(name, line if parts.contents else None, line.origin,
                       tuple(raw["verbs"]), tuple(raw["patterns"]))


def check_petrarch1(parsed: ParsedVerbs, path: str) -> None:
    """Refuse a PETRARCH-2 file read as PETRARCH-1: its ``{noun phrase}`` and
    ``(prepositional phrase)`` groups would otherwise be skipped one by one."""
    patterns = [p.text for b in parsed.blocks for p in b.patterns]
    marked = sum(1 for p in patterns if "(" in p or ("{" in p and "|" not in p))
    if marked >= 3 and marked * 50 >= len(patterns):
        raise LegacyFormatError(
            f"{path} looks like a PETRARCH-2 verb dictionary ({marked:,} of {len(patterns):,} "
            "patterns use {noun phrase} or (prepositional phrase) groups). "
            + petrarch2_reason())


def petrarch2_reason() -> str:
    return ("PETRARCH-2 patterns match constituents of a parse tree, and eventcoder matches "
            "word sequences without a parser, so these patterns cannot be converted "
            "faithfully. Import the PETRARCH-1 verb dictionary (such as "
            "CAMEO.verbpatterns.150430.txt) instead.")


# --- families ------------------------------------------------------------------------

@attrs.frozen
class ConvertedVerbs:
    families: tuple[dict[str, Any], ...]
    synsets: dict[str, Any]
    codes: tuple[tuple[str, str], ...]  # (event code, origin of its first use)


class _FamilyBuilder:
    def __init__(self, name: str, code: EventCode, origin: str):
        self.name, self.code, self.origin = name, code, origin
        self.verbs: list[dict[str, Any]] = []
        self.patterns: list[dict[str, Any]] = []
        self.canon: dict[str, str] = {}  # canonical pattern -> origin

    def as_yaml(self) -> dict[str, Any]:
        return {"family": self.name, "code": self.code.value, "verbs": self.verbs,
                "patterns": self.patterns, "origin": self.origin}


class _VerbConverter:
    def __init__(self, synsets: frozenset[str], log: ItemLog,
                 last_block: dict[tuple[str, ...], tuple[int, str, str]] | None = None):
        self.synsets, self.log = synsets, log
        self.families: dict[str, _FamilyBuilder] = {}
        self.forms: dict[tuple[str, ...], tuple[tuple, str]] = {}
        self.codes: dict[str, str] = {}
        # the last block listing each verb: first form -> (block number, origin, name)
        self.last_block = last_block or {}
        self.block_number = -1

    def use(self, code: EventCode, origin: str) -> None:
        for c in code.codes:
            self.codes.setdefault(c, origin)

    def code(self, line: LegacyLine, raw: str, kind: str) -> EventCode:
        code = read_event_code(raw)
        if not code.ok:
            self.log.add(kind, line.origin, CHANGED, code.note + "; read as null",
                         "unreadable code")
        elif code.note:
            self.log.add(kind, line.origin, CHANGED, code.note, "code normalised")
        self.use(code, line.origin)
        return code

    def block(self, block: LegacyBlock) -> None:
        code = EventCode(None)
        if block.code is not None:
            code = self.code(block.code, split_brackets(block.code.text).contents[0], "verb family")
        fam = self.families.get(block.name)
        own: EventCode | None = None
        if fam is None:
            fam = self.families[block.name] = _FamilyBuilder(block.name, code, block.origin)
        else:
            differs = code.value != fam.code.value
            own = code if differs else None
            self.log.add("verb family", block.origin, MERGED, f"block {block.name!r} is "
                         f"defined again (first at {fam.origin}); its verbs and patterns are "
                         "added to the first" + (f", its verbs keep the code {code.value or 'null'}"
                                                 if differs else ""), "block defined twice")
        for line in block.verbs:
            verb = self.verb(line, fam, own)
            if verb is not None:
                fam.verbs.append(verb)
        for line in block.patterns:
            self.pattern(line, fam)

    def verb(self, line: LegacyLine, fam: _FamilyBuilder,
             default: EventCode | None) -> dict[str, Any] | None:
        spec = _read_verb(line, self.log)
        if spec is None:
            return None
        raw_code = split_brackets(line.text).contents
        code = self.code(line, raw_code[0], "verb") if raw_code else default
        entry = VerbEntry(spec["verb"], _spec(code), tuple(spec.get("forms", ())),
                          spec.get("regular", True))
        return self.place(entry, fam.name, line, spec | ({"code": code.value} if code else {}))

    def place(self, entry: VerbEntry, family: str, line: LegacyLine,
              spec: dict[str, Any]) -> dict[str, Any] | None:
        """Register the verb's forms; keep earlier owners of a form (see module doc)."""
        keys = verb_phrases(entry)
        meaning = (family, entry.code)
        if not keys:
            self.log.add("verb", line.origin, SKIPPED, f"verb {entry.verb!r} has no word",
                         "no word")
            return None
        last = self.last_block.get(keys[0])
        if last is not None and last[0] > self.block_number and last[2] != family:
            self.log.add("verb", line.origin, SKIPPED, f"verb {entry.verb!r} is listed again in a "
                         f"later block at {last[1]}; PETRARCH kept the later one",
                         "verb in a later block")
            return None
        prev = self.forms.get(keys[0])
        if prev is not None:
            self._duplicate(entry, meaning, prev, line)
            return None
        clash = [k for k in keys[1:] if self.forms.get(k, (meaning,))[0] != meaning]
        if clash:
            spec = spec | {"forms": [" ".join(k) for k in keys[1:] if k not in clash],
                           "regular": False}
            owner = self.forms[clash[0]]
            shown = ", ".join(repr(" ".join(k)) for k in clash)
            self.log.add("verb", line.origin, CHANGED, f"forms {shown} of verb {entry.verb!r} "
                         f"already belong to family {owner[0][0]!r} (first at {owner[1]}); "
                         "the verb's forms are listed without them", "form in another family")
        for k in keys:
            if k not in clash:
                self.forms.setdefault(k, (meaning, line.origin))
        order = ("verb", "code", "forms", "regular")
        return {k: spec[k] for k in order if k in spec} | {"origin": line.origin}

    def _duplicate(self, entry: VerbEntry, meaning: tuple, prev: tuple[tuple, str],
                   line: LegacyLine) -> None:
        (family, code), origin = prev
        where = f"verb {entry.verb!r} is already in family {family!r} at {origin}"
        if prev[0] == meaning:
            self.log.add("verb", line.origin, MERGED, where, "duplicate verb")
        elif family == meaning[0]:
            shown = code if code is not None else "of the family"
            self.log.add("verb", line.origin, SKIPPED, f"{where} with code {shown}; the first "
                         "is kept", "duplicate verb, other code")
        else:
            self.log.add("verb", line.origin, SKIPPED, f"{where}; the first is kept",
                         "verb in another family")

    def pattern(self, line: LegacyLine, fam: _FamilyBuilder) -> None:
        converted = convert_pattern(line, self.synsets, self.log)
        if converted.text is None:
            return
        canon = format_pattern(parse_pattern(converted.text))
        if canon in fam.canon:
            self.log.add("pattern", line.origin, MERGED, f"pattern {converted.text!r} is already "
                         f"in family {fam.name!r} at {fam.canon[canon]}; the first is kept",
                         "duplicate pattern")
            return
        fam.canon[canon] = line.origin
        self.use(converted.code, line.origin)
        fam.patterns.append({"pattern": converted.text, "code": converted.code.value,
                             "origin": line.origin})


def _spec(code: EventCode | None) -> CodeSpec | None:
    if code is None:
        return None
    primary, _, paired = (code.value or "").partition(":")
    return CodeSpec(primary or None, paired or None)


def _read_verb(line: LegacyLine, log: ItemLog) -> dict[str, Any] | None:
    """``SAY {SAID SAYING}``, ``+CORDON_OFF {...}``, ``WIRE_+TAP``, ``LASH OUT``."""
    parts = split_brackets(line.text.strip())
    text, forms = parts.outside, None
    if len(parts.contents) > 1:
        log.add("verb", line.origin, CHANGED, f"{line.text.strip()!r}: only the first code "
                f"[{parts.contents[0]}] is read", "second code ignored")
    if "{" in text:
        if "}" not in text:
            log.add("verb", line.origin, SKIPPED, f"'{{' without '}}' in {line.text.strip()!r}",
                    "unclosed brace")
            return None
        forms = [" ".join(f.replace("+", "").replace("_", " ").split()).lower()
                 for f in text[text.index("{") + 1:text.index("}")].split()]
        text = text[:text.index("{")] + text[text.index("}") + 1:]
    words = text.split()
    if len(words) > 1 and "_" not in text:
        log.add("verb", line.origin, CHANGED, f"verb {text.strip()!r} has words joined by "
                f"a space; read as one multi-word verb (PETRARCH read only {words[0]!r})",
                "multi-word verb with spaces")
    words = [w for w in "_".join(words).split("_") if w.lstrip("+")]
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if not words or len(marked) > 1 or any(re.search(r"[*$%^&]", w) for w in words):
        log.add("verb", line.origin, SKIPPED, f"verb line {line.text.strip()!r} cannot be read",
                "verb not valid")
        return None
    if len(words) > 1 and not marked and "_" in text:
        log.add("verb", line.origin, CHANGED, f"multi-word verb {text.strip()!r} has no '+'; "
                "its first word is inflected", "no '+' in multi-word verb")
    clean = [w.lstrip("+").lower() for w in words]
    if marked and marked[0] > 0:
        clean[marked[0]] = "+" + clean[marked[0]]
    spec: dict[str, Any] = {"verb": " ".join(clean)}
    if forms is not None:
        spec |= {"forms": [f for f in forms if f], "regular": False}
    return spec


def _last_blocks(blocks: Sequence[LegacyBlock]) -> dict[tuple[str, ...], tuple[int, str, str]]:
    """For each verb (its first form), the last block that lists it.

    Blocks with the same name are one family; between families the later block
    wins, as in PETRARCH's reader."""
    quiet = ItemLog()
    last: dict[tuple[str, ...], tuple[int, str, str]] = {}
    for number, block in enumerate(blocks):
        for line in block.verbs:
            spec = _read_verb(line, quiet)
            if spec is None:
                continue
            keys = verb_phrases(VerbEntry(spec["verb"], None, tuple(spec.get("forms", ())),
                                          spec.get("regular", True)))
            if keys:
                last[keys[0]] = (number, line.origin, block.name)
    return last


def convert_verbs(parsed: Sequence[ParsedVerbs], log: ItemLog) -> ConvertedVerbs:
    synsets = convert_synsets([s for p in parsed for s in p.synsets], log)
    blocks = [block for part in parsed for block in part.blocks]
    conv = _VerbConverter(frozenset(synsets), log, _last_blocks(blocks))
    for number, block in enumerate(blocks):
        conv.block_number = number
        conv.block(block)
    families = []
    for fam in conv.families.values():
        if not fam.verbs:
            log.add("verb family", fam.origin, SKIPPED, f"family {fam.name!r} has no verb left; "
                    f"its {len(fam.patterns)} patterns are dropped", "family without verbs")
            continue
        families.append(fam.as_yaml())
    return ConvertedVerbs(tuple(families), synsets, tuple(sorted(conv.codes.items())))
