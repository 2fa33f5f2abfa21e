"""Tokenizer and sentence splitter, from tables of examples."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from eventcoder.text import (_tokenize_ascii, _tokenize_unicode, phrase_keys, split_sentences,
                             tokenize)

TOKENS = [
    ("Iran's Revolutionary Guards", ["iran", "'s", "revolutionary", "guards"]),
    ("the two nations’ boundary", ["the", "two", "nations", "'", "boundary"]),
    ("Iranians' anger", ["iranians", "'", "anger"]),
    ("didn't won't can't", ["did", "n't", "wo", "n't", "ca", "n't"]),
    ("it's they're we've", ["it", "'s", "they", "'re", "we", "'ve"]),
    ("Hamas 's demands did n't", ["hamas", "'s", "demands", "did", "n't"]),
    ("the U.S. and the U.N.", ["the", "u.s.", "and", "the", "u.n."]),
    ("U.S.-backed forces", ["u.s.-backed", "forces"]),
    ("war-torn al-Qaeda", ["war-torn", "al-qaeda"]),
    ("an anti- Gondor parade", ["an", "anti-", "gondor", "parade"]),
    ("Gen. Smith and Mr. Jones", ["gen.", "smith", "and", "mr.", "jones"]),
    ("50,000 tonnes worth 11.8 million", ["50,000", "tonnes", "worth", "11.8", "million"]),
    ("the 1990s", ["the", "1990s"]),
    ("Côte d'Ivoire and O'Brien", ["cote", "d'ivoire", "and", "o'brien"]),
    ("“quoted” and ``old'' quotes", ['"', "quoted", '"', "and", '"', "old", '"', "quotes"]),
    ("yes — no – maybe", ["yes", "--", "no", "--", "maybe"]),
    ("Dol_Amroth", ["dol", "amroth"]),
    ("MÖRDOR Piñera", ["mordor", "pinera"]),
    ("", []),
]


@pytest.mark.parametrize("text,keys", TOKENS)
def test_token_keys(text, keys):
    assert list(tokenize(text).keys) == keys


@pytest.mark.parametrize("text,_", TOKENS)
def test_offsets_point_at_the_token_text(text, _):
    toks = tokenize(text)
    for t, s, e in zip(toks.texts, toks.starts, toks.ends):
        assert text[s:e] == t


def test_phrase_keys_read_underscores_as_spaces():
    assert phrase_keys("ARNOR_ PRINCE_OF_DOL AMROTH") == ("arnor", "prince", "of", "dol", "amroth")


SENTENCES = [
    ("Iran attacked Israel. The U.S. condemned it.",
     ["Iran attacked Israel.", "The U.S. condemned it."]),
    ("Mr. Smith went to the U.S. The talks ended.",
     ["Mr. Smith went to the U.S.", "The talks ended."]),
    ("He met U.S. officials. They left!", ["He met U.S. officials.", "They left!"]),
    ("Putin called U.S. President Donald Trump. U.N. Officials said so.",
     ["Putin called U.S. President Donald Trump.", "U.N. Officials said so."]),
    ('"Will it end?" he asked. No.', ['"Will it end?" he asked.', "No."]),
    ("First paragraph without a stop\n\nSecond one", ["First paragraph without a stop",
                                                       "Second one"]),
    ("No. 10 Downing Street said so.", ["No. 10 Downing Street said so."]),
    ("Prices rose 2.5 percent. Markets fell.", ["Prices rose 2.5 percent.", "Markets fell."]),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences(text, expected):
    toks = tokenize(text)
    assert [toks.span_text(i, j) for i, j in split_sentences(toks)] == expected


# --- the ASCII fast path ----------------------------------------------------------------

_PIECES = list("aAsSnNtTrRvVeElLdDmM0189.,;:'\"`-$%_/()[]!? \t\n\x0b\x1c") + [
    "http://", "HTTPS://", "Www.", "www.", "n't", "N'T", "'s", "'re", "U.S.", "Mr.", "no. 5", "No.", "--", "---",
    "``", "''", "ministers'", "3.5", "$4,000", "anti-", "al-Qaeda", "it's"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_ascii_fast_path_cuts_like_the_general_tokenizer(text):
    assert _tokenize_ascii(text) == _tokenize_unicode(text)


def test_non_ascii_text_takes_the_general_path():
    toks = tokenize("Teherán’s envoy didn’t go")
    assert toks.keys == ("teheran", "'s", "envoy", "did", "n't", "go")
