"""Match verb patterns against a sentence.

Elements before ``*`` are matched backwards from the verb, elements after it
forwards. Between elements up to ``max_pattern_gap`` words may come (8 by
default), unless the pattern joins them with ``_``. A slot (``$ + %``) binds the nearest actor group in its direction
(it cannot jump over another group); ``^`` skips one group, or some words that
are not an actor. Patterns are tried most specific first; the first that
matches wins.
"""

from __future__ import annotations

import functools
from typing import Iterator

import attrs

from .compile import CompiledDictionary, CompiledPattern
from .mentions import Group
from .patterns import COMPOUND, SKIP, SOURCE, SYNSET, TARGET, WORD, Element
from .verbs import VerbOcc


@attrs.frozen
class Match:
    pattern: CompiledPattern
    source: Group | None
    target: Group | None
    compound: Group | None
    compound_before_verb: bool
    skipped: tuple[Group, ...]
    positions: frozenset[int]  # tokens matched by words and synsets


class SentenceView:
    """What the matcher needs to know about a (trimmed) sentence. Word positions and
    group coverage are worked out on first use: most sentences never need them."""

    def __init__(self, keys: tuple[str, ...], groups: list[Group], max_gap: int = 8,
                 key_set: frozenset[str] | None = None):
        self.keys = keys
        self.max_gap = max_gap
        self.n = len(keys)
        self.key_set = frozenset(keys) if key_set is None else key_set
        self.groups = groups if all(groups[x].start <= groups[x + 1].start
                                    for x in range(len(groups) - 1)) \
            else sorted(groups, key=lambda g: g.start)

    @functools.cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each word occurs."""
        out: dict[str, list[int]] = {}
        for i, k in enumerate(self.keys):
            if k in out:
                out[k].append(i)
            else:
                out[k] = [i]
        return out

    @functools.cached_property
    def in_group(self) -> list[bool]:
        """Whether each token belongs to an actor group."""
        flags = [False] * self.n
        for g in self.groups:
            for x in range(g.start, g.end):
                flags[x] = True
        return flags

    def group_from(self, pos: int) -> Group | None:
        """The first group starting at or after ``pos``."""
        for g in self.groups:
            if g.start >= pos:
                return g
        return None

    def group_before(self, pos: int) -> Group | None:
        """The last group ending at or before ``pos``."""
        best = None
        for g in self.groups:
            if g.end <= pos:
                best = g
            else:
                break
        return best


_State = tuple[dict, frozenset]


def _forward(view: SentenceView, cd: CompiledDictionary, elems: tuple[Element, ...], i: int,
             pos: int, adjacent: bool, bind: dict, used: frozenset) -> Iterator[_State]:
    if i == len(elems):
        yield bind, used
        return
    e = elems[i]
    adj = adjacent if i == 0 else e.adjacent
    keys = view.keys
    if e.kind == WORD:
        for q in view.positions.get(e.value, ()):
            if q < pos or (adj and q != pos):
                continue
            if q - pos > view.max_gap:
                break
            yield from _forward(view, cd, elems, i + 1, q + 1, False, bind, used | {q})
            if adj:
                break
    elif e.kind == SYNSET:
        by_first = cd.synset_by_first.get(e.value, {})
        last = pos if adj else min(view.n - 1, pos + view.max_gap)
        for q in range(pos, last + 1):
            for ph in by_first.get(keys[q], ()):
                m = len(ph)
                if keys[q:q + m] == ph:
                    yield from _forward(view, cd, elems, i + 1, q + m, False, bind,
                                        used | frozenset(range(q, q + m)))
                    break
    elif e.kind in (SOURCE, TARGET, COMPOUND):
        g = view.group_from(pos)
        if g is not None and not (adj and g.start != pos):
            yield from _forward(view, cd, elems, i + 1, g.end, False, {**bind, e.kind: g},
                                used)
    elif e.kind == SKIP:
        g = view.group_from(pos)
        if g is not None and not (adj and g.start != pos):
            yield from _forward(view, cd, elems, i + 1, g.end, False,
                                {**bind, "skip": bind.get("skip", ()) + (g,)}, used)
        stop = g.start if g is not None else view.n
        for q in range(pos + 1, min(stop, pos + 8) + 1):
            if any(view.in_group[x] for x in range(pos, q)):
                break
            yield from _forward(view, cd, elems, i + 1, q, False, bind, used)


def _backward(view: SentenceView, cd: CompiledDictionary, elems: tuple[Element, ...], i: int,
              pos: int, adjacent: bool, bind: dict, used: frozenset) -> Iterator[_State]:
    """``elems`` nearest-the-verb first; each must end at or before ``pos`` (exclusive)."""
    if i == len(elems):
        yield bind, used
        return
    e = elems[i]
    adj = adjacent if i == 0 else elems[i - 1].adjacent
    keys = view.keys
    if e.kind == WORD:
        for q in reversed(view.positions.get(e.value, ())):
            if q + 1 > pos or (adj and q + 1 != pos):
                continue
            if pos - (q + 1) > view.max_gap:
                break
            yield from _backward(view, cd, elems, i + 1, q, False, bind, used | {q})
            if adj:
                break
    elif e.kind == SYNSET:
        by_last = cd.synset_by_last.get(e.value, {})
        first = pos if adj else max(0, pos - view.max_gap)
        for end in range(pos, max(first, 1) - 1, -1):
            for ph in by_last.get(keys[end - 1], ()):
                m = len(ph)
                if end - m >= 0 and keys[end - m:end] == ph:
                    yield from _backward(view, cd, elems, i + 1, end - m, False, bind,
                                         used | frozenset(range(end - m, end)))
                    break
            if adj:
                break
    elif e.kind in (SOURCE, TARGET, COMPOUND):
        g = view.group_before(pos)
        if g is not None and not (adj and g.end != pos):
            yield from _backward(view, cd, elems, i + 1, g.start, False, {**bind, e.kind: g},
                                 used)
    elif e.kind == SKIP:
        g = view.group_before(pos)
        if g is not None and not (adj and g.end != pos):
            yield from _backward(view, cd, elems, i + 1, g.start, False,
                                 {**bind, "skip": bind.get("skip", ()) + (g,)}, used)
        stop = g.end if g is not None else 0
        for q in range(pos - 1, max(stop, pos - 8) - 1, -1):
            if any(view.in_group[x] for x in range(q, pos)):
                break
            yield from _backward(view, cd, elems, i + 1, q, False, bind, used)


def possible_words(p: CompiledPattern, key_set: frozenset[str],
                   cd: CompiledDictionary) -> bool:
    """Can the pattern match a sentence with these words? It needs its words, and a
    first word of each of its synsets."""
    if not p.words <= key_set:
        return False
    first = cd.synset_first
    for name in p.synsets:
        if first.get(name, frozenset()).isdisjoint(key_set):
            return False
    return True


def _possible(p: CompiledPattern, view: SentenceView, cd: CompiledDictionary) -> bool:
    return possible_words(p, view.key_set, cd)


_NOTHING: frozenset[int] = frozenset()
_NO_ELEMENTS = (({}, _NOTHING),)  # what an empty side of a pattern matches (never mutated)


def match_pattern(p: CompiledPattern, verb: VerbOcc, view: SentenceView,
                  cd: CompiledDictionary) -> Match | None:
    if not possible_words(p, view.key_set, cd):
        return None
    uppers = _backward(view, cd, p.upper, 0, verb.start, p.verb_adjacent_before, {},
                       _NOTHING) if p.upper else _NO_ELEMENTS
    for ubind, uused in uppers:
        lowers = _forward(view, cd, p.lower, 0, verb.end, p.verb_adjacent_after, {},
                          _NOTHING) if p.lower else _NO_ELEMENTS
        for lbind, lused in lowers:
            bind = {**ubind, **lbind}
            compound = bind.get(COMPOUND)
            return Match(p, bind.get(SOURCE), bind.get(TARGET), compound,
                         COMPOUND in ubind, ubind.get("skip", ()) + lbind.get("skip", ()),
                         uused | lused)
    return None


def best_match(family, verb: VerbOcc, view: SentenceView, cd: CompiledDictionary,
               tried: list | None = None) -> Match | None:
    """The most specific pattern of ``family`` that matches.

    Patterns come sorted by their elements (``compile._pattern_order``); only those
    whose words can occur in the sentence are tried. Among matching patterns of the
    same rank the one whose words and synsets cover the most tokens wins ("military
    cooperation" beats "cooperation"). A negated verb needs a pattern that covers
    its negation ("did not attack" only matches patterns written with not)."""
    negs = set(verb.negations)
    best: Match | None = None
    best_rank: tuple | None = None
    patterns = family.patterns
    for i in family.candidates(view.key_set):
        p = patterns[i]
        if best is not None and p.rank != best_rank:
            break
        m = match_pattern(p, verb, view, cd)
        if tried is not None:
            tried.append((p, m is not None))
        if m is None:
            continue
        if negs and not (negs & m.positions):
            if tried is not None:
                tried[-1] = (p, "matched, but does not cover the negation")
            continue
        if best is None or len(m.positions) > len(best.positions):
            best, best_rank = m, p.rank
    return best
