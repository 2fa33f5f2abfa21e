"""Expand dictionary entries into the word sequences the coder looks for."""

from __future__ import annotations

from .english import phrase_plural, verb_forms
from .model import AgentName, VerbEntry
from .text import phrase_keys


def verb_phrases(verb: VerbEntry) -> list[tuple[str, ...]]:
    """Every form of a verb as token keys: ``wire +tap`` -> (wire, tap), (wire, tapped), ..."""
    words = verb.words
    idx = verb.inflected_index
    out: dict[tuple[str, ...], None] = {}

    def add(text: str) -> None:
        keys = phrase_keys(text)
        if keys:
            out.setdefault(keys, None)

    add(" ".join(words))
    if verb.regular:
        head = words[idx].lower()
        for form in verb_forms(head):
            add(" ".join(words[:idx] + (form,) + words[idx + 1:]))
    for form in verb.forms:
        add(form.replace("+", ""))
    return list(out)


def agent_phrases(name: AgentName) -> list[str]:
    """A role name and its plurals, as phrases."""
    phrases = [name.name]
    if name.plurals is None:
        phrases.append(phrase_plural(name.name))
    else:
        phrases.extend(name.plurals)
    seen: dict[str, None] = {}
    for p in phrases:
        seen.setdefault(p, None)
    return list(seen)


def synset_phrases(phrase: str, plural: bool) -> list[str]:
    if plural and not phrase.startswith("&"):
        return [phrase, phrase_plural(phrase)]
    return [phrase]
