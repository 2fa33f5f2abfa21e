"""Clauses: trimming comma-delimited asides, and finding each verb's subject.

**Trimming** follows the legacy coders: a comma-delimited clause is set aside
when its length in words is within limits (internal clauses ``comma_min`` to
``comma_max``, the opening clause ``comma_bmin`` to ``comma_bmax``, the
closing clause ``comma_emin`` to ``comma_emax``; a maximum of 0 switches that
kind off). Commas inside a list of actors ("Mordor, Rohan and Bree") are not
clause boundaries. Text in parentheses is set aside too.

**Segments** start at the sentence start, after a subordinating word or a
relative pronoun, after ``;``, at ``and``/``but`` + verb (a coordinated
predicate that shares the subject), and at an actor or pronoun that starts a
new clause after a verb ("Iran said *Israel attacked* Syria"). Each segment
knows how to find the subject of its verbs.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs

from .english import English
from .mentions import Group
from .verbs import VerbOcc

MAIN, SUB, REL, COORD, REPORT, PRON, RESUME, HARD, ATTRIB, INDEP = (
    "main", "sub", "rel", "coord", "report", "pron", "resume", "hard", "attrib", "indep")
#: clause starts that targets are not looked for across
TARGET_BARRIERS = (COORD, HARD, ATTRIB, RESUME, INDEP)
#: clauses that report the content of the verb they follow ("warned *it would attack*")
COMPLEMENTS = (REPORT, PRON)


@attrs.frozen
class TrimOptions:
    comma_min: int = 2
    comma_max: int = 8
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 8


#: words that open a noun phrase that can be the subject of a reported clause
_NP_OPENERS = frozenset({"a", "an", "the", "this", "these", "those", "some", "several",
                         "many", "two", "three", "four", "five", "six", "seven", "eight",
                         "nine", "ten", "dozens", "hundreds", "thousands", "one"})

#: words opening a comma clause that names members of what came before
_LIST_OPENERS = frozenset({"including", "among"})

_FINAL = {".", "!", "?", '"', "'", ")", "]", "...", ":"}


def trim(keys: tuple[str, ...], list_commas: set[int], opts: TrimOptions,
         verb_positions: frozenset[int] = frozenset()) -> list[bool]:
    """Which tokens to set aside (True) before coding.

    A clause is only set aside if a dictionary verb remains outside it: the
    closing clause of "Arnor, five years after the war, attacked Gondor" holds
    the main verb and stays.
    """
    n = len(keys)
    drop = [False] * n

    def words(a: int, b: int) -> int:
        return sum(1 for k in keys[a:b] if k[:1].isalnum())

    # parentheses
    i = 0 if ("(" in keys or "[" in keys) else n
    while i < n:
        if keys[i] in ("(", "["):
            close = ")" if keys[i] == "(" else "]"
            j = i + 1
            while j < n and keys[j] != close and j - i <= 40:
                j += 1
            if j < n and keys[j] == close:
                for x in range(i, j + 1):
                    drop[x] = True
                i = j + 1
                continue
        i += 1
    commas = [i for i, k in enumerate(keys) if k == "," and i not in list_commas and not drop[i]
              and not _noun_list_comma(keys, i, verb_positions)]
    if not commas:
        return drop
    end = n
    while end > 0 and keys[end - 1] in _FINAL:
        end -= 1
    # internal clauses
    if opts.comma_max > 0:
        for a, b in zip(commas, commas[1:]):
            if a + 1 < n and keys[a + 1] in _LIST_OPENERS:
                continue  # ", including three Americans,": part of what came before
            if opts.comma_min <= words(a + 1, b) <= opts.comma_max:
                for x in range(a, b):
                    drop[x] = True
    def verb_left(a: int, b: int) -> bool:
        """Is there a verb outside [a, b) that is not set aside? An -ing form does not
        count: "*Speaking* in Ankara, Erdogan criticized Sweden" keeps its last clause."""
        return any(not drop[v] and not a <= v < b and not keys[v].endswith("ing")
                   for v in verb_positions) or not verb_positions

    def starts_with_verb(pos: int) -> bool:
        """", criticized Gondor": a clause that opens with a verb continues the sentence."""
        while pos < n and (keys[pos].endswith("ly") or keys[pos] in ("also", "then", "and")):
            pos += 1
        return pos in verb_positions

    # the closing clause
    last = commas[-1]
    after_list = len(commas) > 1 and commas[-2] + 1 < n and keys[commas[-2] + 1] in _LIST_OPENERS
    if opts.comma_emax > 0 and last < end and not starts_with_verb(last + 1) \
            and (last + 1 >= n or keys[last + 1] not in _LIST_OPENERS) and not after_list:
        if opts.comma_emin <= words(last + 1, end) <= opts.comma_emax and verb_left(last, end):
            for x in range(last, end):
                drop[x] = True
    # "According to the Syrian Observatory, ...": an attribution, never the subject
    first = commas[0]
    if keys[:2] == ("according", "to") and verb_left(0, first + 1):
        for x in range(0, first + 1):
            drop[x] = True
    # the opening clause, unless it holds a verb: then it is the main clause
    if opts.comma_bmax > 0 and not any(v < first for v in verb_positions):
        if opts.comma_bmin <= words(0, first) <= opts.comma_bmax and verb_left(0, first + 1):
            for x in range(0, first + 1):
                drop[x] = True
    return drop


def _noun_list_comma(keys: tuple[str, ...], i: int, verb_positions: frozenset[int]) -> bool:
    """A comma inside a list of words ("food, tents and medicine", "tanks, artillery,
    drones and ammunition"): each item at most three words, the list closed by
    "and"/"or", no verb in it. Such a comma does not open a clause."""
    n = len(keys)
    if i == 0 or not keys[i - 1][:1].isalnum() or (i - 1) in verb_positions:
        return False
    ahead = keys[i + 1:i + 13]
    if "and" not in ahead and "or" not in ahead:
        return False
    j, words = i + 1, 0
    while j < n and j - i <= 12:
        k = keys[j]
        if k in ("and", "or"):
            return words > 0 and j + 1 < n and keys[j + 1][:1].isalnum()
        if k == ",":
            if words == 0:
                return False
            words = 0
        elif not k[:1].isalnum() or j in verb_positions:
            return False
        else:
            words += 1
            if words > 3:
                return False
        j += 1
    return False


class Segment(NamedTuple):
    """A stretch of a sentence that reads as one clause (a tuple: several per sentence)."""

    start: int
    end: int
    kind: str
    anchor: int = -1  # REL: the relative pronoun; REPORT/PRON: the verb it depends on


def segments(keys: tuple[str, ...], groups: list[Group], verbs: list[VerbOcc],
             eng: English) -> list[Segment]:
    """Cut the (trimmed) sentence into segments; see the module docstring."""
    n = len(keys)
    starts: dict[int, tuple[str, int]] = {0: (MAIN, -1)}
    group_at = {g.start: g for g in groups}
    verb_at = {v.chain_start: v for v in verbs}
    verb_starts = {v.start: v for v in verbs}
    in_group = set()
    for g in groups:
        in_group.update(range(g.start, g.end))

    def clause_head(pos: int) -> VerbOcc | None:
        """A verb (with its chain) starting at ``pos``."""
        return verb_at.get(pos) or verb_starts.get(pos)

    def opens_clause(pos: int) -> bool:
        """Does a subject at ``pos`` (group or pronoun) have a finite verb after it?"""
        if pos in group_at:
            after = group_at[pos].end
        elif pos < n and keys[pos] in eng.subject_pronouns:
            after = pos + 1
        else:
            return False
        v = clause_head(after)
        if v is not None:
            return v.finite and not v.infinitive
        return after < n and (keys[after] in eng.auxiliaries)

    def verb_before(i: int) -> int:
        """The verb a "that"-clause at ``i`` depends on ("warned on Friday that ...")."""
        prior = [v for v in verbs if v.end <= i and i - v.end <= 4]
        return prior[-1].start if prior else -1

    open_kind: str | None = None
    boundary_class = eng.boundary_class
    for i, k in enumerate(keys):
        cls = boundary_class.get(k)
        if cls is None or i in in_group:
            continue
        if cls == "hard" or (cls == "colon" and i + 1 < n):
            starts[i + 1] = (HARD, -1)
            open_kind = None
        elif cls == "rel":
            starts[i + 1] = (REL, i)
            open_kind = REL
        elif cls == "that":
            if opens_clause(i + 1):
                starts[i + 1] = (REPORT, verb_before(i))
                open_kind = None
            elif clause_head(i + 1) is not None:
                starts[i + 1] = (REL, i)
                open_kind = REL
        elif cls == "sub":
            starts[i + 1] = (SUB, -1)
            open_kind = SUB
        elif cls == "comma" and open_kind in (SUB, REL):
            starts[i + 1] = (RESUME, -1)
            open_kind = None
        elif cls == "comma":
            # ", a senior official said": a new subject with its own verb
            j = i + 1
            while j < n and j - i <= 3 and j not in group_at and keys[j][:1].isalpha() \
                    and (keys[j] in eng.determiners or keys[j] not in eng.function_words):
                j += 1
            if j in group_at and opens_clause(j):
                starts[i + 1] = (ATTRIB, -1)
        elif cls == "conj":
            nxt = i + 1
            while nxt < n and keys[nxt] in (",",):
                nxt += 1
            v = clause_head(nxt)
            if v is not None and not v.infinitive:
                starts[nxt] = (COORD, i)
                open_kind = None
            elif opens_clause(nxt):
                # "..., and Sweden did not extradite ...": a clause with its own subject
                starts[nxt] = (INDEP, -1)
                open_kind = None
    def noun_phrase_clause(pos: int) -> bool:
        """Does the noun phrase at ``pos`` (opened by an article or a number, which the
        caller checks) have a finite verb after it ("said *a mortar bomb was fired*",
        "said *the blast killed* ...")? Actors inside it may be its subject ("the
        Iranian drone")."""
        j = pos + 1
        while j < n and j - pos <= 5:
            if j in group_at:
                j = group_at[j].end
                continue
            v = clause_head(j)
            if v is not None:
                return v.finite and not v.infinitive
            k = keys[j]
            if k in eng.auxiliaries:
                return True
            if not k[:1].isalnum() or (k in eng.function_words and k != "of"):
                return False
            j += 1
        return False

    # an actor, a pronoun or a noun phrase that starts a new clause right after a
    # verb: "Iran said Israel attacked Syria", "Iran said it would retaliate",
    # "Israel said a rocket was fired at it"
    for v in verbs:
        pos = v.end
        while pos < n and keys[pos] in ("that", ","):
            pos += 1
        if pos in starts:
            continue
        if pos in group_at or (pos < n and keys[pos] in eng.subject_pronouns):
            if opens_clause(pos):
                kind = PRON if pos not in group_at else REPORT
                starts[pos] = (kind, v.start)
        elif pos < n and (keys[pos] in _NP_OPENERS or keys[pos][:1].isdigit()) \
                and noun_phrase_clause(pos):
            starts[pos] = (REPORT, v.start)
    ordered = sorted(starts)
    out = []
    for idx, s in enumerate(ordered):
        e = ordered[idx + 1] if idx + 1 < len(ordered) else n
        kind, anchor = starts[s]
        if s < e or s == 0:
            out.append(Segment(s, e, kind, anchor))
    return out
