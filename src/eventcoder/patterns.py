"""The pattern language: ``"* to attack +"``, ``"$ SAID + *"``, ``"* &weapon at +"``.

A pattern is parsed into *elements*. Each element records whether it must be
adjacent to the element before it (joined with ``_`` in the text). Parsing is
pure and reports problems as messages; the validator attaches locations.
"""

from __future__ import annotations

import functools

import attrs

from .text import phrase_keys

VERB, WORD, SYNSET, SOURCE, TARGET, COMPOUND, SKIP = (
    "verb", "word", "synset", "source", "target", "compound", "skip")
SLOTS = {"$": SOURCE, "+": TARGET, "%": COMPOUND, "^": SKIP}


@attrs.frozen
class Element:
    kind: str
    value: str = ""  # the word key or synset name
    adjacent: bool = False  # joined to the previous element with "_"

    def __str__(self) -> str:
        if self.kind == VERB:
            return "*"
        if self.kind == WORD:
            return self.value
        if self.kind == SYNSET:
            return "&" + self.value
        return {v: k for k, v in SLOTS.items()}[self.kind]


@attrs.frozen
class ParsedPattern:
    upper: tuple[Element, ...]  # before the verb, in text order
    lower: tuple[Element, ...]  # after the verb, in text order
    verb_adjacent_before: bool  # "in_*": the element before * is adjacent
    verb_adjacent_after: bool  # "*_down": the element after * is adjacent

    @property
    def elements(self) -> tuple[Element, ...]:
        return self.upper + self.lower

    @property
    def specificity(self) -> tuple[int, int]:
        """(number of elements, number of literal words): larger is more specific."""
        elems = self.elements
        return (len(elems), sum(1 for e in elems if e.kind == WORD))

    @property
    def synsets(self) -> tuple[str, ...]:
        return tuple(e.value for e in self.elements if e.kind == SYNSET)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(e.value for e in self.elements if e.kind == WORD)


class PatternSyntaxError(ValueError):
    pass


def _parse_piece(piece: str) -> list[Element]:
    """One ``_``-free piece: a slot, the verb, a synset or one or more words."""
    if piece == "*":
        return [Element(VERB)]
    if piece in SLOTS:
        return [Element(SLOTS[piece])]
    if piece.startswith("&"):
        name = piece[1:].lower()
        if not name or not all(c.isalnum() or c in "-" for c in name):
            raise PatternSyntaxError(f"{piece!r} is not a synset name (write &name)")
        return [Element(SYNSET, name)]
    if "*" in piece or "&" in piece or any(c in piece for c in "$%^") and len(piece) > 1:
        raise PatternSyntaxError(f"{piece!r} mixes a word with a special character; "
                                 "separate them with a space or _")
    keys = phrase_keys(piece)
    if not keys:
        raise PatternSyntaxError(f"{piece!r} contains no word")
    # a word that the tokenizer cuts in two ("didn't") is matched as adjacent words
    return [Element(WORD, k, adjacent=(i > 0)) for i, k in enumerate(keys)]


@functools.lru_cache(maxsize=65536)
def parse_pattern(text: str) -> ParsedPattern:
    """Parse pattern text; raise PatternSyntaxError with a readable message.

    Pure, so results are cached: validation, layering and compiling all parse
    the same patterns."""
    if not text or not text.strip():
        raise PatternSyntaxError("the pattern is empty")
    elements: list[Element] = []
    for chunk in text.split():
        pieces = chunk.split("_")
        if any(p == "" for p in pieces):
            raise PatternSyntaxError(
                f"{chunk!r}: '_' must join two elements, as in talks_with or in_*")
        for i, piece in enumerate(pieces):
            parsed = _parse_piece(piece)
            if i > 0:
                parsed[0] = attrs.evolve(parsed[0], adjacent=True)
            elements.extend(parsed)
    verbs = [i for i, e in enumerate(elements) if e.kind == VERB]
    if not verbs:
        raise PatternSyntaxError("the pattern has no '*' for the verb")
    if len(verbs) > 1:
        raise PatternSyntaxError("the pattern has more than one '*'")
    v = verbs[0]
    for kind, sym in ((SOURCE, "$"), (TARGET, "+")):
        if sum(1 for e in elements if e.kind == kind) > 1:
            raise PatternSyntaxError(f"the pattern has more than one '{sym}'")
    if sum(1 for e in elements if e.kind == COMPOUND) > 1:
        raise PatternSyntaxError("the pattern has more than one '%'")
    upper = tuple(elements[:v])
    lower = tuple(elements[v + 1:])
    after_adjacent = bool(lower) and lower[0].adjacent
    if lower:
        lower = (attrs.evolve(lower[0], adjacent=False),) + lower[1:]
    return ParsedPattern(upper, lower, elements[v].adjacent, after_adjacent)


def format_pattern(parsed: ParsedPattern) -> str:
    """Canonical text of a parsed pattern (used to compare patterns across layers)."""
    out: list[str] = []
    seq = list(parsed.upper) + [Element(VERB, adjacent=parsed.verb_adjacent_before)]
    if parsed.lower:
        seq.append(attrs.evolve(parsed.lower[0], adjacent=parsed.verb_adjacent_after))
        seq.extend(parsed.lower[1:])
    for e in seq:
        if out and e.adjacent:
            out[-1] += "_" + str(e)
        else:
            out.append(str(e))
    return " ".join(out)
