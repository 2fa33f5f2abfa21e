"""Coding on a Dask cluster (``pip install 'eventcoder[dask]'``), partition by partition.

    import dask.bag as db
    from eventcoder import Coder
    from eventcoder.dask import code_bag

    events = code_bag(db.read_text("news-*.jsonl").map(json.loads), Coder.default())
    events.to_dataframe().to_parquet("events/")

The compiled coder enters the task graph once, as a single piece of data that
every partition task depends on: each worker receives it once and keeps it for
all the partitions it codes (or pass ``client=`` to broadcast it to every worker
up front with ``Client.scatter``). Results are the same as coding the records
serially, in the same order.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .batch.parallel import RecordResult, code_record
from .batch.records import Record
from .events import FIELDS

if TYPE_CHECKING:
    from .coder import Coder

__all__ = ["code_bag", "code_dataframe", "code_results"]


def _dask() -> Any:
    try:
        import dask
        import dask.bag  # noqa: F401
    except ImportError:
        raise ImportError("eventcoder.dask needs Dask: pip install 'eventcoder[dask]'") from None
    return dask


def ship(coder: "Coder", client: Any = None) -> Any:
    """The coder as something Dask sends to each worker once: a future broadcast to
    every worker when ``client`` is given, else a delayed value in the graph."""
    if client is not None:
        return client.scatter(coder, broadcast=True, hash=False)
    return _dask().delayed(coder, traverse=False)


def _results(records: Iterable[object], coder: "Coder", dedupe: bool) -> list[RecordResult]:
    return [code_record(coder, rec, i, dedupe) for i, rec in enumerate(records)]


def _event_rows(records: Iterable[object], coder: "Coder", keep: Sequence[str],
                dedupe: bool) -> list[dict[str, Any]]:
    rows = []
    for result in _results(records, coder, dedupe):
        meta = dict(result.meta)
        for ev in result.events:
            row = ev.to_dict()
            row.update((k, meta.get(k)) for k in keep)
            rows.append(row)
    return rows


def code_results(bag: Any, coder: "Coder", *, dedupe_story: bool = False,
                 client: Any = None) -> Any:
    """A bag of ``RecordResult`` (events, or why the record was rejected), one per record.

    Records are what ``Coder.code_many`` takes: mappings with ``text`` and optional
    ``id`` and ``date``. ``RecordResult.index`` counts within a partition.
    """
    _dask()
    return bag.map_partitions(_results, ship(coder, client), dedupe_story)


def code_bag(bag: Any, coder: "Coder", *, keep: Sequence[str] = (), dedupe_story: bool = False,
             client: Any = None) -> Any:
    """A bag of event dicts (``Event.to_dict()``, plus the record fields named in ``keep``);
    rejected records give no events (see ``code_results`` to find them)."""
    _dask()
    return bag.map_partitions(_event_rows, ship(coder, client), tuple(keep), dedupe_story)


def _none_if_missing(value: Any) -> Any:
    try:
        import pandas as pd
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
    except (TypeError, ValueError):  # an array or another value pd.isna cannot judge
        return value


def _frame_partition(frame: Any, coder: "Coder", text: str, id: str | None, date: str | None,
                     keep: Sequence[str], dedupe: bool, meta: Any) -> Any:
    import pandas as pd
    n = len(frame)
    ids = frame[id] if id and id in frame else itertools.repeat(None, n)
    dates = frame[date] if date and date in frame else itertools.repeat(None, n)
    kept = list(zip(*(frame[k] for k in keep))) if keep else [()] * n
    records = []
    for t, i, d, k in zip(frame[text], ids, dates, kept):
        i, d = _none_if_missing(i), _none_if_missing(d)
        records.append(Record(_none_if_missing(t), None if i is None else str(i), d,
                              meta=tuple(zip(keep, k))))
    rows = _event_rows(records, coder, keep, dedupe)
    out = pd.DataFrame.from_records(rows, columns=list(meta.columns)) if rows else meta.iloc[:0]
    return out.astype(meta.dtypes.to_dict())


def _frame_meta(ddf: Any, keep: Sequence[str]) -> Any:
    import pandas as pd
    ints = ("sentence_index", "source_start", "source_end", "target_start", "target_end",
            "verb_start", "verb_end")
    dtypes = {name: "object" for name in FIELDS}
    dtypes.update({name: "int64" for name in ints})
    dtypes.update({"quad_class": "Int64", "goldstein": "float64", "reverse": "bool"})
    dtypes.update({k: ddf._meta[k].dtype for k in keep})
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})


def code_dataframe(ddf: Any, coder: "Coder", *, text: str = "text", id: str | None = "id",
                   date: str | None = "date", keep: Sequence[str] = (),
                   dedupe_story: bool = False, client: Any = None) -> Any:
    """A Dask DataFrame of events, one row per event with the ``FIELDS`` columns (then the
    columns named in ``keep``, copied from the record), coded partition by partition.

    ``text``, ``id`` and ``date`` name the columns to read; ``id``/``date`` may be absent.
    Rows whose text is missing or whose date cannot be read give no events.
    """
    _dask()
    keep = tuple(keep)
    meta = _frame_meta(ddf, keep)
    return ddf.map_partitions(_frame_partition, ship(coder, client), text, id, date, keep,
                              dedupe_story, meta, meta=meta, align_dataframes=False)
