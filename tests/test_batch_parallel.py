"""Parallel coding: the same events, in the same order, as serial coding."""

from __future__ import annotations

import itertools
import json
import os
import sys

from conftest import MINI, codebook_dir
from eventcoder.batch.parallel import RecordResult, code_records, dedupe_story
from eventcoder.cli import main

TEXTS = ["Arnor attacked Gondor. Rohan criticized Mordor.", "The river was high in Dale.",
         "Gondor threatened Mordor with sanctions. Dale met Rohan in Fornost.",
         "Rohan did not attack Mordor.", "Mordor was attacked by the Orc Legion."]


def records(n: int) -> list[dict]:
    out = []
    for i in range(n):
        rec = {"id": f"r{i}", "text": TEXTS[i % len(TEXTS)], "date": f"2020-01-{1 + i % 28:02d}"}
        if i % 37 == 5:
            rec["date"] = "not a date"
        if i % 53 == 7:
            del rec["text"]
        out.append(rec)
    return out


def test_code_many_in_parallel_equals_serial(mini_coder):
    recs = records(300)
    serial = [e.to_dict() for rec in recs if "text" in rec and rec["date"] != "not a date"
              for e in mini_coder.code_document(rec["text"], rec["date"], rec["id"])]
    assert [e.to_dict() for e in mini_coder.code_many(recs)] == serial
    parallel = mini_coder.code_many(iter(recs), workers=2, chunk_size=7)
    assert [e.to_dict() for e in parallel] == serial


def test_record_results_keep_order_and_give_rejection_reasons(mini_coder):
    results = list(code_records(mini_coder, records(60), workers=2, chunk_size=4))
    assert [r.index for r in results] == list(range(60))
    assert [r.id for r in results] == [f"r{i}" for i in range(60)]
    bad = {r.index: r.rejected for r in results if not r.ok}
    assert bad == {5: "cannot read the date 'not a date'; write it as YYYY-MM-DD",
                   7: "missing text field 'text'",
                   42: "cannot read the date 'not a date'; write it as YYYY-MM-DD"}
    assert results[7].source == "record 8" and results[5].raw.startswith('{"id": "r5"')
    assert sum(r.sentences for r in results[:5]) == 7


def test_only_a_bounded_window_of_input_is_read_ahead(mini_coder):
    pulled = itertools.count()

    def endless():
        for i in itertools.count():
            next(pulled)
            yield {"id": str(i), "text": TEXTS[i % len(TEXTS)]}

    results = code_records(mini_coder, endless(), workers=2, chunk_size=5, max_pending=3)
    first = list(itertools.islice(results, 20))
    results.close()
    assert [r.id for r in first] == [str(i) for i in range(20)]
    assert next(pulled) <= 20 + (3 + 1) * 5 + 1  # what was yielded, the window, one chunk


def test_bad_values_of_any_type_are_rejected_not_raised(mini_coder):
    class Story:
        def __init__(self, text):
            self.id, self.text, self.date = "obj", text, None

    items = [None, b"bytes", {"text": "x" * 10, "date": 20200105}, Story(7), Story("Dale.")]
    results = list(code_records(mini_coder, items))
    assert [type(r) for r in results] == [RecordResult] * 5
    assert [bool(r.rejected) for r in results] == [True, True, True, True, False]
    assert "not bytes" in results[1].rejected and "date must be text" in results[2].rejected


def test_dedupe_keeps_the_first_event_per_date_source_target_code(mini_coder):
    events = mini_coder.code_document("Arnor attacked Gondor. Rohan criticized Mordor. "
                                      "Arnor attacked Gondor.", "2020-01-05")
    assert [e.sentence_index for e in dedupe_story(events)] == [0, 1]


def test_cli_output_is_byte_identical_for_any_number_of_workers(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "w") as handle:
        for rec in records(400):
            handle.write(json.dumps(rec) + "\n")
        handle.write("{broken\n")
    outputs = {}
    for workers in ("1", "2"):
        for suffix in ("jsonl", "csv"):
            out = tmp_path / f"w{workers}.{suffix}"
            code = main(["code", str(src), "-o", str(out), "--workers", workers,
                         "--chunk-size", "9", "-d", codebook_dir(), "-d", MINI, "-q"])
            assert code == 1
            outputs[workers, suffix] = out.read_bytes()
            outputs[workers, "rejects", suffix] = (tmp_path / f"{out.name}.rejects.jsonl"
                                                   ).read_bytes()
    for key in [k for k in outputs if k[0] == "1"]:
        assert outputs[key] == outputs[("2",) + key[1:]], key
    assert outputs["1", "jsonl"].count(b"\n") > 300
    assert os.path.getsize(tmp_path / "w1.jsonl.rejects.jsonl") > 0


def test_without_dask_the_dask_module_says_what_to_install(monkeypatch, mini_coder):
    import pytest

    from eventcoder import dask as ec_dask
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(ImportError, match=r"pip install 'eventcoder\[dask\]'"):
        ec_dask.code_bag([], mini_coder)
