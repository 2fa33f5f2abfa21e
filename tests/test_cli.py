"""The command line, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import MINI, codebook_dir
from eventcoder.cli import main

DICTS = ["-d", codebook_dir(), "-d", MINI]


def test_code_text_files_to_jsonl(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("Arnor attacked Gondor. Rohan criticized Mordor.")
    out = tmp_path / "events.jsonl"
    assert main(["code", str(a), "-o", str(out), "--date", "2020-01-05", *DICTS]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["doc_id"], r["sentence_index"], r["source"], r["code"], r["target"])
            for r in rows] == [(str(a), 0, "ARN", "190", "GON"), (str(a), 1, "ROH", "111", "MOR")]
    assert "1 document(s) coded, 0 rejected, 2 event(s)" in capsys.readouterr().err


def test_code_jsonl_records_keeps_ids_and_reports_bad_records(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "r1", "text": "Arnor attacked Gondor.", "date": "2020-01-05"}\n'
                 'not json\n'
                 '{"id": "r3", "txt": "missing text"}\n'
                 '{"id": "r4", "text": "Gondor attacked Arnor.", "date": "soon"}\n')
    code = main(["code", str(f), *DICTS])
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["doc_id"], r["source"], r["date"]) for r in rows] == [("r1", "ARN", "2020-01-05")]
    assert code == 1
    assert f"{f}:2: rejected: invalid JSON" in captured.err
    assert f"{f}:3: rejected: missing text field 'text'" in captured.err
    assert f"{f}:4: rejected: cannot read the date 'soon'" in captured.err


def test_explain(capsys):
    assert main(["explain", "Arnor", "attacked", "Gondor.", *DICTS]) == 0
    assert "ARN -190-> GON" in capsys.readouterr().out


def test_check_passes_on_a_good_folder(capsys):
    assert main(["check", codebook_dir(), MINI]) == 0
    assert "OK" in capsys.readouterr().out


def test_check_reports_every_problem_and_exits_2(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("actors:\n- code: irn\n  names: [Iran]\n- code: IRQ\n"
                                     "  nmes: [Iraq]\n")
    assert main(["check", codebook_dir(), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}/a.yaml:2:9: error:" in err and f"{tmp_path}/a.yaml:5:3: error:" in err
    assert "Traceback" not in err


def test_check_fails_with_status_1_on_a_failing_test(tmp_path, capsys):
    (tmp_path / "t.yaml").write_text("tests:\n- {text: Arnor attacked Gondor., events: []}\n")
    assert main(["check", codebook_dir(), MINI, str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "test failed" in out and "extra:    ARN 190 GON" in out


def test_missing_input_file_is_a_clean_error(capsys):
    assert main(["code", "/nonexistent/file.txt", *DICTS]) == 2
    assert "no such input file" in capsys.readouterr().err


def test_python_dash_m_runs_and_reports_usage_errors():
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "eventcoder", "explain", "Arnor attacked Gondor.",
                           *DICTS], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and "ARN -190-> GON" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "eventcoder", "bogus"], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 2


def test_check_warns_when_a_later_folder_overrides_a_name(tmp_path, capsys):
    (tmp_path / "mine.yaml").write_text(
        "actors:\n- code: MOR\n  names: [Gondor]\n"
        "agents:\n- code: MIL\n  names: [{name: police, plural: false}]\n")
    assert main(["check", "--no-tests", "--warnings", codebook_dir(), MINI,
                 str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (f"{tmp_path}/mine.yaml:2:3: warning: actor 'Gondor': name 'Gondor' overrides the "
            "actor at ") in out
    assert "(GON -> MOR)" in out
    assert "role name 'police' overrides the role at" in out and "(COP -> MIL)" in out


def test_check_warns_about_names_shadowed_by_longer_names(tmp_path, capsys):
    (tmp_path / "mine.yaml").write_text(
        "actors:\n- code: MOR\n  names: [South Gondor, South Gondor Coast]\n")
    assert main(["check", "--no-tests", "--warnings", codebook_dir(), MINI,
                 str(tmp_path)]) == 0
    out = capsys.readouterr().out
    shadowed = [line for line in out.splitlines() if "is shadowed by the longer name" in line]
    # reported once, for the smallest longer name that holds it
    assert len(shadowed) == 1
    assert "name 'gondor' (GON) is shadowed by the longer name 'south gondor' (MOR)" \
        in shadowed[0]
    assert shadowed[0].startswith(f"{MINI}/actors.yaml:")


def test_check_warnings_count_entries_that_no_test_exercises(tmp_path, capsys):
    (tmp_path / "t.yaml").write_text("tests:\n- {text: Arnor attacked Gondor., "
                                     "events: [ARN 190 GON]}\n")
    assert main(["check", "--warnings", codebook_dir(), MINI, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # ARN and GON are exercised; the other actor entries of the mini dictionary are not
    assert "of 10 actor entries are in no event of any test sentence" in out
    assert "8 of 10 actor entries" in out
