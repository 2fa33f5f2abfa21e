"""``eventcoder code``: read records, code them (in parallel), write events and rejects.

A thin layer over ``readers`` -> ``parallel.code_records`` -> ``writers``, with
checkpoints (``resume``) and a progress line (``progress``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from typing import Any, Sequence

import attrs

from ..coder import Coder
from ..dates import parse_date
from ..errors import EventCoderError
from . import resume
from .options import CodeSettings, settings_from_args
from .parallel import RecordResult, code_records
from .progress import Progress
from .readers import Cursor, InputFile, find_inputs, read_inputs, total_bytes
from .resume import Checkpoint, Totals
from .writers import EventWriter, RejectsFile, RejectsStderr, open_writer


@attrs.define
class Job:
    """The writers of one run, its totals and its checkpoints."""

    settings: CodeSettings
    writer: EventWriter
    rejects: RejectsFile | RejectsStderr
    totals: Totals
    skip: int = 0  # records committed by an interrupted run
    fingerprint: str = ""

    def add(self, result: RecordResult) -> None:
        t = self.totals
        t.read += 1
        if result.rejected:
            t.rejected += 1
            self.rejects.write(result)
            return
        t.coded += 1
        t.sentences += result.sentences
        t.events += result.n_events
        self.writer.write(result)

    def checkpoint(self, records: int) -> None:
        """Make everything written so far durable, then say so in the checkpoint."""
        output, rejects = self.writer.commit(), self.rejects.commit()
        if self.settings.output:
            resume.save(self.settings.output, Checkpoint(self.fingerprint, records, output,
                                                         rejects, attrs.evolve(self.totals)))

    def finish(self) -> None:
        self.writer.commit()
        self.rejects.commit()
        if self.settings.output:  # first: a kill now means starting again, not a bad resume
            resume.remove(self.settings.output)
        self.writer.finish()
        self.rejects.finish()

    def close(self) -> None:
        self.writer.close()
        self.rejects.close()


def open_job(settings: CodeSettings, inputs: Sequence[InputFile]) -> Job:
    """Writers for a fresh run, or for continuing the checkpointed one with ``--resume``."""
    keep = settings.keep_names
    if not settings.output:
        rejects = RejectsFile(settings.rejects) if settings.rejects else RejectsStderr()
        return Job(settings, open_writer(None, settings.format, keep), rejects, Totals())
    fp = resume.fingerprint(inputs, settings.fingerprint_settings())
    cp = resume.load(settings.output) if settings.resume else None
    if settings.resume and cp is None and not settings.quiet:
        print("eventcoder: no checkpoint to resume from; starting at the beginning",
              file=sys.stderr)
    if cp is not None and cp.fingerprint != fp:
        raise EventCoderError("cannot resume: the inputs or options differ from those of the "
                              "interrupted run; use the same ones, or run without --resume")
    if cp is None:
        resume.remove(settings.output)  # a stale checkpoint must not outlive a fresh start
        return Job(settings, open_writer(settings.output, settings.format, keep),
                   RejectsFile(settings.rejects), Totals(), 0, fp)  # type: ignore[arg-type]
    writer = open_writer(settings.output, settings.format, keep, cp.output)
    return Job(settings, writer, RejectsFile(settings.rejects, cp.rejects),  # type: ignore
               cp.totals, cp.records, fp)


def configure(coder: Coder, settings: CodeSettings) -> Coder:
    changes: dict[str, Any] = {}
    if settings.max_sentences is not None:
        changes["max_sentences"] = settings.max_sentences
    if settings.max_chars is not None:
        changes["max_text_chars"] = settings.max_chars
    return coder.with_options(**changes) if changes else coder


def code_all(job: Job, coder: Coder, inputs: Sequence[InputFile], progress: Progress) -> None:
    s = job.settings
    cursor = Cursor()
    items = itertools.islice(read_inputs(inputs, s.fields, cursor), job.skip, None)
    done = job.skip
    t = job.totals
    for result in code_records(coder, items, workers=s.workers, chunk_size=s.chunk_size,
                               dedupe=s.dedupe_story, render=job.writer.renderer):
        job.add(result)
        done += 1
        if done % s.checkpoint_every == 0:
            job.checkpoint(done)
        progress.update(t.coded, t.sentences, t.events, cursor.done)


def summary(totals: Totals, rejects: str | None) -> str:
    text = (f"eventcoder: {totals.read} record(s) read: {totals.coded} document(s) coded, "
            f"{totals.rejected} rejected, {totals.events} event(s) written from "
            f"{totals.sentences} sentence(s)")
    if totals.rejected and rejects:
        text += f"; rejects in {rejects}"
    return text


def run_code(args: argparse.Namespace) -> int:
    from ..cli import EXIT_FAILED, EXIT_OK, _coder
    settings = settings_from_args(args)
    parse_date(settings.fields.default_date)  # a bad --date is an error, not a million rejects
    coder = configure(_coder(args), settings)
    own = [p for p in (settings.output, settings.rejects) if p]
    inputs = find_inputs(settings.inputs, settings.input_format, settings.lines, exclude=own)
    job = open_job(settings, inputs)
    show = not settings.quiet and sys.stderr.isatty()
    progress = Progress(sys.stderr if show else None, total_bytes(inputs))
    try:
        code_all(job, coder, inputs, progress)
        progress.close()
        job.finish()
    except BaseException as exc:
        progress.close()
        job.close()
        if settings.output and not isinstance(exc, EventCoderError):
            print("eventcoder: stopped; run the same command with --resume to continue "
                  "from the last checkpoint", file=sys.stderr)
        raise
    if not settings.quiet:
        print(summary(job.totals, settings.rejects), file=sys.stderr)
    return EXIT_FAILED if job.totals.rejected else EXIT_OK
