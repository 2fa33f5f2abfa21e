"""Find dictionary phrases in a sentence: actors, agents, verbs, discards, issues.

One left-to-right pass, longest match first. A noun phrase (actor or agent)
beats a verb of the same length; a one-word role that is also a verb form is
read as a verb after ``to`` or an auxiliary ("troops will guard", "to police").
"""

from __future__ import annotations

from typing import NamedTuple

from .compile import CompiledDictionary, longest_at
from .english import english
from .text import Tokens

ACT, AGT, VRB = "ACT", "AGT", "VRB"


class Hit(NamedTuple):
    """A dictionary phrase found in a sentence (a tuple: many per sentence)."""

    kind: str  # ACT, AGT or VRB
    start: int
    end: int  # exclusive
    ident: int  # index into the compiled actors, agents or forms


#: "a Greek-owned tanker", "a Bangladesh-flagged ship": the actor owns the thing
_OWNERSHIP = frozenset({"owned", "flagged", "registered", "operated"})


def _owner(key: str, actor_index) -> int:
    """The actor of a hyphenated "<actor>-owned" word, or -1."""
    head, _, tail = key.rpartition("-")
    if tail in _OWNERSHIP and head in actor_index:
        single = actor_index[head][0]
        return single
    return -1


def _acronym_at(index, texts: tuple[str, ...], i: int) -> tuple[int, int]:
    """Like ``longest_at``, on the exact texts (acronyms match with their capitals)."""
    return longest_at(index, texts, i)


def scan(tokens: Tokens, cd: CompiledDictionary) -> list[Hit]:
    keys = tokens.keys
    texts = tokens.texts
    n = len(keys)
    eng = english()
    verb_openers = eng.verb_openers
    determiners = eng.determiners
    hits: list[Hit] = []
    i = 0
    actor_index, agent_index, verb_index = cd.actor_index, cd.agent_index, cd.verb_index
    acr_a, acr_g = cd.actor_acronym_index, cd.agent_acronym_index
    first_keys, first_texts = cd.first_keys, cd.first_texts
    while i < n:
        k = keys[i]
        if k not in first_keys and texts[i] not in first_texts:
            if "-" in k:
                owner = _owner(k, actor_index)
                if owner >= 0:
                    hits.append(Hit(ACT, i, i + 1, owner))
            i += 1
            continue
        la = lg = lv = 0
        ia = ig = iv = -1
        if k in actor_index:
            la, ia = longest_at(actor_index, keys, i)
        if texts[i] in acr_a:
            m, ident = _acronym_at(acr_a, texts, i)
            if m > la:
                la, ia = m, ident
        if k in agent_index:
            lg, ig = longest_at(agent_index, keys, i)
        if texts[i] in acr_g:
            m, ident = _acronym_at(acr_g, texts, i)
            if m > lg:
                lg, ig = m, ident
        if k in verb_index:
            lv, iv = longest_at(verb_index, keys, i)
        best_np = la if la > lg else lg
        if best_np > 1 and k in determiners and i + 1 < n and _np_reach(cd, keys, texts, i + 1) \
                > i + best_np:
            # "the West" must not swallow "the West Bank": a phrase that starts with a
            # determiner gives way to a longer one starting after it
            i += 1
            continue
        if lv and lv > best_np:
            hits.append(Hit(VRB, i, i + lv, iv))
            i += lv
            continue
        if lv and best_np == 1 and i > 0 and keys[i - 1] in verb_openers:
            hits.append(Hit(VRB, i, i + lv, iv))
            i += lv
            continue
        if best_np:
            if la >= lg:
                hits.append(Hit(ACT, i, i + la, ia))
                i += la
            else:
                hits.append(Hit(AGT, i, i + lg, ig))
                i += lg
            continue
        if lv:
            hits.append(Hit(VRB, i, i + lv, iv))
            i += lv
            continue
        i += 1
    return _adjective_roles(_noun_modifiers(hits, keys, cd), keys, tokens.texts, cd)


def _adjective_roles(hits: list[Hit], keys: tuple[str, ...], texts: tuple[str, ...],
                     cd: CompiledDictionary) -> list[Hit]:
    """"military *exercises*", "the official *exchange* rate", "a military *attack*": a
    role word of ``adjective_roles`` before a lower-case word that starts no phrase, or
    that is the base or -s form of a verb (a noun here), is an adjective."""
    eng = english()
    words = eng.adjective_roles
    if words.isdisjoint(keys):
        return hits
    at = {h.start: h for h in hits}
    n = len(keys)

    def adjective(h: Hit) -> bool:
        if h.kind != AGT or h.end - h.start != 1 or keys[h.start] not in words or h.end >= n:
            return False
        nxt, key = at.get(h.end), keys[h.end]
        if nxt is not None:
            if nxt.kind != VRB:
                return False
            form = cd.forms[nxt.ident]
            return not (form.ing or form.participle or key.endswith("ed")
                        or key in eng.irregular_past)
        return keys[h.start] in eng.plain_adjective_roles and texts[h.end][:1].islower() \
            and texts[h.end].isalpha() and key not in eng.facility_nouns \
            and key not in eng.function_words and not key.endswith(("ly", "ed")) \
            and key not in eng.verb_chain_words

    return [h for h in hits if not adjective(h)]


def _noun_modifiers(hits: list[Hit], keys: tuple[str, ...], cd: CompiledDictionary) -> list[Hit]:
    """A base verb form between an actor and a role is a noun modifier:
    "French *rail* workers", "U.S. *trade* officials" (but "Iran *warns* officials")."""
    modifiers = [n for n in range(1, len(hits) - 1)
                 if hits[n].kind == VRB and hits[n - 1].kind == ACT and hits[n + 1].kind == AGT
                 and _modifies(hits[n - 1], hits[n], hits[n + 1], keys, cd)]
    if not modifiers:
        return hits
    return [h for n, h in enumerate(hits) if n not in modifiers]


def _modifies(before: Hit, h: Hit, after: Hit, keys: tuple[str, ...],
              cd: CompiledDictionary) -> bool:
    key = keys[h.start]
    return h.end - h.start == 1 and before.end == h.start and after.start == h.end \
        and key == cd.forms[h.ident].verb.lower() and key not in english().irregular_past \
        and not key.endswith("ed")  # a past form listed as its own entry ("massed")


def _np_reach(cd: CompiledDictionary, keys: tuple[str, ...], texts: tuple[str, ...],
              i: int) -> int:
    """Where the longest actor or role phrase starting at ``i`` ends (``i`` if none)."""
    best = 0
    for index in (cd.actor_index, cd.agent_index):
        if keys[i] in index:
            best = max(best, longest_at(index, keys, i)[0])
    for index in (cd.actor_acronym_index, cd.agent_acronym_index):
        if texts[i] in index:
            best = max(best, _acronym_at(index, texts, i)[0])
    return i + best


def find_phrases(index, keys: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """All non-overlapping longest matches of ``index``: (start, end, id)."""
    out = []
    i, n = 0, len(keys)
    while i < n:
        if keys[i] in index:
            m, ident = longest_at(index, keys, i)
            if m:
                out.append((i, i + m, ident))
                i += m
                continue
        i += 1
    return out
