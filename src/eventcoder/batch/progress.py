"""A one-line progress display on a terminal: documents, sentences, events, rate, ETA.

Written by hand rather than with tqdm: it is one line of text redrawn a few times
a second, tqdm would be a new dependency for it, and its bar shows one counter
where this run has three. Off unless the stream is a terminal, so logs and
pipes get only the final summary.
"""

from __future__ import annotations

import time
from typing import Callable, TextIO


def _clock_text(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class Progress:
    """Call ``update`` as often as you like; it redraws at most every ``interval`` s."""

    def __init__(self, stream: TextIO | None, total_bytes: int | None = None,
                 interval: float = 0.2, clock: Callable[[], float] = time.monotonic):
        self.stream, self.total, self.interval, self.clock = stream, total_bytes, interval, clock
        self.started = clock()
        self.last = float("-inf")
        self.first_bytes: int | None = None
        self.width = 0

    def update(self, documents: int, sentences: int, events: int, done_bytes: int,
               force: bool = False) -> None:
        if self.stream is None:
            return
        now = self.clock()
        if self.first_bytes is None:  # a resumed run starts part-way through the input
            self.first_bytes, self.started = done_bytes, now
        if not force and now - self.last < self.interval:
            return
        self.last = now
        line = self.render(documents, sentences, events, done_bytes, now - self.started)
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def render(self, documents: int, sentences: int, events: int, done_bytes: int,
               elapsed: float) -> str:
        rate = sentences / elapsed if elapsed > 0 else 0.0
        parts = [f"{documents:,} docs", f"{sentences:,} sentences", f"{events:,} events",
                 f"{rate:,.0f} sentences/s"]
        if self.total:
            fraction = min(1.0, done_bytes / self.total)
            parts.append(f"{fraction:.0%}")
            read = done_bytes - (self.first_bytes or 0)
            if read > 0 and elapsed > 1:
                parts.append(f"ETA {_clock_text(elapsed * (self.total - done_bytes) / read)}")
        parts.append(_clock_text(elapsed))
        return "  ".join(parts)

    def close(self) -> None:
        """Erase the line, so that the summary starts on a clean line."""
        if self.stream is not None and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
