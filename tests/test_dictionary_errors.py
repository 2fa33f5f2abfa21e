"""Bad dictionaries: every problem is reported, with its file, line and column."""

from __future__ import annotations

import os

import pytest
import yaml

from conftest import DATA, codebook_dir
from eventcoder import DictionaryError
from eventcoder.dictionary import load_dictionaries

with open(os.path.join(DATA, "bad_dictionaries.yaml"), encoding="utf-8") as _h:
    CASES = yaml.safe_load(_h)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_dictionary(case, tmp_path):
    folder = tmp_path / "dicts"
    folder.mkdir()
    for name, content in case["files"].items():
        (folder / name).write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_dictionaries([codebook_dir(), str(folder)])
    errors = [p for p in info.value.problems if p.severity == "error"]
    for want in case["problems"]:
        path = f"{folder}/{want['file']}"
        found = [p for p in errors if p.location.path == path
                 and ("line" not in want or p.location.line == want["line"])
                 and ("column" not in want or p.location.column == want["column"])
                 and want["message"] in str(p)]
        assert found, f"expected {want} among:\n" + "\n".join(str(p) for p in errors)


def test_invalid_utf8_is_reported_with_its_line(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"actors:\n- code: IRN\n  names: [Ir\xe1n]\n")
    with pytest.raises(DictionaryError) as info:
        load_dictionaries([str(tmp_path)])
    (p,) = [p for p in info.value.problems if p.severity == "error"]
    assert p.location.line == 3 and "not valid UTF-8 (byte 0xe1)" in p.message


def test_missing_folder(tmp_path):
    with pytest.raises(DictionaryError, match="no such dictionary folder"):
        load_dictionaries([str(tmp_path / "nope")])


def test_the_error_message_lists_problems_with_locations(tmp_path):
    (tmp_path / "a.yaml").write_text("actors:\n- code: irn\n  names: [Iran]\n")
    with pytest.raises(DictionaryError) as info:
        load_dictionaries([str(tmp_path)])
    assert f"{tmp_path}/a.yaml:2:9: error: actor 'Iran': 'irn' is not an actor code" \
        in str(info.value)
