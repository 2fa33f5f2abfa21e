"""Golden cases: data files of {text, date, events}, run by one parametrized test."""

from __future__ import annotations

import os

import pytest
import yaml

from conftest import HERE, triples

GOLDEN = os.path.join(HERE, "golden")


def _cases(name: str):
    with open(os.path.join(GOLDEN, name), encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)["cases"]
    return [pytest.param(c, id=f"{i:02d}-{c['note'][:50]}") for i, c in enumerate(cases)]


@pytest.mark.parametrize("case", _cases("engine.yaml"))
def test_engine_rules(case, mini_coder):
    date = str(case["date"]) if case.get("date") else None
    coder = mini_coder.with_options(**case["options"]) if case.get("options") else mini_coder
    assert triples(coder.code_document(case["text"], date)) == sorted(set(case["events"]))
