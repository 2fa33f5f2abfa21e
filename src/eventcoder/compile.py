"""Compile validated dictionaries into lookup tables for the coder.

The result is plain tuples and dicts, immutable by convention, picklable, and
independent of the YAML: a ``Coder`` ships it to worker processes once.
Phrases are indexed by their first token key, longest phrase first, so the
scanner needs one dict lookup per token.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

import attrs

from .dictionary import Dictionary
from .english import english
from .model import ActorEntry, AgentEntry, CodeSpec, provenance
from .patterns import (COMPOUND, SKIP, SOURCE, SYNSET, TARGET, WORD, Element, format_pattern,
                       parse_pattern)
from .text import phrase_keys

# first key -> (id of the one-word phrase or -1,
#               second key -> longer phrases starting with these two keys, longest first)
PhraseIndex = Mapping[str, tuple[int, Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]]]


def _index(pairs: list[tuple[tuple[str, ...], int]]) -> dict:
    """Index phrases by their first two keys, so a lookup touches few candidates
    even for common first words ("the" starts many actor names)."""
    single: dict[str, int] = {}
    longer: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}
    for keys, ident in pairs:
        if len(keys) == 1:
            single.setdefault(keys[0], ident)
        else:
            longer.setdefault(keys[0], {}).setdefault(keys[1], []).append((keys, ident))
    out = {}
    for first in sorted(set(single) | set(longer)):
        nxt = {second: tuple(sorted(v, key=lambda kv: (-len(kv[0]), kv[0], kv[1])))
               for second, v in sorted(longer.get(first, {}).items())}
        out[first] = (single.get(first, -1), nxt)
    return out


@attrs.frozen
class CompiledActor:
    codes: tuple[str, ...]  # default; () = null
    periods: tuple[tuple[int, int, tuple[str, ...]], ...]  # (start ordinal, end ordinal, codes)
    loc: str
    label: str

    def codes_on(self, day: int | None) -> tuple[str, ...]:
        if day is None or not self.periods:
            return self.codes
        for start, end, codes in self.periods:  # sorted narrowest first
            if start <= day <= end:
                return codes
        return self.codes


@attrs.frozen
class CompiledAgent:
    code: str
    prefix: bool
    loc: str


@attrs.frozen
class CompiledForm:
    family: int
    code: CodeSpec | None  # a verb's own code
    loc: str
    verb: str
    ing: bool  # an -ing form
    participle: bool  # a form that can follow a be-verb in the passive


@attrs.frozen
class CompiledPattern:
    text: str
    upper: tuple[Element, ...]  # reversed: nearest the verb first
    lower: tuple[Element, ...]
    verb_adjacent_before: bool
    verb_adjacent_after: bool
    code: CodeSpec
    words: frozenset[str]  # literal words that must occur in the sentence
    synsets: tuple[str, ...]
    has_source: bool
    has_target: bool
    has_compound: bool
    loc: str
    negation_words: frozenset[str]
    rank: tuple[int, int, int] = (0, 0, 0)  # (elements, words, synsets): ties compete


@attrs.frozen
class CompiledFamily:
    name: str
    code: CodeSpec
    patterns: tuple[CompiledPattern, ...]  # most specific first
    loc: str
    # patterns that can only match when one of these words is in the sentence
    # (pattern positions by word); `unindexed` lists the others
    index: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)
    unindexed: tuple[int, ...] = ()

    def candidates(self, words: frozenset[str]) -> list[int]:
        """Positions of the patterns worth trying on a sentence with these words."""
        index = self.index
        found = list(self.unindexed)
        for key in index.keys() & words:
            found.extend(index[key])
        found.sort()
        return found


@attrs.frozen
class CodeInfo:
    name: str
    root: str
    quad_class: int | None
    goldstein: float | None


@attrs.frozen
class CompiledDictionary:
    actors: tuple[CompiledActor, ...]
    agents: tuple[CompiledAgent, ...]
    forms: tuple[CompiledForm, ...]
    families: tuple[CompiledFamily, ...]
    actor_index: PhraseIndex
    actor_acronym_index: PhraseIndex
    agent_index: PhraseIndex
    agent_acronym_index: PhraseIndex
    verb_index: PhraseIndex
    synsets: Mapping[str, tuple[tuple[str, ...], ...]]  # longest first
    sentence_discards: PhraseIndex
    story_discards: PhraseIndex
    discard_phrases: tuple[str, ...]
    issue_index: PhraseIndex
    issue_codes: tuple[str, ...]
    codes: Mapping[str, CodeInfo]
    names: tuple[str, ...]  # the layers, for messages
    families_by_name: Mapping[str, int]
    # the first keys (and first exact texts) of every actor, agent and verb phrase:
    # a token outside both cannot start a phrase
    first_keys: frozenset[str] = frozenset()
    first_texts: frozenset[str] = frozenset()
    synset_first: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    # synset -> first key -> phrases (longest first), and the same by last key
    synset_by_first: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]] = \
        attrs.field(factory=dict)
    synset_by_last: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]] = \
        attrs.field(factory=dict)
    # one word of each discard phrase (its longest): without any of them in a
    # sentence, no discard phrase can match; and the first words of issue phrases
    discard_keys: frozenset[str] = frozenset()
    issue_first: frozenset[str] = frozenset()


def _ordinal(day: dt.date | None, default: int) -> int:
    return day.toordinal() if day else default


def _compile_actor(entry: ActorEntry) -> CompiledActor:
    periods = sorted(
        ((_ordinal(p.start, -10**7), _ordinal(p.end, 10**7), p.codes, i)
         for i, p in enumerate(entry.periods)),
        key=lambda t: (t[1] - t[0], t[3]),
    )
    return CompiledActor(entry.codes, tuple((s, e, c) for s, e, c, _ in periods),
                         provenance(entry.loc, entry.origin), entry.label)


_NEGATIONS = frozenset({"not", "n't", "never"})


def _compile_pattern(text: str, code: CodeSpec, loc: str,
                     synsets: Mapping[str, tuple[tuple[str, ...], ...]]) -> CompiledPattern:
    parsed = parse_pattern(text)
    kinds = {e.kind for e in parsed.elements}
    words = frozenset(e.value for e in parsed.elements if e.kind == WORD)
    neg = {w for w in words if w in _NEGATIONS}
    for name in parsed.synsets:
        for phrase in synsets.get(name, ()):
            neg.update(k for k in phrase if k in _NEGATIONS)
    elems = parsed.elements
    rank = (len(elems), sum(1 for e in elems if e.kind == WORD), len(parsed.synsets))
    return CompiledPattern(
        rank=rank,
        text=format_pattern(parsed),
        upper=tuple(reversed(parsed.upper)),
        lower=parsed.lower,
        verb_adjacent_before=parsed.verb_adjacent_before,
        verb_adjacent_after=parsed.verb_adjacent_after,
        code=code,
        words=words,
        synsets=parsed.synsets,
        has_source=SOURCE in kinds,
        has_target=TARGET in kinds,
        has_compound=COMPOUND in kinds,
        loc=loc,
        negation_words=frozenset(neg),
    )


def _pattern_order(p: CompiledPattern, synsets: Mapping[str, tuple]) -> tuple:
    """Most elements first; then most words; then most synsets (a synset says more
    than an actor slot); then the smallest synsets (&military-aid before &aid);
    then the text."""
    elems = p.upper + p.lower
    n_words = sum(1 for e in elems if e.kind == WORD)
    breadth = sum(len(synsets.get(name, ())) for name in p.synsets)
    return (-len(elems), -n_words, -len(p.synsets), breadth, p.text, str(p.code))


def _by_key(phrases: tuple[tuple[str, ...], ...], at: int
            ) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first (``at=0``) or last (``at=-1``) key, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        out.setdefault(ph[at], []).append(ph)
    return {k: tuple(sorted(v, key=lambda p: (-len(p), p))) for k, v in sorted(out.items())}


def _pattern_index(patterns: list[CompiledPattern], synsets: Mapping[str, tuple]
                   ) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Index patterns by a word they need: their longest literal word (long words
    are rare), else the first words of their first synset's phrases."""
    by_word: dict[str, list[int]] = {}
    unindexed: list[int] = []
    for i, p in enumerate(patterns):
        if p.words:
            keys = {max(sorted(p.words), key=len)}
        elif p.synsets:
            keys = {phrase[0] for phrase in synsets.get(p.synsets[0], ())}
        else:
            keys = set()
        if not keys:
            unindexed.append(i)
        for k in keys:
            by_word.setdefault(k, []).append(i)
    return {k: tuple(v) for k, v in sorted(by_word.items())}, tuple(unindexed)


def compile_dictionary(d: Dictionary) -> CompiledDictionary:
    """Build the lookup tables. ``d`` is already validated."""
    # actors: one compiled entry per dictionary entry, shared by its names
    actor_ids: dict[int, int] = {}
    actors: list[CompiledActor] = []

    def actor_id(entry: ActorEntry) -> int:
        key = id(entry)
        if key not in actor_ids:
            actor_ids[key] = len(actors)
            actors.append(_compile_actor(entry))
        return actor_ids[key]

    actor_pairs = [(k, actor_id(e)) for k, e in sorted(d.actor_names.items(),
                                                       key=lambda kv: (kv[1].loc, kv[0]))]
    acronym_pairs = [(k, actor_id(e)) for k, e in sorted(d.actor_acronyms.items(),
                                                         key=lambda kv: (kv[1].loc, kv[0]))]

    agent_ids: dict[int, int] = {}
    agents: list[CompiledAgent] = []

    def agent_id(entry: AgentEntry) -> int:
        key = id(entry)
        if key not in agent_ids:
            agent_ids[key] = len(agents)
            agents.append(CompiledAgent(entry.code, entry.position == "prefix",
                                        provenance(entry.loc, entry.origin)))
        return agent_ids[key]

    agent_pairs = [(k, agent_id(e)) for k, e in sorted(d.agent_names.items(),
                                                       key=lambda kv: (kv[1].loc, kv[0]))]
    agent_acr_pairs = [(k, agent_id(e)) for k, e in sorted(d.agent_acronyms.items(),
                                                           key=lambda kv: (kv[1].loc, kv[0]))]

    # verb families and their patterns
    family_names = sorted(d.families)
    families_by_name = {name: i for i, name in enumerate(family_names)}
    families = []
    for name in family_names:
        fam = d.families[name]
        pats = sorted((_compile_pattern(p.text, p.code, provenance(p.loc, p.origin), d.synsets)
                       for p in fam.patterns), key=lambda p: _pattern_order(p, d.synsets))
        index, unindexed = _pattern_index(pats, d.synsets)
        families.append(CompiledFamily(name, fam.code, tuple(pats),
                                       provenance(fam.loc, fam.origin), index, unindexed))

    forms: list[CompiledForm] = []
    verb_pairs = []
    for keys, (fam_name, verb) in sorted(d.verb_forms.items()):
        idx = verb.inflected_index
        head = keys[min(idx, len(keys) - 1)] if len(keys) == len(verb.words) else keys[-1]
        base = verb.words[idx].lower() if idx < len(verb.words) else ""
        ing = head.endswith("ing") and not base.endswith("ing")
        participle = head != base and not ing and not head.endswith("s")
        forms.append(CompiledForm(families_by_name[fam_name], verb.code,
                                  provenance(verb.loc, verb.origin),
                                  verb.verb.replace("+", ""), ing, participle))
        verb_pairs.append((keys, len(forms) - 1))

    discard_s = [(phrase_keys(x.phrase), i) for i, x in enumerate(d.discards)
                 if x.scope == "sentence"]
    discard_t = [(phrase_keys(x.phrase), i) for i, x in enumerate(d.discards)
                 if x.scope == "story"]
    issue_codes = tuple(sorted(d.issues))
    issue_pairs = [(keys, i) for i, code in enumerate(issue_codes) for keys in d.issues[code]]

    codes = {c: CodeInfo(e.name, e.root, e.quad_class, e.goldstein)
             for c, e in sorted(d.codes.items())}
    return CompiledDictionary(
        actors=tuple(actors),
        agents=tuple(agents),
        forms=tuple(forms),
        families=tuple(families),
        actor_index=_index(actor_pairs),
        actor_acronym_index=_index(acronym_pairs),
        agent_index=_index(agent_pairs),
        agent_acronym_index=_index(agent_acr_pairs),
        verb_index=_index(verb_pairs),
        synsets=dict(d.synsets),
        sentence_discards=_index([p for p in discard_s if p[0]]),
        story_discards=_index([p for p in discard_t if p[0]]),
        discard_phrases=tuple(x.phrase for x in d.discards),
        issue_index=_index(issue_pairs),
        issue_codes=issue_codes,
        codes=codes,
        names=d.names,
        families_by_name=families_by_name,
        first_keys=frozenset(p[0][0] for pairs in (actor_pairs, agent_pairs, verb_pairs)
                             for p in pairs),
        first_texts=frozenset(p[0][0] for pairs in (acronym_pairs, agent_acr_pairs)
                              for p in pairs),
        synset_first={name: frozenset(ph[0] for ph in phrases)
                      for name, phrases in d.synsets.items()},
        synset_by_first={name: _by_key(phrases, 0) for name, phrases in d.synsets.items()},
        synset_by_last={name: _by_key(phrases, -1) for name, phrases in d.synsets.items()},
        discard_keys=frozenset(_filter_word(k) for k, _ in discard_s + discard_t if k),
        issue_first=frozenset(k[0] for k, _ in issue_pairs),
    )


def _filter_word(keys: tuple[str, ...]) -> str:
    """The word of a phrase least likely to occur by chance: its longest word that is
    not a function word ("survived" in "is survived by")."""
    function_words = english().function_words
    content = [k for k in keys if k not in function_words]
    return max(content or keys, key=len)


def longest_at(index: PhraseIndex, keys: tuple[str, ...], i: int) -> tuple[int, int]:
    """The longest phrase of ``index`` starting at token ``i``: (length, id) or (0, -1)."""
    entry = index.get(keys[i])
    if entry is None:
        return 0, -1
    single, longer = entry
    if longer and i + 1 < len(keys):
        cands = longer.get(keys[i + 1])
        if cands:
            n = len(keys)
            for phrase, ident in cands:
                m = len(phrase)
                if i + m <= n and (m == 2 or keys[i:i + m] == phrase):
                    return m, ident
    if single >= 0:
        return 1, single
    return 0, -1


__all__ = ["CompiledDictionary", "compile_dictionary", "longest_at", "SKIP", "SYNSET",
           "TARGET", "SOURCE", "COMPOUND", "WORD"]
