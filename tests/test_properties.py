"""Properties that must hold for any input (Hypothesis)."""

from __future__ import annotations

import json
import multiprocessing
import os
import random

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI, codebook_dir
from eventcoder import Coder
from eventcoder.dictionary import load_layer
from eventcoder.dump import layer_data, write_layer
from eventcoder.model import NULL_LOC, DictionaryLayer

WORDS = ["Arnor", "Gondor", "Mordor", "Rohan", "Dale", "the Shire", "Aragorn", "Isildur",
         "government", "soldiers", "police", "ambassadors of", "rights group", "media",
         "attacked", "struck", "threatened to attack", "said", "said that", "did not attack",
         "was attacked by", "visited", "met", "agreed to cooperate", "heavily criticized",
         "cordoned off", "wire tapped", "broke off relations with", "with missiles",
         "and", "or", ",", ".", "'s", "after", "who", "which", "it", "in", "of", "the", "a",
         "on Monday", "(", ")", ";", "football match", "dam", "U.S.", "didn't", "—", "“", "”"]

sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
any_text = st.text(max_size=300)
dates = st.one_of(st.none(), st.dates(min_value=__import__("datetime").date(1990, 1, 1),
                                      max_value=__import__("datetime").date(2030, 12, 31)))
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def as_rows(events) -> list[dict]:
    return [e.to_dict() for e in events]


@SETTINGS
@given(text=st.one_of(sentences, any_text), date=dates)
def test_no_crash_and_deterministic(mini_coder, text, date):
    first = as_rows(mini_coder.code_document(text, date))
    assert first == as_rows(mini_coder.code_document(text, date))
    mini_coder.code_sentence(text, date)
    mini_coder.explain(text, date)


@SETTINGS
@given(text=st.one_of(sentences, any_text), date=dates)
def test_codes_exist_and_spans_lie_inside_the_sentence(mini_coder, text, date):
    doc = mini_coder.analyze_document(text, date)
    for sent in doc.sentences:
        assert text[sent.start:sent.start + len(sent.text)] == sent.text
        for ev in sent.events:
            assert ev.code in mini_coder.compiled.codes
            assert sent.text[ev.source_start:ev.source_end] == ev.source_text
            assert sent.text[ev.verb_start:ev.verb_end] == ev.verb_text
            if ev.target != "---":
                assert sent.text[ev.target_start:ev.target_end] == ev.target_text
            assert 0 <= ev.source_start < ev.source_end <= len(sent.text)


def _code_in_child(texts: list[str]) -> str:
    coder = Coder.from_dictionaries([codebook_dir(), MINI])
    return json.dumps([as_rows(coder.code_document(t, "2005-06-15")) for t in texts])


def test_same_output_in_another_process(mini_coder):
    rnd = random.Random(7)
    texts = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 25)))
             for _ in range(300)]
    here = json.dumps([as_rows(mini_coder.code_document(t, "2005-06-15")) for t in texts])
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        there = pool.apply(_code_in_child, (texts,))
    assert here == there


def _strip(value):
    """An entry without its source locations (which change when files move)."""
    if attrs.has(type(value)):
        changes = {}
        for f in attrs.fields(type(value)):
            v = getattr(value, f.name)
            if f.name == "loc":
                changes[f.name] = NULL_LOC
            elif isinstance(v, tuple):
                changes[f.name] = tuple(_strip(x) for x in v)
            elif attrs.has(type(v)):
                changes[f.name] = _strip(v)
        return attrs.evolve(value, **changes)
    return value


def _entries(layer: DictionaryLayer) -> dict:
    return {f.name: tuple(_strip(x) for x in getattr(layer, f.name))
            for f in attrs.fields(DictionaryLayer) if f.name != "name"}


@pytest.mark.parametrize("folder", [MINI, "bundled"])
def test_load_dump_load_is_the_identity(folder, tmp_path):
    if folder == "bundled":
        from eventcoder.coder import bundled_dictionaries
        folder = bundled_dictionaries()
    layer, problems = load_layer(folder)
    assert not [p for p in problems if p.severity == "error"]
    write_layer(layer, str(tmp_path))
    again, problems = load_layer(str(tmp_path))
    assert not [p for p in problems if p.severity == "error"]
    assert _entries(again) == _entries(layer)
    assert layer_data(again) == layer_data(layer)


def _shuffled_copy(seed: int, target: str) -> None:
    """The fixture dictionary with its entries shuffled and spread over several files."""
    layer, _ = load_layer(MINI)
    rnd = random.Random(seed)
    parts = [{} for _ in range(3)]
    for f in attrs.fields(DictionaryLayer):
        if f.name == "name":
            continue
        items = list(getattr(layer, f.name))
        rnd.shuffle(items)
        for item in items:
            parts[rnd.randrange(3)].setdefault(f.name, []).append(item)
    for i, part in enumerate(parts):
        sub = os.path.join(target, rnd.choice(["a", "b", "zz"]) + str(i))
        write_layer(DictionaryLayer("x", **{k: tuple(v) for k, v in part.items()}), sub)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6))
def test_entry_and_file_order_changes_nothing(mini_coder, tmp_path_factory, seed):
    target = str(tmp_path_factory.mktemp("shuffled"))
    _shuffled_copy(seed, target)
    shuffled = Coder.from_dictionaries([codebook_dir(), target])
    rnd = random.Random(seed)
    for _ in range(150):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 20)))
        want = [(e.source, e.code, e.target, e.source_text, e.target_text, e.verb_text)
                for e in mini_coder.code_document(text, "2005-06-15")]
        got = [(e.source, e.code, e.target, e.source_text, e.target_text, e.verb_text)
               for e in shuffled.code_document(text, "2005-06-15")]
        assert got == want, text
