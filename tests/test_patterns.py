"""The pattern language: parsing, canonical text, and error messages."""

from __future__ import annotations

import re

import pytest

from eventcoder.patterns import (COMPOUND, SKIP, SOURCE, SYNSET, TARGET, WORD,
                                 PatternSyntaxError, format_pattern, parse_pattern)


def test_elements_and_adjacency():
    p = parse_pattern("$ said_that + * to_attack &weapon ^")
    assert [e.kind for e in p.upper] == [SOURCE, WORD, WORD, TARGET]
    assert [e.adjacent for e in p.upper] == [False, False, True, False]
    assert [e.kind for e in p.lower] == [WORD, WORD, SYNSET, SKIP]
    assert [e.adjacent for e in p.lower] == [False, True, False, False]


def test_adjacency_to_the_verb():
    p = parse_pattern("in_*_down there")
    assert p.verb_adjacent_before and p.verb_adjacent_after


def test_a_contraction_becomes_two_adjacent_words():
    p = parse_pattern("didn't *")
    assert [(e.value, e.adjacent) for e in p.upper] == [("did", False), ("n't", True)]


@pytest.mark.parametrize("text", ["* to attack +", "$ said + *", "% * in +", "in_* &weapon",
                                  "* talks_with + ^", "NOT * AID"])
def test_format_is_canonical(text):
    p = parse_pattern(text)
    assert parse_pattern(format_pattern(p)) == p


def test_compound_slot():
    assert parse_pattern("% *").upper[0].kind == COMPOUND


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("to attack +", "no '*'"),
    ("* * +", "more than one '*'"),
    ("$ * $", "more than one '$'"),
    ("+ * +", "more than one '+'"),
    ("* off_", "'_' must join two elements"),
    ("* &", "not a synset name"),
    ("* at&t", "mixes a word"),
])
def test_errors(text, message):
    with pytest.raises(PatternSyntaxError, match=re.escape(message)):
        parse_pattern(text)
