"""Checkpoints: how far a run has got, so that ``--resume`` can continue it.

After every ``checkpoint_every`` records, the run makes its output and rejects
durable (flush + fsync) and then atomically replaces ``OUTPUT.checkpoint`` with:
the number of input records whose results are in the output, each writer's
state (a byte offset, or a count of Parquet parts), the running totals, and a
fingerprint of the inputs and settings. A resumed run checks the fingerprint,
cuts the partial files back to the checkpoint (dropping anything written after
it), skips the committed records and goes on. Records are committed only in
input order, so nothing is lost and nothing is written twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any, Iterable, Mapping

import attrs

from ..errors import EventCoderError
from .readers import STDIN, InputFile
from .writers import fsync_dir

VERSION = 1


@attrs.define
class Totals:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0


@attrs.frozen
class Checkpoint:
    fingerprint: str
    records: int  # input records committed
    output: Any  # the event writer's state
    rejects: Any  # the rejects writer's state
    totals: Totals


def checkpoint_path(output: str) -> str:
    return output + ".checkpoint"


def fingerprint(inputs: Iterable[InputFile], settings: Mapping[str, Any]) -> str:
    """A digest of what decides the output: each input's path, size and modification
    time, and the settings (not the number of workers, which changes nothing)."""
    described: list[list[object]] = []
    for item in inputs:
        if item.path == STDIN:
            described.append([STDIN, item.format])
        else:
            st = os.stat(item.path)
            described.append([os.path.abspath(item.path), item.format, st.st_size,
                              st.st_mtime_ns])
    data = json.dumps({"version": VERSION, "inputs": described, "settings": dict(settings)},
                      sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def load(output: str) -> Checkpoint | None:
    path = checkpoint_path(output)
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return Checkpoint(data["fingerprint"], int(data["records"]), data["output"],
                          data["rejects"], Totals(**data["totals"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise EventCoderError(f"cannot resume: {path} is unreadable ({exc}); run again "
                              f"without --resume") from None


def save(output: str, checkpoint: Checkpoint) -> None:
    """Replace the checkpoint atomically: a kill leaves the old one or the new one."""
    path = checkpoint_path(output)
    tmp = path + ".tmp"
    data = {"version": VERSION, "fingerprint": checkpoint.fingerprint,
            "records": checkpoint.records, "output": checkpoint.output,
            "rejects": checkpoint.rejects, "totals": attrs.asdict(checkpoint.totals)}
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path)


def remove(output: str) -> None:
    for path in (checkpoint_path(output), checkpoint_path(output) + ".tmp"):
        if os.path.exists(path):
            os.remove(path)
