"""Combining CAMEO actor codes with role codes."""

from __future__ import annotations

import pytest

from eventcoder.actorcodes import combine_code, state_typed, untyped


@pytest.mark.parametrize("base, prefixes, suffixes, expected", [
    ("USAGOV", [], ["GOV"], "USAGOV"),            # a role the code has is not added twice
    ("ARN", ["NGO"], ["GOVFRM"], "NGOARNGOVFRM"),  # prefixes go in front
    ("IRNELI", [], ["GOV"], "IRNGOV"),            # a title replaces ELI
    ("IRNGOV", [], ["ELI"], "IRNGOVELI"),         # ELI is added like any role
    ("IGOUNO", [], ["MIL"], "IGOUNOMIL"),
])
def test_combine_code(base, prefixes, suffixes, expected):
    assert combine_code(base, prefixes, suffixes) == expected


def test_state_typed_and_untyped():
    assert state_typed("RUSGOV") and state_typed("IRQMIL")
    assert not state_typed("LBNREB") and not state_typed("IGOUNOMIL") and not state_typed("IRN")
    assert untyped(["GOV", "MED", "MILHLH"]) == ["MED", "HLH"]
