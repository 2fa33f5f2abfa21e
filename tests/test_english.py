"""English inflection rules used to generate verb forms and plurals."""

from __future__ import annotations

import pytest

from eventcoder.english import noun_plural, phrase_plural, verb_forms

VERBS = [
    ("attack", {"attack", "attacks", "attacked", "attacking"}),
    ("threaten", {"threatens", "threatened", "threatening"}),
    ("deploy", {"deploys", "deployed", "deploying"}),
    ("carry", {"carries", "carried", "carrying"}),
    ("approach", {"approaches", "approached"}),
    ("veto", {"vetoes", "vetoed", "vetoing"}),
    ("ban", {"bans", "banned", "banning"}),
    ("visit", {"visits", "visited", "visiting"}),
    ("deplore", {"deplores", "deplored", "deploring"}),
    ("agree", {"agrees", "agreed", "agreeing"}),
    ("die", {"dies", "died", "dying"}),
    ("panic", {"panics", "panicked", "panicking"}),
    ("depart", {"departs", "departed", "departing"}),
]


@pytest.mark.parametrize("base,must", VERBS)
def test_verb_forms_include(base, must):
    assert must <= set(verb_forms(base))


@pytest.mark.parametrize("base,never", [("depart", "departes"), ("depart", "departx"),
                                        ("deplore", "deploreed"), ("agree", "agreeed")])
def test_verb_forms_exclude(base, never):
    assert never not in verb_forms(base)


@pytest.mark.parametrize("word,plural", [
    ("official", "officials"), ("militia", "militias"), ("authority", "authorities"),
    ("coach", "coaches"), ("boss", "bosses"), ("day", "days"), ("spokesman", "spokesmen"),
    ("policeman", "policemen"), ("human", "humans"), ("German", "Germans"), ("wife", "wives"),
])
def test_noun_plural(word, plural):
    assert noun_plural(word) == plural


def test_phrase_plural_changes_the_last_word():
    assert phrase_plural("foreign minister") == "foreign ministers"
