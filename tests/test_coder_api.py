"""The Python API: inputs, outputs, options, and what an Event carries."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from conftest import MINI, codebook_dir, triples
from eventcoder import FIELDS, Coder, CoderOptions, DictionaryError, Event, InputError


def test_event_fields(mini_coder):
    text = "Arnorian soldiers attacked Gondor."
    (ev,) = mini_coder.code_sentence(text, date="2020-01-05", doc_id="d1")
    assert isinstance(ev, Event)
    assert (ev.source, ev.code, ev.target) == ("ARNMIL", "190", "GON")
    assert ev.code_name and ev.root == "19" and ev.quad_class == 4 and ev.goldstein == -10.0
    assert ev.date == "2020-01-05" and ev.doc_id == "d1" and ev.sentence_index == 0
    assert text[ev.source_start:ev.source_end] == ev.source_text == "Arnorian soldiers"
    assert text[ev.target_start:ev.target_end] == ev.target_text == "Gondor"
    assert text[ev.verb_start:ev.verb_end] == ev.verb_text == "attacked"
    assert ev.source_entry.startswith(f"{MINI}/actors.yaml:")
    assert ev.source_agent_entries and ev.source_agent_entries[0].startswith(f"{MINI}/actors.yaml:")
    assert ev.pattern == "" and ev.pattern_entry.startswith(f"{MINI}/verbs.yaml:")


def test_to_dict_is_flat_and_json_ready(mini_coder):
    (ev,) = mini_coder.code_sentence("Mordor struck Gondor with missiles.")
    d = ev.to_dict()
    assert tuple(d) == FIELDS
    assert all(v is None or isinstance(v, (str, int, float, bool)) for v in d.values())
    json.dumps(d)
    assert d["pattern"] == "* + with &weapon" and d["code"] == "195"


def test_document_sentence_index_and_offsets(mini_coder):
    text = "Arnor attacked Gondor. Then Rohan criticized Mordor."
    doc = mini_coder.analyze_document(text, doc_id="x")
    assert [s.index for s in doc.sentences] == [0, 1]
    second = doc.sentences[1]
    assert text[second.start:].startswith("Then Rohan")
    (ev,) = second.events
    assert ev.sentence_index == 1 and second.text[ev.source_start:ev.source_end] == "Rohan"


def test_dateline_is_removed(mini_coder):
    assert triples(mini_coder.code_document("GONDOR, March 3 (Wire) - Arnor attacked Mordor.")) \
        == ["ARN 190 MOR"]


@pytest.mark.parametrize("date", ["2003-05-01", "20030501", "2003/05/01",
                                  "2003-05-01T10:00:00Z", dt.date(2003, 5, 1),
                                  dt.datetime(2003, 5, 1, 12, 0)])
def test_date_forms(mini_coder, date):
    (ev,) = mini_coder.code_sentence("Aragorn criticized Gondor.", date=date)
    assert ev.source == "ARNGOV" and ev.date == "2003-05-01"


@pytest.mark.parametrize("bad", ["yesterday", "2003-02-30", "05/01/2003", 20030501])
def test_bad_dates_raise_input_error(mini_coder, bad):
    with pytest.raises(InputError):
        mini_coder.code_sentence("Arnor attacked Gondor.", date=bad)


@pytest.mark.parametrize("bad", [None, 42, b"Arnor attacked Gondor", ["x"]])
def test_text_must_be_a_string(mini_coder, bad):
    with pytest.raises(TypeError):
        mini_coder.code_document(bad)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "\x00\x01"])
def test_empty_or_junk_text_gives_no_events(mini_coder, text):
    assert mini_coder.code_document(text) == []
    assert mini_coder.code_sentence(text) == []


def test_text_over_the_limit_raises(mini_coder):
    small = mini_coder.with_options(max_text_chars=100)
    with pytest.raises(InputError, match="over the limit of 100"):
        small.code_document("Arnor attacked Gondor. " * 10)


def test_overlong_sentence_is_set_aside_with_a_reason(mini_coder):
    c = mini_coder.with_options(max_sentence_tokens=10)
    res = c.analyze_sentence("Arnor attacked Gondor " + "and Rohan " * 10)
    assert res.events == () and "over the limit of 10" in res.skipped


def test_with_options_changes_behaviour_without_recompiling(mini_coder):
    loose = mini_coder.with_options(require_dyad=False)
    assert loose.compiled is mini_coder.compiled
    assert triples(loose.code_sentence("Arnor attacked.")) == ["ARN 190 ---"]
    assert mini_coder.code_sentence("Arnor attacked.") == []


def test_invalid_option_is_rejected():
    with pytest.raises(ValueError, match="comma_max"):
        CoderOptions(comma_max=-1)


def test_coder_pickles_and_codes_the_same(mini_coder):
    clone = pickle.loads(pickle.dumps(mini_coder))
    text = "The ambassadors of Arnor and Rohan criticized Mordor."
    assert [e.to_dict() for e in clone.code_document(text)] == \
        [e.to_dict() for e in mini_coder.code_document(text)]


def test_two_coders_with_different_dictionaries_coexist(mini_coder, tmp_path):
    (tmp_path / "extra.yaml").write_text("actors:\n- code: MOR\n  names: [Arnor]\n")
    other = Coder.from_dictionaries([codebook_dir(), MINI, str(tmp_path)])
    assert triples(other.code_sentence("Arnor attacked Gondor.")) == ["MOR 190 GON"]
    assert triples(mini_coder.code_sentence("Arnor attacked Gondor.")) == ["ARN 190 GON"]


def test_later_folders_take_precedence_for_patterns(tmp_path):
    (tmp_path / "more.yaml").write_text(
        "verbs:\n- family: ATTACK\n  patterns:\n  - {pattern: '* + with missiles', code: '1951'}\n")
    c = Coder.from_dictionaries([codebook_dir(), MINI, str(tmp_path)])
    assert triples(c.code_sentence("Mordor struck Gondor with missiles.")) == ["MOR 1951 GON"]
    assert triples(c.code_sentence("Mordor struck Gondor.")) == ["MOR 190 GON"]


def test_dictionary_error_carries_all_problems(tmp_path):
    (tmp_path / "a.yaml").write_text("actors:\n- code: bad\n  names: [X]\n- nmes: [Y]\n")
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries([str(tmp_path)])
    assert len([p for p in info.value.problems if p.severity == "error"]) >= 2


def test_explain_shows_the_steps(mini_coder):
    text = mini_coder.explain("Arnor said Gondor attacked Mordor with rockets.", "2020-01-01")
    for piece in ("Dictionary phrases", "actor 'Gondor' -> GON", "Clauses", "report:",
                  "Patterns tried", "'* + with &weapon' [195] -> MATCH", "GON -195-> MOR"):
        assert piece in text


def test_explain_of_a_discarded_story(mini_coder):
    assert "story discard: 'Champions League'" in mini_coder.explain(
        "Arnor beat Gondor in the Champions League.")


def test_issues_are_counted(mini_coder):
    (ev,) = mini_coder.code_sentence("Arnor attacked Gondor over the dam on the river.")
    assert ev.issues == (("WATER", 2),) and ev.to_dict()["issues"] == "WATER 2"


def test_dictionary_tests_run(mini_coder, tmp_path):
    (tmp_path / "t.yaml").write_text(
        "tests:\n- {text: Arnor attacked Gondor., events: [ARN 190 GON]}\n"
        "- {text: Arnor attacked Gondor., events: [ARN 190 MOR]}\n")
    c = Coder.from_dictionaries([codebook_dir(), MINI, str(tmp_path)])
    outcomes = c.run_tests()
    assert [o.passed for o in outcomes] == [True, False]
    assert outcomes[1].got == ("ARN 190 GON",)
