"""Reading records: every input format, field mapping, and every kind of bad record."""

from __future__ import annotations

import gzip
import io
import os

import pytest

from conftest import DATA
from eventcoder.batch.readers import Cursor, find_inputs, input_format, read_inputs
from eventcoder.batch.records import FieldMap, Record, Reject, as_record
from eventcoder.errors import EventCoderError

BATCH = os.path.join(DATA, "batch")


def read(name: str, fields: FieldMap = FieldMap(), **kw) -> list[Record | Reject]:
    return list(read_inputs(find_inputs([os.path.join(BATCH, name)], **kw), fields))


def brief(items) -> list[tuple]:
    return [(type(x).__name__, x.line, x.id, x.reason if isinstance(x, Reject) else x.date)
            for x in items]


@pytest.mark.parametrize("path, expected", [
    ("a.jsonl", ("jsonl", False)), ("a.ndjson.gz", ("jsonl", True)), ("a.CSV", ("csv", False)),
    ("a.tsv.gz", ("tsv", True)), ("a.parquet", ("parquet", False)), ("a.txt", ("txt", False)),
    ("notes", ("txt", False)),
])
def test_format_from_suffix(path, expected):
    assert input_format(path) == expected


def test_jsonl_records_map_id_text_date_and_kept_fields():
    fields = FieldMap(keep=(("outlet", "outlet"),))
    items = read("records.jsonl", fields)
    assert brief(items) == [("Record", 1, "j1", "2020-01-05"), ("Record", 2, "j2", "20200106"),
                            ("Record", 3, "j3", "2020-01-07T09:30:00Z")]
    assert items[0].meta == (("outlet", "Fornost Herald"),)
    assert items[0].file.endswith("records.jsonl")


def test_every_kind_of_bad_jsonl_record_is_rejected_with_its_line():
    items = read("broken.jsonl")
    assert brief(items) == [
        ("Record", 1, "b1", "2020-01-05"),
        ("Reject", 2, None, "invalid JSON: Expecting property name enclosed in double quotes "
                            "(character 48)"),
        ("Reject", 3, "b3", "missing text field 'text'"),
        ("Reject", 4, "b4", "cannot read the date 'the fifth of May'; write it as YYYY-MM-DD"),
        ("Reject", 5, None, "a record must be a JSON object, not list"),
        ("Reject", 6, "b6", "text field 'text' is int, not text"),
        ("Reject", 7, "b7", "'2020-02-30' is not a valid date: day is out of range for month"),
        ("Reject", 8, None, "not valid UTF-8 (byte 0xff at offset 42)"),
        ("Record", 9, "b9", "2020-01-09"),
    ]
    assert items[2].raw == '{"id": "b3", "body": "Rohan criticized Mordor."}'


def test_csv_with_mapped_columns_multiline_fields_and_a_short_row():
    fields = FieldMap(text="body", id="story", date="published", keep=(("section", "section"),))
    items = read("records.csv", fields)
    assert brief(items) == [("Record", 2, "c1", "2020-01-05"), ("Record", 3, "c2", "20200106"),
                            ("Reject", 5, None, "the row has 2 fields, the header 4"),
                            ("Record", 6, "c4", "2020-01-08")]
    assert items[1].text == "Rohan criticized Mordor.\nGondor attacked Mordor."
    assert items[3].meta == (("section", "region"),)


def test_a_stray_quote_in_csv_rejects_its_row_and_keeps_the_rows_after_it(tmp_path):
    f = tmp_path / "quotes.csv"
    f.write_text('id,text,date\n1,"Arnor attacked Gondor.",2020-01-02\n'
                 '2,"an unterminated quote\n3,"Rohan met Dale.",20200105\n'
                 '4,"a ""quoted"" word\nover two lines",2020-01-06\n5,plain,2020-01-07\n')
    items = list(read_inputs(find_inputs([str(f)]), FieldMap()))
    assert brief(items) == [
        ("Record", 2, "1", "2020-01-02"),
        ("Reject", 3, None, "unreadable row (lines 3-4 set aside): ',' expected after '\"'"),
        ("Record", 5, "4", "2020-01-06"),
        ("Record", 7, "5", "2020-01-07"),
    ]
    assert items[2].text == 'a "quoted" word\nover two lines'


def test_csv_without_the_text_column_is_one_clear_reject():
    items = read("records.csv")
    assert len(items) == 1 and "no column 'text' in the header" in items[0].reason


def test_tsv_text_and_lines():
    assert brief(read("records.tsv")) == [("Record", 2, "t1", "2020-01-05"),
                                          ("Record", 3, "t2", "2020-01-06")]
    story = read("story.txt", FieldMap(default_date="2020-03-01"))
    assert [(r.id, r.date, r.text) for r in story] == [
        (story[0].file, "2020-03-01", "Arnor attacked Gondor. Rohan criticized Mordor.\n")]
    lines = read("lines.txt", lines=True)
    assert [(r.line, r.text) for r in lines] == [(1, "Arnor attacked Gondor."),
                                                 (3, "Rohan criticized Mordor."),
                                                 (4, "The river was high.")]
    assert lines[0].id.endswith("lines.txt:1")


def test_folders_are_walked_in_order_and_globs_expand():
    found = find_inputs([os.path.join(BATCH, "folder")])
    names = [os.path.relpath(f.path, BATCH) for f in found]
    assert names == ["folder/a.jsonl", "folder/nested/b.csv", "folder/nested/c.jsonl.gz"]
    assert [r.id for r in read_inputs(found, FieldMap())] == ["f1", "f2", "f3"]
    globbed = find_inputs([os.path.join(BATCH, "folder", "**", "*.gz")])
    assert [f.format for f in globbed] == ["jsonl"] and globbed[0].gzip


def test_missing_inputs_are_errors_and_the_output_is_never_read():
    with pytest.raises(EventCoderError, match="no such input file"):
        find_inputs(["/nonexistent/x.jsonl"])
    with pytest.raises(EventCoderError, match="no input file matches"):
        find_inputs([os.path.join(BATCH, "*.nothing")])
    own = os.path.join(BATCH, "folder", "a.jsonl")
    assert own not in [f.path for f in find_inputs([os.path.join(BATCH, "folder")],
                                                   exclude=[own])]


def test_a_truncated_gzip_file_keeps_what_was_read_and_rejects_the_rest(tmp_path):
    data = gzip.compress(b"".join(b'{"id": "g%d", "text": "Arnor attacked Gondor."}\n' % i
                                  for i in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs(find_inputs([str(path)]), FieldMap()))
    assert isinstance(items[-1], Reject) and "cannot read the rest" in items[-1].reason
    assert all(isinstance(x, Record) for x in items[:-1]) and items[0].id == "g0"


def test_stdin_is_sniffed_jsonl_gzip_or_text(monkeypatch):
    def from_stdin(data: bytes) -> list:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
        return list(read_inputs(find_inputs(["-"]), FieldMap()))

    jsonl = b'{"id": "s1", "text": "Arnor attacked Gondor."}\n'
    assert [r.id for r in from_stdin(jsonl)] == ["s1"]
    assert [r.id for r in from_stdin(gzip.compress(jsonl))] == ["s1"]
    assert [r.text for r in from_stdin(b"Rohan criticized Mordor.")] == ["Rohan criticized Mordor."]


def test_parquet_rows_are_records(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Arnor attacked Gondor.", None],
                             "date": ["2020-01-05", "2020-01-06"], "n": [1, 2]}), path)
    cursor = Cursor()
    items = list(read_inputs(find_inputs([str(path)]), FieldMap(keep=(("n", "n"),)), cursor))
    assert brief(items) == [("Record", 1, "p1", "2020-01-05"),
                            ("Reject", 2, "p2", "missing text field 'text'")]
    assert items[0].meta == (("n", 1),) and cursor.done == os.path.getsize(path)


@pytest.mark.parametrize("item, expected", [
    ({"id": 7, "text": "t", "date": "2020-01-05", "x": 1},
     Record("t", "7", "2020-01-05", meta=(("x", 1),))),
    ({"doc_id": "a", "text": "t"}, Record("t", "a")),
    ("just text", Record("just text")),
])
def test_library_records(item, expected):
    assert as_record(item) == expected


def test_library_record_without_text_is_a_reject():
    assert as_record({"id": "x"}).reason == "missing text field 'text'"
    assert "has no attribute 'text'" in as_record(object()).reason
