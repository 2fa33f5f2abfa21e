"""Tokenizer and sentence splitter, from tables of examples."""

from __future__ import annotations

import pytest

from eventcoder.text import phrase_keys, split_sentences, tokenize

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
