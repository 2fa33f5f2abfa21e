"""Verb occurrences: which verb hits are verbs, with their auxiliaries, negation and voice.

A dictionary verb form is read as a **noun** when a determiner or possessive
comes before it (with at most two modifiers between: "an attack", "its
long-delayed visit", "Iran's threat"), or a preposition other than ``to``
comes right before a form that is not an ``-ing`` form ("in talks").

Walking back from the verb over auxiliaries, negations and adverbs gives its
*chain*: "has not yet fully restored". ``not``, ``n't`` or ``never`` in the
chain negate the verb. A form of *be* in the chain with a participle, or with
``by`` + an actor after the verb, makes it **passive**.
"""

from __future__ import annotations

from typing import NamedTuple

from .compile import CompiledDictionary
from .english import English
from .mentions import DET, MOD, POS, Group, Unit
from .scan import ACT, AGT, VRB


class VerbOcc(NamedTuple):
    """A verb of the sentence as the coder reads it (an immutable tuple: one per verb)."""

    start: int
    end: int
    form: int
    family: int
    chain_start: int  # first token of the auxiliary chain
    negations: tuple[int, ...]  # positions of not / n't / never in the chain
    passive: bool  # a form of "be" + a participle: the subject is the target
    passive_by: Group | None  # the "by" actor of a passive verb
    infinitive: bool  # "to" + verb
    finite: bool  # an auxiliary or a tensed form: the verb can head a clause
    ing: bool

    @property
    def negated(self) -> bool:
        return bool(self.negations)


def _chain_word(key: str, eng: English) -> bool:
    return (key in eng.auxiliaries or key in eng.negations or key in eng.verb_chain_words
            or (key.endswith("ly") and len(key) > 4))


def _past(units: list[Unit], u: int, keys: tuple[str, ...], eng: English,
          cd: CompiledDictionary | None = None) -> bool:
    """A past-tense or participle form ("vowed", "left", or an irregular form the
    dictionary lists, "greenlit")."""
    unit = units[u]
    if cd is not None and unit.kind == VRB and cd.forms[unit.ident].participle:
        return True
    for x in range(unit.start, unit.end):
        if keys[x].endswith("ed") or keys[x] in eng.irregular_past:
            return True
    return False


def is_noun(units: list[Unit], u: int, keys: tuple[str, ...], cd: CompiledDictionary,
            eng: English) -> bool:
    """Is the verb hit at unit ``u`` used as a noun?

    After a determiner or possessive: directly ("an attack", "Iran's threat"), or
    with up to two modifiers between when the form is not a past form ("a new
    attack" is a noun, "Iran's new mayor left" is a verb), or with one actor
    between ("an anti-Gondor parade", "the U.S. strike", "a police raid").
    """
    x = u - 1
    mods = actors = 0
    past = None  # worked out when needed
    while x >= 0:
        unit = units[x]
        if unit.kind == MOD and mods < 2:
            if _chain_word(keys[unit.start], eng):
                return False
            mods += 1
        elif unit.kind in (ACT, AGT) and actors == 0 and unit.end - unit.start == 1 \
                and not (keys[unit.start].endswith("s") and len(keys[unit.start]) > 3) \
                and not (past := _past(units, u, keys, eng, cd) if past is None else past):
            actors += 1
        else:
            break
        x -= 1
    if x < 0:
        return False
    prev = units[x]
    if prev.kind == DET or prev.kind == POS:
        # "that" is both a determiner and a conjunction: "said that attacks ..." vs
        # "that attack"; after a verb it introduces a clause.
        if keys[prev.start] == "that" and x > 0 and units[x - 1].kind == VRB:
            return False
        if not (mods or actors):
            return True
        return not (_past(units, u, keys, eng, cd) if past is None else past)
    form = cd.forms[units[u].ident]
    if mods == 0 and actors == 0 and not form.ing:
        key = keys[prev.start]
        if key in eng.prepositions and key != "to" and key not in eng.subordinators:
            return True
    return False


def _participle(keys: tuple[str, ...], eng: English) -> bool:
    """A past participle ("killed", "taken"): after a form of *be*, a passive."""
    return any(k.endswith("ed") or (k in eng.irregular_past and k not in eng.be_forms)
               for k in keys)


def _plural_noun(units: list[Unit], u: int, keys: tuple[str, ...], cd: CompiledDictionary,
                 eng: English) -> bool:
    """An -s form that is a plural noun: right after another verb ("ignored *calls*
    for"), or after an actor when a verb follows in the same clause ("Russian
    *comments* heightened tensions")."""
    unit = units[u]
    key = keys[unit.start]
    if unit.end - unit.start != 1 or not key.endswith("s") or key.endswith("ss") \
            or key == cd.forms[unit.ident].verb.lower():
        return False
    prev = units[u - 1] if u > 0 else None
    if prev is not None and prev.kind == VRB and keys[prev.start] not in eng.auxiliaries:
        return True
    if prev is not None and prev.kind == ACT:
        # the verb of the clause must follow before any other actor: "Russian comments
        # heightened", but "Iran says Israel will ..." and "Iran says it will ..."
        for nxt in units[u + 1:u + 9]:
            k = keys[nxt.start]
            if nxt.kind == VRB or k in eng.auxiliaries:
                return True
            if nxt.kind in (ACT, AGT) or k in eng.subject_pronouns or \
                    k in (",", ";", ":", ".") or k in eng.subordinators or \
                    k in eng.relative_pronouns:
                return False
    return False


def _used_as_auxiliary(units: list[Unit], u: int, keys: tuple[str, ...], eng: English) -> bool:
    """A dictionary verb that is a modal or auxiliary here: "should *have* acted"."""
    unit = units[u]
    if unit.end - unit.start != 1 or keys[unit.start] not in eng.auxiliaries:
        return False
    nxt = unit.end
    if nxt >= len(keys):
        return False
    return _chain_word(keys[nxt], eng) or any(
        x.kind == VRB and x.start == nxt for x in units[u + 1:u + 2])


def find_verbs(units: list[Unit], keys: tuple[str, ...], groups: list[Group],
               cd: CompiledDictionary, eng: English) -> list[VerbOcc]:
    occs: list[VerbOcc] = []
    group_after: dict[int, Group] = {}
    group_before: dict[int, Group] = {}
    for g in groups:
        group_after.setdefault(g.start, g)
        group_before[g.end] = g
    has_neither = "neither" in keys
    for u in [u for u, unit in enumerate(units) if unit.kind == VRB]:
        if is_noun(units, u, keys, cd, eng) or _used_as_auxiliary(units, u, keys, eng) \
                or _plural_noun(units, u, keys, cd, eng):
            continue
        unit = units[u]
        form = cd.forms[unit.ident]
        # the chain of auxiliaries and adverbs before the verb
        c = unit.start
        negs = []
        has_be = False
        infinitive = False
        tensed_aux = False
        w = u - 1  # the unit that holds token c - 1 (units cover every token, in order)
        while c > 0:
            while units[w].start > c - 1:
                w -= 1
            if units[w].kind in (ACT, AGT):
                break  # a chain never reaches into an actor or role ("Italy", "General Assembly")
            if not (_chain_word(keys[c - 1], eng) or (
                    keys[c - 1] in ("and", "or") and c - 1 > 0 and c < unit.start
                    and _chain_word(keys[c - 2], eng))):
                break
            k = keys[c - 1]
            if k in eng.negations:
                negs.append(c - 1)
            if k in eng.be_forms:
                has_be = True
            if k == "to" and c == unit.start:
                infinitive = True
            if k in eng.auxiliaries and k not in ("be", "been", "being", "having"):
                tensed_aux = True
            c -= 1
        # "to" directly before the verb, possibly with adverbs between ("to further restrict")
        if not infinitive:
            x = unit.start - 1
            while x >= c and (keys[x].endswith("ly") or keys[x] in eng.negations):
                x -= 1
            infinitive = x >= c and keys[x] == "to"
        passive_by = None
        passive = False
        if has_be and not form.ing:
            passive_by = _by_actor(keys, unit.end, group_after, eng)
            passive = passive_by is not None or (
                _participle(keys[unit.start:unit.end], eng)
                and not any(k in eng.stative_participles for k in keys[unit.start:unit.end]))
        elif not form.ing and c == unit.start and c in group_before \
                and _reduced_passive(keys, group_before[c], unit.start, unit.end, eng):
            # "There were ten soldiers killed in ...", "Three soldiers killed in ..."
            passive = True
            passive_by = _by_actor(keys, unit.end, group_after, eng)
        elif not form.ing and c == unit.start and keys[unit.end:unit.end + 1] == ("by",) \
                and _participle(keys[unit.start:unit.end], eng):
            # "a deal brokered by China", "Israel, backed by the United States, ..."
            x = unit.end + 1
            if x < len(keys) and keys[x] in ("the", "a", "an"):
                x += 1
            passive_by = group_after.get(x)
            passive = passive_by is not None
        no = _denied_intent(keys, c, unit.start, infinitive, form.ing)
        if no >= 0:
            negs.append(no)
        if has_neither:
            # "Neither Russia nor Ukraine commented": the subject is denied
            no = _neither(keys, c)
            if no >= 0:
                negs.append(no)
        finite = tensed_aux or (not infinitive and not form.ing)
        occs.append(VerbOcc(unit.start, unit.end, unit.ident, form.family, c, tuple(negs),
                            passive, passive_by, infinitive, finite, form.ing))
    return _drop_reduced_relatives(occs, keys, group_before, group_after, eng)


_INTENT_NOUNS = frozenset({"plan", "plans", "intention", "intentions", "desire", "wish",
                           "interest", "reason", "need", "right", "authority", "mandate"})


def _denied_intent(keys: tuple[str, ...], c: int, start: int, infinitive: bool,
                   ing: bool) -> int:
    """"had *no* plans to attack", "has *no* intention of attacking": the position of
    the "no" that negates the verb, or -1."""
    if infinitive and c >= 2 and keys[c] == "to":
        before = c
    elif ing and c == start and c >= 3 and keys[c - 1] == "of":
        before = c - 1
    else:
        return -1
    if keys[before - 1] in _INTENT_NOUNS and keys[before - 2] == "no":
        return before - 2
    return -1


def _neither(keys: tuple[str, ...], c: int) -> int:
    """The position of "neither" in "neither A nor B <verb>", or -1."""
    for x in range(c - 1, max(-1, c - 15), -1):
        if keys[x] == "neither":
            return x if "nor" in keys[x:c] else -1
        if keys[x] in (".", ";", ":"):
            return -1
    return -1


def _drop_reduced_relatives(occs: list[VerbOcc], keys: tuple[str, ...],
                            group_before: dict[int, Group], group_after: dict[int, Group],
                            eng: English) -> list[VerbOcc]:
    """"American troops *stationed* in Iraq were attacked by militias": a bare
    participle right after an actor, followed by a prepositional phrase and then a
    tensed auxiliary (the clause's own verb), describes the actor; it is not a verb
    of the clause."""
    if not any(v.chain_start == v.start and v.start in group_before for v in occs):
        return occs
    out = []
    n = len(keys)
    for i, v in enumerate(occs):
        if v.passive_by is not None and v.chain_start == v.start and i + 1 < len(occs) \
                and v.start in group_before and _verb_follows(keys, v.passive_by.end, occs[i + 1]):
            # "Israel *supported by* the United States attacked Iran": the participle
            # describes Israel; "attacked" is the clause's verb
            continue
        if v.chain_start == v.start and v.start in group_before and not v.ing \
                and _participle(keys[v.start:v.end], eng) \
                and v.end < n and keys[v.end] in eng.prepositions:
            aux = next((x for x in range(v.end + 1, min(n, v.end + 10))
                        if keys[x] in eng.auxiliaries
                        and keys[x] not in ("be", "been", "being", "having", "doing")), -1)
            if aux > 0 and _only_prepositional(keys, v.end, aux, group_after, eng):
                continue
        out.append(v)
    return out


def _verb_follows(keys: tuple[str, ...], pos: int, nxt: VerbOcc) -> bool:
    """Is ``nxt`` a tensed verb a few words after ``pos``, with no clause break between?"""
    gap = keys[pos:nxt.chain_start]
    return nxt.finite and not nxt.infinitive and len(gap) <= 6 and \
        not any(k in (",", ";", ":", "and", "but", "who", "which", "that") for k in gap)


def _only_prepositional(keys: tuple[str, ...], a: int, b: int, group_after: dict[int, Group],
                        eng: English) -> bool:
    """Is keys[a:b] prepositional phrases only: no punctuation, no conjunction, and
    every actor after a preposition (possibly with a determiner or adjective)?"""
    x = a
    while x < b:
        k = keys[x]
        if not k[:1].isalnum() or k in eng.conjunctions or k in eng.relative_pronouns:
            return False
        if x in group_after:
            p = x - 1
            while p > a and keys[p] not in eng.prepositions and x - p <= 2:
                p -= 1
            if keys[p] not in eng.prepositions:
                return False
            x = group_after[x].end
            continue
        x += 1
    return b - a <= 8


_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "eleven", "twelve", "dozens", "hundreds", "thousands",
                           "scores", "several", "one", "a", "some", "many"})
#: after a participle, words that show it is a reduced passive ("killed *in* Gaza")
_AFTER_REDUCED = frozenset({"in", "during", "near", "after", "when", "while", "as", "by",
                            "overnight", "since", ".", ",", ";"})


def _reduced_passive(keys: tuple[str, ...], g: Group, start: int, end: int,
                     eng: English) -> bool:
    """A participle right after a counted actor with no auxiliary: "*there were* ten
    Russian soldiers killed", headline-style "*Three* Israeli soldiers killed in
    Gaza". The counted subject is what the verb was done to."""
    if not _participle(keys[start:end], eng):
        return False
    before = g.start - 1
    of = before >= 0 and keys[before] == "of"  # "dozens of", "hundreds of"
    if of:
        before -= 1
    counted = before >= 0 and (keys[before][:1].isdigit() or keys[before] in _NUMBER_WORDS)
    there = counted and before >= 2 and keys[before - 2] == "there" \
        and keys[before - 1] in eng.be_forms
    if there or (before >= 1 and keys[before - 1] == "there" and keys[before] in eng.be_forms):
        return True
    # not after "thousands of": crowds do things ("thousands of Serbians rallied in")
    return counted and not of and (before == 0 or keys[before - 1] in (",", ";", ":", '"')) \
        and end < len(keys) and keys[end] in _AFTER_REDUCED


def _by_actor(keys: tuple[str, ...], pos: int, group_after: dict[int, Group],
              eng: English) -> Group | None:
    """``by`` within a few words after the verb, followed by an actor."""
    n = len(keys)
    for b in range(pos, min(n, pos + 4)):
        if keys[b] == "by":
            x = b + 1
            while x < n and x <= b + 3:
                if x in group_after:
                    return group_after[x]
                if keys[x] not in eng.determiners and not keys[x][:1].isalpha():
                    break
                x += 1
            return None
        if keys[b] in (",", ";", ".") or keys[b] in eng.subordinators:
            return None
    return None
