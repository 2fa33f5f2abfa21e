"""A cache of compiled dictionaries, so that large dictionaries load in a second.

The key is a SHA-256 of the eventcoder version and, for each folder, the name
it is shown under and the path and bytes of every YAML file: any edit, added
or removed file gives a new key, so a stale cache is never used. Entries are
written atomically (temporary file, then rename).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from typing import Sequence

from .compile import CompiledDictionary
from .dictionary import YAML_SUFFIXES, _yaml_files
from .model import TestCase

FORMAT = 7  # bump when the compiled structures change


def default_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "eventcoder")


def cache_key(paths: Sequence[str], displays: Sequence[str]) -> str:
    from . import __version__
    h = hashlib.sha256(f"eventcoder {__version__} format {FORMAT}\n".encode())
    for path, shown in zip(paths, displays):
        h.update(f"layer {shown}\n".encode())
        if os.path.isfile(path) and path.endswith(YAML_SUFFIXES):
            files = [(os.path.basename(path), path)]
        elif os.path.isdir(path):
            files = [(rel, os.path.join(path, rel)) for rel in _yaml_files(path)]
        else:
            files = []
        for rel, full in files:
            h.update(f"file {rel.replace(os.sep, '/')}\n".encode())
            with open(full, "rb") as handle:
                data = handle.read()
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
    return h.hexdigest()


def load(cache_dir: str, key: str) -> tuple[CompiledDictionary, tuple[TestCase, ...]] | None:
    path = os.path.join(cache_dir, key + ".pickle")
    try:
        with open(path, "rb") as handle:
            compiled, tests = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError,
            ImportError):
        return None
    if not isinstance(compiled, CompiledDictionary):
        return None
    return compiled, tests


def save(cache_dir: str, key: str, compiled: CompiledDictionary,
         tests: tuple[TestCase, ...]) -> None:
    """Write the entry; a cache that cannot be written is not an error."""
    try:
        os.makedirs(cache_dir, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((compiled, tests), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, os.path.join(cache_dir, key + ".pickle"))
    except OSError:
        pass
