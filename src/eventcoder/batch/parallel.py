"""Coding a stream of records, serially or on worker processes, in input order.

The parallel path sends chunks of records to a process pool whose workers each
receive the compiled ``Coder`` once, through the pool initializer (so it also
works with the ``spawn`` start method). At most ``max_pending`` chunks are in
flight, and results come back in submission order: memory stays flat for any
input size and the output is the same, event for event, as a serial run.
"""

from __future__ import annotations

import collections
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

import attrs

from ..errors import InputError
from ..events import Event
from .records import Meta, Record, Reject, as_record, raw_of

if TYPE_CHECKING:
    from ..coder import Coder

logger = logging.getLogger(__name__)

DEFAULT_CHUNK = 64


@attrs.frozen
class RecordResult:
    """What became of one input record: its events, or why it was rejected."""

    index: int  # 0-based position in the input
    id: str | None
    file: str = ""
    line: int = 0
    events: tuple[Event, ...] = ()
    sentences: int = 0
    rejected: str = ""  # the reason; empty when the record was coded
    raw: str = ""  # the record, truncated, when it was rejected
    meta: Meta = ()
    rendered: bytes = b""  # the events as output, when a renderer was given
    # how many events; equal to len(events) except in results from worker
    # processes that rendered them, which leave the events behind
    n_events: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def source(self) -> str:
        """``file:line``, or ``record N`` (1-based) for records from Python."""
        return f"{self.file}:{self.line}" if self.file else f"record {self.index + 1}"


def dedupe_story(events: Iterable[Event]) -> tuple[Event, ...]:
    """The first event of each (date, source, target, code) in a story."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for ev in events:
        key = (ev.date, ev.source, ev.target, ev.code)
        if key not in seen:
            seen.add(key)
            kept.append(ev)
    return tuple(kept)


Render = Callable[[RecordResult], bytes]


def code_record(coder: "Coder", item: object, index: int, dedupe: bool = False,
                render: Render | None = None) -> RecordResult:
    """Code one record; a bad record gives a rejected result, never an exception.
    ``render`` turns the result's events into output bytes (``rendered``)."""
    rec = as_record(item)
    if isinstance(rec, Reject):
        return RecordResult(index, rec.id, rec.file, rec.line, rejected=rec.reason, raw=rec.raw)
    try:
        doc = coder.analyze_document(rec.text, rec.date, rec.id)  # type: ignore[arg-type]
    except (InputError, TypeError) as exc:
        reason = str(exc)
    except Exception as exc:  # noqa: BLE001 - one odd text must not stop a corpus run
        logger.debug("coding %s failed", rec.id, exc_info=True)  # the reason is reported
        reason = f"internal error: {type(exc).__name__}: {exc}"
    else:
        events = dedupe_story(doc.events) if dedupe else doc.events
        result = RecordResult(index, rec.id, rec.file, rec.line, events, len(doc.sentences),
                              meta=rec.meta, n_events=len(events))
        if render is not None and events:
            result = attrs.evolve(result, rendered=render(result))
        return result
    return RecordResult(index, rec.id, rec.file, rec.line, rejected=reason, raw=raw_of(rec))


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def code_records(coder: "Coder", records: Iterable[object], *, workers: int | None = 1,
                 chunk_size: int = DEFAULT_CHUNK, max_pending: int | None = None,
                 dedupe: bool = False, render: Render | None = None,
                 start_method: str = "spawn") -> Iterator[RecordResult]:
    """One ``RecordResult`` per record, in input order, whatever ``workers`` is.

    ``workers`` None or 0 means all CPUs. Records are ``Record``s, mappings with
    ``id``/``text``/``date``, objects with those attributes, or strings of text.
    ``render`` (picklable) formats each result's events where they are coded, so
    that with many workers the calling process only has to write bytes.
    """
    workers = workers or default_workers()
    if workers < 1 or chunk_size < 1:
        raise ValueError("workers and chunk_size must be positive")
    chunks = _chunks(records, chunk_size)
    head = list(itertools.islice(chunks, 2))
    if workers == 1 or len(head) < 2:  # a pool is not worth starting for one chunk
        for start, chunk in itertools.chain(head, chunks):
            for offset, item in enumerate(chunk):
                yield code_record(coder, item, start + offset, dedupe, render)
        return
    # the coder is pickled once here, not once per worker process
    setup = (pickle.dumps(coder, protocol=pickle.HIGHEST_PROTOCOL), dedupe, render)
    yield from _code_pool(itertools.chain(head, chunks), workers, max_pending or 2 * workers,
                          setup, start_method)


def code_many(coder: "Coder", records: Iterable[object], *, workers: int | None = 1,
              chunk_size: int = DEFAULT_CHUNK, dedupe: bool = False) -> Iterator[Event]:
    """The events of all records, in record then sentence order; rejected records are
    logged (warning) and skipped."""
    for result in code_records(coder, records, workers=workers, chunk_size=chunk_size,
                               dedupe=dedupe):
        if result.rejected:
            logger.warning("%s rejected: %s", result.source, result.rejected)
        yield from result.events


def _chunks(records: Iterable[object], size: int) -> Iterator[tuple[int, list[object]]]:
    it = map(_portable, records)
    start = 0
    while chunk := list(itertools.islice(it, size)):
        yield start, chunk
        start += len(chunk)


def _portable(item: object) -> object:
    """Records as they are if they pickle cheaply, else as a ``Record`` (an ORM row or
    a class of the caller's ``__main__`` need not be picklable)."""
    if isinstance(item, (Record, Reject, str, dict)):
        return item
    return as_record(item)


def _code_pool(chunks: Iterator[tuple[int, list[object]]], workers: int,
               max_pending: int, setup: tuple[Any, ...],
               start_method: str) -> Iterator[RecordResult]:
    context = multiprocessing.get_context(start_method)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=setup)
    pending: collections.deque[Future[list[RecordResult]]] = collections.deque()
    try:
        for start, chunk in chunks:
            pending.append(pool.submit(_code_chunk, start, chunk))
            while len(pending) >= max_pending:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


# A worker process codes with one coder for its whole life; the initializer puts it
# here once, so that tasks carry only records. This is the worker's state, not the
# parent's: nothing in the calling process reads or writes it.
_WORKER: dict[str, Any] = {}


def _init_worker(coder_pickle: bytes, dedupe: bool, render: Render | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    parent = multiprocessing.parent_process()
    if parent is not None:  # a killed parent must not leave its workers behind
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    _WORKER["coder"] = pickle.loads(coder_pickle)  # our own pickle, from the parent
    _WORKER["dedupe"] = dedupe
    _WORKER["render"] = render


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _code_chunk(start: int, chunk: Sequence[object]) -> list[RecordResult]:
    coder, dedupe, render = _WORKER["coder"], _WORKER["dedupe"], _WORKER["render"]
    results = [code_record(coder, item, start + i, dedupe, render)
               for i, item in enumerate(chunk)]
    # rendered events travel back as bytes only: pickling Event objects to the
    # parent would cost more than coding them
    return [attrs.evolve(r, events=()) if r.rendered else r for r in results]


__all__ = ["RecordResult", "Record", "code_many", "code_records", "code_record",
           "dedupe_story", "default_workers"]
