"""The cache of compiled dictionaries: same results, invalidated by any change."""

from __future__ import annotations

import os
import shutil

from conftest import MINI, codebook_dir
from eventcoder import Coder
from eventcoder.cache import cache_key


def _copy(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    return str(folder)


def test_cached_coder_codes_the_same(tmp_path):
    folder = _copy(tmp_path)
    cache = str(tmp_path / "cache")
    first = Coder.from_dictionaries([codebook_dir(), folder], cache=cache)
    assert len(os.listdir(cache)) == 1
    second = Coder.from_dictionaries([codebook_dir(), folder], cache=cache)
    text = "The ambassadors of Arnor and Rohan criticized Mordor. Aragorn visited Dale."
    assert [e.to_dict() for e in first.code_document(text, "2003-01-01")] == \
        [e.to_dict() for e in second.code_document(text, "2003-01-01")]
    assert second.tests == first.tests


def test_any_edit_changes_the_key(tmp_path):
    folder = _copy(tmp_path)
    key = cache_key([folder], [folder])
    with open(os.path.join(folder, "erebor.yaml"), "w", encoding="utf-8") as h:
        h.write("actors:\n- {code: ERE, names: [Erebor]}\n")
    assert cache_key([folder], [folder]) != key
    cache = str(tmp_path / "cache")
    coder = Coder.from_dictionaries([codebook_dir(), folder], cache=cache)
    assert [e.source for e in coder.code_sentence("Erebor attacked Gondor.")] == ["ERE"]
    (tmp_path / "mini" / "extra.yaml").write_text("actors:\n- {code: ESG, names: [Esgaroth]}\n")
    assert [e.source for e in Coder.from_dictionaries([codebook_dir(), folder], cache=cache)
            .code_sentence("Esgaroth attacked Gondor.")] == ["ESG"]


def test_the_shown_names_are_part_of_the_key(tmp_path):
    folder = _copy(tmp_path)
    assert cache_key([folder], ["a"]) != cache_key([folder], ["b"])


def test_a_broken_cache_file_is_ignored(tmp_path):
    folder = _copy(tmp_path)
    cache = tmp_path / "cache"
    Coder.from_dictionaries([codebook_dir(), folder], cache=str(cache))
    (entry,) = cache.iterdir()
    entry.write_bytes(b"not a pickle")
    coder = Coder.from_dictionaries([codebook_dir(), folder], cache=str(cache))
    assert [e.code for e in coder.code_sentence("Arnor attacked Gondor.")] == ["190"]
