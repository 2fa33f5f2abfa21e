"""Shared fixtures: the fixture dictionary, the bundled dictionaries, the reference data."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from eventcoder import Coder
from eventcoder.coder import bundled_dictionaries

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
MINI = os.path.join(DATA, "dicts", "mini")
REFERENCE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference", "oeda"))


# The CLI caches compiled dictionaries; keep the tests' cache out of the user's home,
# and remove it when the session ends.
_CACHE_HOME = tempfile.mkdtemp(prefix="eventcoder-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_CACHE_HOME, ignore_errors=True)


def codebook_dir() -> str:
    return os.path.join(bundled_dictionaries(), "codebook")


def need_reference() -> str:
    """The legacy reference files, or skip: a new user's checkout has no ../shared."""
    if not os.path.isdir(REFERENCE):
        pytest.skip(f"reference data not available ({REFERENCE} is absent)")
    return REFERENCE


@pytest.fixture(scope="session")
def mini_coder() -> Coder:
    return Coder.from_dictionaries([codebook_dir(), MINI])


@pytest.fixture(scope="session")
def bundled_coder() -> Coder:
    return Coder.default()


def triples(events) -> list[str]:
    return sorted({f"{e.source} {e.code} {e.target}" for e in events})
