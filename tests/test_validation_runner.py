"""The validation runner on a small record file of our own."""

from __future__ import annotations

import json
import os

from conftest import DATA, MINI, codebook_dir
from eventcoder.cli import main
from eventcoder.validation import read_records, run_file

RECORDS = os.path.join(DATA, "validation", "mini_records.xml")


def test_records_and_options_are_read():
    records = {r.ident: r for r in read_records(RECORDS)}
    assert records["ONE"].text == "Arnor attacked Gondor."
    assert records["ONE"].expected == {("ARN", "GON", "190")}
    assert dict(records["NODYAD"].options) == {"require_dyad": False}
    assert dict(records["DYAD"].options) == {"require_dyad": True}
    assert records["DYAD"].unsupported == ("write_actor_root=true",)
    assert records["STORY"].is_story and not records["ONE"].is_story


def test_outcomes(mini_coder):
    outcomes = {o.record.ident: o for o in run_file(mini_coder, RECORDS)}
    assert {k for k, o in outcomes.items() if not o.passed} == {"WRONG"}
    assert outcomes["DISCARD"].discarded.startswith("sentence discard")


def test_cli_report_and_exit_status(capsys):
    assert main(["validate", RECORDS, "-d", codebook_dir(), "-d", MINI]) == 1
    out = capsys.readouterr().out
    assert "FAIL WRONG [BASIC]" in out and "expected: GON ARN 190" in out
    assert out.strip().splitlines()[-1] == "6 of 7 records exactly right (85.7%)"
    assert main(["validate", RECORDS, "--json", "-d", codebook_dir(), "-d", MINI]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["passed"] == 6 and report["total"] == 7
    assert {c["category"] for c in report["categories"]} == {"BASIC", "OPTIONS", "ERRORS"}
