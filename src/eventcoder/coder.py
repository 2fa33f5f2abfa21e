"""The ``Coder``: the public entry point. Holds compiled dictionaries and options only."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import attrs
import regex

from .cache import cache_key, default_cache_dir
from .cache import load as load_cache
from .cache import save as save_cache
from .coding import SentenceResult, code_tokens, find_discard
from .compile import CompiledDictionary, compile_dictionary
from .dates import parse_date
from .dictionary import load_dictionaries
from .errors import InputError
from .events import Event
from .model import TestCase
from .options import CoderOptions
from .text import split_sentences, tokenize

_DATELINE = regex.compile(
    r"""^\s*
    (?:[\p{Lu}][\p{Lu}\p{M}.'’ -]{1,40}\p{Lu})      # PLACE in capitals
    (?:,\s*[^\n,(]{1,40}?)?                        # , Country / date
    (?:\s*\([^)\n]{1,40}\))?                       # (Reuters)
    \s*(?:--|—|–|-|:)\s+""",
    regex.VERBOSE,
)


def bundled_dictionaries() -> str:
    """Path of the dictionaries shipped with eventcoder."""
    packaged = resources.files("eventcoder").joinpath("dictionaries")
    if packaged.is_dir():
        return str(packaged)
    source_tree = Path(__file__).resolve().parents[2] / "dictionaries"
    if source_tree.is_dir():
        return str(source_tree)
    raise FileNotFoundError("the bundled dictionaries are missing from this installation")


def strip_dateline(text: str) -> tuple[str, int]:
    """Remove a leading dateline ("TEHRAN, Jan 5 (Reuters) - "); return text and offset."""
    m = _DATELINE.match(text)
    if not m:
        return text, 0
    return text[m.end():], m.end()


@attrs.frozen
class DocumentResult:
    doc_id: str | None
    date: str | None
    sentences: tuple[SentenceResult, ...]
    discarded: str = ""  # a story discard

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(ev for s in self.sentences for ev in s.events)


@attrs.frozen
class TestOutcome:
    test: TestCase
    expected: tuple[str, ...]
    got: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.expected == self.got


@attrs.frozen
class Coder:
    """Codes text with one set of compiled dictionaries and options.

    Immutable and picklable: send it to worker processes, keep several with
    different dictionaries in one process.
    """

    compiled: CompiledDictionary
    options: CoderOptions = CoderOptions()
    tests: tuple[TestCase, ...] = ()

    # --- construction ----------------------------------------------------------------
    @classmethod
    def from_dictionaries(cls, paths: str | os.PathLike | Sequence[str | os.PathLike],
                          options: CoderOptions | None = None, *,
                          cache: bool | str | None = None,
                          names: Sequence[str] | None = None) -> "Coder":
        """Load, validate and compile dictionary folders; later folders take precedence.

        Raises ``DictionaryError`` listing every problem found. ``cache=True`` (or a
        folder) keeps the compiled result in a cache keyed by the files' contents,
        so the next load of unchanged dictionaries takes a fraction of the time.
        ``names`` are the folder names shown in messages and event provenance.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        paths = [os.fspath(p) for p in paths]
        shown = list(names) if names is not None else paths
        cache_dir = default_cache_dir() if cache is True else (cache or None)
        if cache_dir:
            key = cache_key(paths, shown)
            hit = load_cache(cache_dir, key)
            if hit is not None:
                return cls(hit[0], options or CoderOptions(), hit[1])
        d = load_dictionaries(paths, shown)
        compiled = compile_dictionary(d)
        if cache_dir:
            save_cache(cache_dir, key, compiled, d.tests)
        return cls(compiled, options or CoderOptions(), d.tests)

    @classmethod
    def default(cls, options: CoderOptions | None = None,
                extra: Sequence[str | os.PathLike] = (), *,
                cache: bool | str | None = None) -> "Coder":
        """The bundled dictionaries, optionally with your own folders layered on top."""
        extra = [os.fspath(p) for p in extra]
        return cls.from_dictionaries([bundled_dictionaries()] + extra, options, cache=cache,
                                     names=["dictionaries"] + extra)

    def with_options(self, **changes: object) -> "Coder":
        """The same dictionaries with some options changed (cheap: nothing is recompiled)."""
        return attrs.evolve(self, options=attrs.evolve(self.options, **changes))

    # --- coding ----------------------------------------------------------------------
    def _check_text(self, text: object) -> str:
        if isinstance(text, (bytes, bytearray)):
            raise TypeError("text must be str, not bytes; decode it first "
                            "(e.g. data.decode('utf-8'))")
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        if len(text) > self.options.max_text_chars:
            raise InputError(f"the text has {len(text):,} characters, over the limit of "
                             f"{self.options.max_text_chars:,} (option max_text_chars)")
        return text

    def code_sentence(self, text: str, date: str | dt.date | None = None,
                      doc_id: str | None = None) -> list[Event]:
        """Code ``text`` as one sentence."""
        return list(self.analyze_sentence(text, date, doc_id).events)

    def analyze_sentence(self, text: str, date: str | dt.date | None = None,
                         doc_id: str | None = None, *, trace: bool = False) -> SentenceResult:
        text = self._check_text(text)
        day = parse_date(date)
        tokens = tokenize(text)
        ident = -1 if self.compiled.discard_keys.isdisjoint(tokens.keys) else \
            find_discard(tokens.keys, self.compiled.story_discards)
        if ident >= 0:
            reason = f"story discard: {self.compiled.discard_phrases[ident]!r}"
            return SentenceResult(0, text, 0, (), discarded=reason,
                                  trace=(("decision", f"not coded: {reason}"),) if trace else ())
        return code_tokens(tokens, self.compiled, self.options, day=_ord(day),
                           date=day.isoformat() if day else None, doc_id=doc_id, index=0,
                           trace=trace)

    def code_document(self, text: str, date: str | dt.date | None = None,
                      doc_id: str | None = None) -> list[Event]:
        """Split ``text`` into sentences and code each; events in sentence order."""
        return list(self.analyze_document(text, date, doc_id).events)

    def analyze_document(self, text: str, date: str | dt.date | None = None,
                         doc_id: str | None = None, *, trace: bool = False) -> DocumentResult:
        text = self._check_text(text)
        day = parse_date(date)
        iso = day.isoformat() if day else None
        offset = 0
        body = text
        if self.options.strip_dateline:
            body, offset = strip_dateline(text)
        tokens = tokenize(body)
        ident = -1 if self.compiled.discard_keys.isdisjoint(tokens.keys) else \
            find_discard(tokens.keys, self.compiled.story_discards)
        if ident >= 0:
            return DocumentResult(doc_id, iso, (), f"story discard: "
                                  f"{self.compiled.discard_phrases[ident]!r}")
        ranges = split_sentences(tokens)
        if self.options.max_sentences:
            ranges = ranges[: self.options.max_sentences]
        out = []
        ordinal = _ord(day)
        compiled, options, starts = self.compiled, self.options, tokens.starts
        for index, (i, j) in enumerate(ranges):
            out.append(code_tokens(tokens.slice(i, j), compiled, options, day=ordinal, date=iso,
                                   doc_id=doc_id, index=index, start=offset + starts[i],
                                   trace=trace))
        return DocumentResult(doc_id, iso, tuple(out))

    def code_many(self, records: Iterable[object], workers: int | None = 1,
                  chunk_size: int = 64, *, dedupe_story: bool = False) -> Iterator[Event]:
        """Events of many records, in record then sentence order, on ``workers``
        processes (``None``: all CPUs) with the same result as one.

        A record is a mapping with ``text`` and optional ``id`` and ``date``, an object
        with those attributes, or a string. Records that cannot be coded (no text, a bad
        date, too long) are logged and skipped; ``eventcoder.batch.parallel.code_records``
        gives one result per record, rejections included. With ``workers > 1``, call
        this under ``if __name__ == "__main__":`` (worker processes are spawned).
        """
        from .batch.parallel import code_many
        return code_many(self, records, workers=workers, chunk_size=chunk_size,
                         dedupe=dedupe_story)

    def explain(self, text: str, date: str | dt.date | None = None) -> str:
        """A readable account of how ``text`` is coded: phrases found, actors, clauses,
        verbs, patterns tried and the decision for each verb."""
        from .explain import format_document
        return format_document(self.analyze_document(text, date, trace=True), self.compiled)

    # --- the dictionaries' own tests -------------------------------------------------
    def run_tests(self) -> list[TestOutcome]:
        """Run every test written in the dictionaries."""
        outcomes = []
        for test in self.tests:
            events = self.code_document(test.text, test.date)
            got = tuple(sorted({f"{e.source} {e.code} {e.target}" for e in events}))
            expected = tuple(sorted({str(e) for e in test.events}))
            outcomes.append(TestOutcome(test, expected, got))
        return outcomes


def _ord(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None
