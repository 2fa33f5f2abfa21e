"""``eventcoder code`` end to end: formats in and out, rejects, summary, exit status."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from conftest import DATA, MINI, codebook_dir
from eventcoder.batch.progress import Progress
from eventcoder.cli import main
from eventcoder.events import FIELDS

BATCH = os.path.join(DATA, "batch")
DICTS = ["-d", codebook_dir(), "-d", MINI, "--workers", "1"]


def data(name: str) -> str:
    return os.path.join(BATCH, name)


def jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def triples(rows) -> list[tuple]:
    return [(r["doc_id"], r["sentence_index"], r["source"], r["code"], r["target"]) for r in rows]


def test_jsonl_in_jsonl_out_with_kept_fields_and_timestamp_dates(tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    assert main(["code", data("records.jsonl"), "-o", str(out), "--keep", "outlet,paper=outlet",
                 *DICTS]) == 0
    rows = jsonl(out)
    assert triples(rows) == [("j1", 0, "ARN", "190", "GON"), ("j1", 1, "ROH", "111", "MOR"),
                             ("j3", 0, "GON", "1312", "MOR")]
    assert list(rows[0]) == [*FIELDS, "outlet", "paper"]
    assert rows[2]["date"] == "2020-01-07" and rows[2]["paper"] == "Minas Tirith Times"
    assert not (tmp_path / "events.jsonl.rejects.jsonl").exists()
    assert sorted(os.listdir(tmp_path)) == ["events.jsonl"]  # no partial or checkpoint left
    err = capsys.readouterr().err
    assert ("3 record(s) read: 3 document(s) coded, 0 rejected, 3 event(s) written from "
            "4 sentence(s)") in err


def test_every_bad_record_is_in_the_rejects_file_and_the_exit_status_is_1(tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    assert main(["code", data("broken.jsonl"), "-o", str(out), *DICTS]) == 1
    rejects = jsonl(str(out) + ".rejects.jsonl")
    assert [(r["line"], r["id"]) for r in rejects] == [
        (2, None), (3, "b3"), (4, "b4"), (5, None), (6, "b6"), (7, "b7"), (8, None)]
    assert all(r["file"] == data("broken.jsonl") for r in rejects)
    assert rejects[2]["reason"].startswith("cannot read the date 'the fifth of May'")
    assert rejects[2]["record"] == ('{"id": "b4", "text": "Rohan criticized Mordor.", '
                                    '"date": "the fifth of May"}')
    assert [r["doc_id"] for r in jsonl(out)] == ["b1", "b9"]
    err = capsys.readouterr().err
    assert "9 record(s) read: 2 document(s) coded, 7 rejected" in err
    assert f"rejects in {out}.rejects.jsonl" in err


def test_an_over_long_text_is_rejected_not_fatal(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "long", "text": "Arnor attacked Gondor. Rohan criticized Mordor."}\n'
                   '{"id": "short", "text": "Arnor attacked Gondor."}\n')
    out, rejects = tmp_path / "e.jsonl", tmp_path / "bad.jsonl"
    assert main(["code", str(src), "-o", str(out), "--rejects", str(rejects),
                 "--max-chars", "30", *DICTS]) == 1
    assert [r["doc_id"] for r in jsonl(out)] == ["short"]
    [bad] = jsonl(rejects)
    assert bad["id"] == "long" and "over the limit of 30" in bad["reason"]
    assert json.loads(bad["record"])["text"].startswith("Arnor attacked")


def test_csv_in_csv_out_with_field_mapping(tmp_path):
    out = tmp_path / "events.csv"
    code = main(["code", data("records.csv"), "-o", str(out), "--text-field", "body",
                 "--id-field", "story", "--date-field", "published", "--keep", "section",
                 *DICTS])
    assert code == 1  # the short row
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [*FIELDS, "section"]
    assert [(r["doc_id"], r["sentence_index"], r["code"], r["section"]) for r in rows] == [
        ("c1", "0", "190", "world"), ("c2", "0", "111", "world"), ("c2", "1", "190", "world"),
        ("c4", "0", "040", "region")]
    [bad] = jsonl(str(out) + ".rejects.jsonl")
    assert (bad["line"], bad["record"]) == (5, "c3,only two fields")


def test_tsv_text_lines_folder_and_gzip_inputs_to_tsv(tmp_path):
    out = tmp_path / "events.tsv.gz"
    assert main(["code", data("records.tsv"), data("folder"), "-o", str(out), *DICTS]) == 0
    import gzip
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [r["doc_id"] for r in rows] == ["t1", "t2", "f1", "f2", "f3"]
    out = tmp_path / "lines.jsonl"
    assert main(["code", data("lines.txt"), "--lines", "--date", "2020-01-05", "-o", str(out),
                 *DICTS]) == 0
    assert [(r["doc_id"].rsplit(os.sep, 1)[1], r["date"]) for r in jsonl(out)] == [
        ("lines.txt:1", "2020-01-05"), ("lines.txt:3", "2020-01-05")]


def test_parquet_out_and_back_in(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    out = tmp_path / "events.parquet"
    assert main(["code", data("records.jsonl"), "-o", str(out), "--keep", "outlet",
                 *DICTS]) == 0
    table = pq.read_table(out)
    assert table.column_names == [*FIELDS, "outlet"]
    assert table.schema.field("goldstein").type == "double"
    rows = table.to_pylist()
    assert triples(rows)[0] == ("j1", 0, "ARN", "190", "GON")
    assert sorted(os.listdir(tmp_path)) == ["events.parquet"]
    again = tmp_path / "again.jsonl"  # a Parquet file of records is an input too
    assert main(["code", str(out), "--text-field", "source_text", "--id-field", "doc_id",
                 "-o", str(again), *DICTS]) == 0


def test_table_format_to_stdout_and_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Arnor attacked Gondor.")))
    assert main(["code", "--format", "table", "--date", "2020-01-05", *DICTS]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<stdin>#0") and "ARN        190   GON" in out


def test_dedupe_story_and_max_sentences(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "s", "date": "2020-01-05", "text":
                               "Arnor attacked Gondor. Arnor attacked Gondor. Rohan criticized "
                               "Mordor."}) + "\n")
    out = tmp_path / "e.jsonl"
    assert main(["code", str(src), "-o", str(out), *DICTS]) == 0
    assert len(jsonl(out)) == 3
    assert main(["code", str(src), "-o", str(out), "--dedupe-story", *DICTS]) == 0
    assert [(r["sentence_index"], r["code"]) for r in jsonl(out)] == [(0, "190"), (2, "111")]
    assert main(["code", str(src), "-o", str(out), "--max-sentences", "1", *DICTS]) == 0
    assert [r["sentence_index"] for r in jsonl(out)] == [0]


@pytest.mark.parametrize("argv, message", [
    (["-o", "x.parquet.gz"], "Parquet output is compressed already"),
    (["--format", "parquet"], "Parquet output needs a file"),
    (["--resume"], "--resume needs an output file"),
    (["--keep", "date"], "'date' is already an event column"),
    (["--date", "yesterday"], "cannot read the date 'yesterday'"),
])
def test_bad_options_exit_2_with_a_message(argv, message, capsys, tmp_path):
    argv = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    assert main(["code", data("records.jsonl"), *argv, *DICTS]) == 2
    assert message in capsys.readouterr().err


def test_a_rerun_replaces_the_output_and_removes_stale_rejects(tmp_path):
    out = tmp_path / "e.jsonl"
    assert main(["code", data("broken.jsonl"), "-o", str(out), *DICTS]) == 1
    assert (tmp_path / "e.jsonl.rejects.jsonl").exists()
    assert main(["code", data("records.jsonl"), "-o", str(out), *DICTS]) == 0
    assert sorted(os.listdir(tmp_path)) == ["e.jsonl"]


def test_progress_line_shows_counts_rate_and_eta():
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, total_bytes=1000, interval=0.0, clock=lambda: now[0])
    progress.update(0, 0, 0, 0)
    now[0] = 10.0
    progress.update(120, 1000, 50, 250)
    line = stream.getvalue().rsplit("\r", 1)[1]
    assert line == ("120 docs  1,000 sentences  50 events  100 sentences/s  25%  "
                    "ETA 0:00:30  0:00:10")
    progress.close()
    assert stream.getvalue().endswith("\r")
    silent = Progress(None)
    silent.update(1, 2, 3, 4)  # no stream: nothing to do, no error
