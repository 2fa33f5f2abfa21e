"""Closed-class English word lists (read from ``data/english.yaml``) and inflection rules."""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from .yamlio import YMap, YSeq, load_yaml_text


@attrs.frozen
class English:
    determiners: frozenset[str]
    prepositions: frozenset[str]
    agent_links: frozenset[str]
    conjunctions: frozenset[str]
    clause_conjunctions: frozenset[str]
    subordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    be_forms: frozenset[str]
    have_forms: frozenset[str]
    do_forms: frozenset[str]
    modals: frozenset[str]
    negations: frozenset[str]
    verb_chain_words: frozenset[str]
    abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    irregular_past: frozenset[str]
    former_words: frozenset[str]
    stative_participles: frozenset[str]
    participant_prepositions: frozenset[str]
    facility_nouns: frozenset[str]
    adjective_roles: frozenset[str]
    plain_adjective_roles: frozenset[str]

    auxiliaries: frozenset[str] = attrs.field(init=False)
    function_words: frozenset[str] = attrs.field(init=False)
    # word -> class used by mentions.classify (one lookup per token)
    word_class: dict[str, str] = attrs.field(init=False)
    # auxiliaries and "to": a role word after them is read as a verb ("to police")
    verb_openers: frozenset[str] = attrs.field(init=False)
    # word -> the clause boundary it may mark, used by clauses.segments
    boundary_class: dict[str, str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        aux = self.be_forms | self.have_forms | self.do_forms | self.modals
        object.__setattr__(self, "auxiliaries", aux)
        object.__setattr__(self, "verb_openers", aux | {"to"})
        function_words = (self.determiners | self.prepositions | self.conjunctions
                          | self.clause_conjunctions | self.subordinators
                          | self.relative_pronouns | self.subject_pronouns | aux
                          | self.negations)
        object.__setattr__(self, "function_words", function_words)
        classes = {w: "FUNC" for w in function_words}
        classes.update({w: "LINK" for w in self.agent_links})
        classes.update({w: "DET" for w in self.determiners})
        classes.update({w: "CONJ" for w in self.conjunctions})
        classes.update({"'s": "POS", "'": "POS", ",": "COMMA"})
        object.__setattr__(self, "word_class", classes)
        # in order of precedence: a word in two lists takes the first
        boundary: dict[str, str] = {";": "hard", "--": "hard", ":": "colon", "that": "that"}
        for cls, words in (("rel", self.relative_pronouns), ("sub", self.subordinators),
                           ("conj", self.conjunctions | self.clause_conjunctions)):
            for w in sorted(words):
                boundary.setdefault(w, cls)
        boundary.setdefault(",", "comma")
        object.__setattr__(self, "boundary_class", boundary)


@functools.lru_cache(maxsize=1)
def english() -> English:
    """The word lists; read once, immutable afterwards."""
    text = resources.files("eventcoder").joinpath("data/english.yaml").read_text("utf-8")
    # the strict loader keeps "no", "on" and "off" as words (YAML 1.1 would make them booleans)
    tree, problems = load_yaml_text(text, "data/english.yaml")
    if problems or not isinstance(tree, YMap):
        raise RuntimeError(f"data/english.yaml is broken: {problems}")
    lists = {k.text: v for k, v in tree.items}
    fields = {f.name for f in attrs.fields(English) if f.init}
    return English(**{k: frozenset(item.text.lower() for item in _seq(lists[k]))
                      for k in fields})


def _seq(node) -> tuple:
    assert isinstance(node, YSeq)
    return node.items


# --- inflection ----------------------------------------------------------------

_VOWELS = set("aeiou")


def _ends_cvc(word: str) -> bool:
    """Consonant-vowel-consonant ending, where English may double the consonant."""
    if len(word) < 3:
        return False
    a, b, c = word[-3], word[-2], word[-1]
    return (a not in _VOWELS and b in _VOWELS and c not in _VOWELS
            and c not in "wxy" and a.isalpha() and c.isalpha())


def verb_forms(base: str) -> tuple[str, ...]:
    """Regular forms of a one-word verb: base, -s, -ed, -ing (several spellings if unsure).

    >>> verb_forms("ban")
    ('ban', 'bans', 'banned', 'baned', 'banning', 'baning')
    """
    w = base
    forms = [w]
    # third person singular
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.append(w + "es")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms.append(w[:-1] + "ies")
    else:
        forms.append(w + "s")
    # past / participle and -ing
    if w.endswith("ie"):
        forms += [w + "d", w[:-2] + "ying"]
    elif w.endswith("ee") or w.endswith("ye") or w.endswith("oe"):
        forms += [w + "d", w + "ing"]
    elif w.endswith("e"):
        forms += [w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms += [w[:-1] + "ied", w + "ing"]
    elif w.endswith("c"):
        forms += [w + "ked", w + "ed", w + "king", w + "ing"]
    elif _ends_cvc(w):
        # "ban" -> "banned", but "visit" -> "visited": generate both; the
        # spelling that is not English never occurs in text.
        forms += [w + w[-1] + "ed", w + "ed", w + w[-1] + "ing", w + "ing"]
    else:
        forms += [w + "ed", w + "ing"]
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(f, None)
    return tuple(seen)


def noun_plural(word: str) -> str:
    """English plural of one noun: official -> officials, militia -> militias, ..."""
    w = word
    lower = w.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if lower.endswith("y") and len(w) > 1 and lower[-2] not in _VOWELS:
        return w[:-1] + "ies"
    if lower.endswith("man") and not lower.endswith(("human", "german", "ottoman", "roman")):
        return w[:-3] + ("men" if w[-3:].islower() else "MEN")
    if lower.endswith("fe"):
        return w[:-2] + "ves"
    return w + "s"


def phrase_plural(phrase: str) -> str:
    """Plural of a phrase: the last word is pluralised (``foreign minister`` -> ``foreign ministers``)."""
    words = phrase.split(" ")
    words[-1] = noun_plural(words[-1])
    return " ".join(words)
