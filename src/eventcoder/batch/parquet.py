"""Parquet input and output, with the optional ``pyarrow`` (``pip install eventcoder[parquet]``).

Parquet cannot be appended to or cut back, so the output is written as one part
file per checkpoint in ``OUTPUT.parts/``; at the end the parts are merged, in
order, into ``OUTPUT.partial``, which is renamed to ``OUTPUT``. A resumed run
deletes the parts after its checkpoint and carries on numbering.
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any, Iterator, Sequence

from ..errors import EventCoderError
from ..events import FIELDS
from .parallel import RecordResult
from .readers import Cursor
from .records import FieldMap, Record, Reject
from .writers import PARTIAL, fsync_dir

_INTS = ("sentence_index", "source_start", "source_end", "target_start", "target_end",
         "verb_start", "verb_end", "quad_class")
ROW_GROUP = 131_072


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise EventCoderError("Parquet needs pyarrow: pip install 'eventcoder[parquet]'") from None
    return pyarrow


def read_parquet(path: str, fields: FieldMap, cursor: Cursor,
                 base: int) -> Iterator[Record | Reject]:
    """The rows of a Parquet file, a batch at a time; the row number is the "line"."""
    pa = _pyarrow()
    try:
        handle = pa.parquet.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        yield Reject(f"not a readable Parquet file: {exc}", path)
        return
    names = handle.schema_arrow.names
    if fields.text not in names:
        yield Reject(f"no column {fields.text!r} (columns: {', '.join(names)}); choose one "
                     f"with --text-field", path)
        return
    size, total = os.path.getsize(path), max(1, handle.metadata.num_rows)
    row = 0
    columns = [name for name in fields.wanted if name in names]
    for batch in handle.iter_batches(batch_size=1024, columns=columns):
        for obj in batch.to_pylist():
            row += 1
            yield fields.record(obj, path, row)
        cursor.done = base + size * row // total


def schema(keep: Sequence[str] = ()) -> Any:
    """The Arrow schema of the events: ``FIELDS`` typed, pass-through fields as text."""
    pa = _pyarrow()
    types = {"goldstein": pa.float64(), "reverse": pa.bool_()}
    types.update({name: pa.int64() for name in _INTS})
    return pa.schema([(name, types.get(name, pa.string())) for name in FIELDS]
                     + [(name, pa.string()) for name in keep])


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


class ParquetEventWriter:
    renderer = None  # rows are built here, from the events

    def __init__(self, path: str, keep: Sequence[str] = (), state: Any = None):
        self.pa = _pyarrow()
        self.path, self.keep, self.schema = path, tuple(keep), schema(keep)
        self.parts_dir = path + ".parts"
        self.rows: list[dict[str, Any]] = []
        if state is None:
            shutil.rmtree(self.parts_dir, ignore_errors=True)
            os.makedirs(self.parts_dir)
            self.parts = 0
        else:
            self.parts = int(state["parts"])
            if not os.path.isdir(self.parts_dir):
                raise EventCoderError(f"cannot resume: {self.parts_dir} is missing; run again "
                                      f"without --resume")
            for name in os.listdir(self.parts_dir):  # written after the checkpoint
                if not name.startswith("part-") or int(name[5:11]) >= self.parts:
                    os.remove(os.path.join(self.parts_dir, name))
            if len(os.listdir(self.parts_dir)) != self.parts:
                raise EventCoderError(f"cannot resume: parts are missing in {self.parts_dir}; "
                                      f"run again without --resume")

    def write(self, result: RecordResult) -> None:
        meta = dict(result.meta)
        for ev in result.events:
            row = ev.to_dict()
            row.update((k, _text(meta.get(k))) for k in self.keep)
            self.rows.append(row)

    def _part(self, index: int) -> str:
        return os.path.join(self.parts_dir, f"part-{index:06d}.parquet")

    def commit(self) -> dict[str, int]:
        if self.rows:
            table = self.pa.Table.from_pylist(self.rows, schema=self.schema)
            tmp = self._part(self.parts) + ".tmp"
            self.pa.parquet.write_table(table, tmp)
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, self._part(self.parts))
            fsync_dir(tmp)
            self.parts += 1
            self.rows = []
        return {"parts": self.parts}

    def finish(self) -> None:
        self.commit()
        pq = self.pa.parquet
        partial = self.path + PARTIAL
        with pq.ParquetWriter(partial, self.schema) as writer:
            tables, rows = [], 0
            for index in range(self.parts):
                table = pq.read_table(self._part(index), schema=self.schema)
                tables.append(table)
                rows += table.num_rows
                if rows >= ROW_GROUP:
                    writer.write_table(self.pa.concat_tables(tables), row_group_size=ROW_GROUP)
                    tables, rows = [], 0
            if tables or not self.parts:
                writer.write_table(self.pa.concat_tables(tables) if tables
                                   else self.schema.empty_table())
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, self.path)
        fsync_dir(self.path)
        shutil.rmtree(self.parts_dir, ignore_errors=True)

    def close(self) -> None:
        self.rows = []  # not committed: a resumed run codes these records again
