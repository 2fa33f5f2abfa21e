"""Golden cases for the bundled dictionaries (tests/golden/bundled.yaml)."""

from __future__ import annotations

import pytest

from conftest import triples
from test_golden import _cases


@pytest.mark.parametrize("case", _cases("bundled.yaml"))
def test_bundled_dictionaries(case, bundled_coder):
    date = str(case["date"]) if case.get("date") else None
    got = triples(bundled_coder.code_document(case["text"], date))
    if "events" in case:
        assert got == sorted(set(case["events"]))
    for pattern in case.get("contains", []):
        assert any(_like(g, pattern) for g in got), f"no event like {pattern!r} in {got}"
    for pattern in case.get("absent", []):
        assert not any(_like(g, pattern) for g in got), f"unexpected {pattern!r} in {got}"


def _like(event: str, pattern: str) -> bool:
    """'IRN* 13* USA' matches 'IRNMIL 138 USA': a trailing * is a prefix match, and
    'a|b' accepts either."""
    return all(any(_part(have, w) for w in want.split("|"))
               for have, want in zip(event.split(), pattern.split()))


def _part(have: str, want: str) -> bool:
    return have.startswith(want[:-1]) if want.endswith("*") else have == want
