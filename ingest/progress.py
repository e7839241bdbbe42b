"""Build progress people can read: one tqdm bar per stage on a terminal, a plain line every few seconds elsewhere.

`build_index` reports `(stage, done, total)`: "read" counts documents,
"embed" counts sentences. On a terminal the current stage has one bar (the
previous one is closed first, so bars never nest or redraw over each other).
When stderr is a file or a pipe, a line like

    ingest: documents 37/37 · sentences 640/2176 (29%) · 28.4 sentences/s · about 54 s left

is written every `interval` seconds and when a stage finishes — no escape codes.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from tqdm import tqdm

UNITS = {"read": "documents", "embed": "sentences"}
LABELS = {"read": "reading", "embed": "embedding"}


def duration(seconds: float) -> str:
    """8 s, 1 min 05 s, 2 h 03 min."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def rate_text(per_second: float, unit: str) -> str:
    return f"{per_second:.1f} {unit}/s" if per_second >= 1 or per_second == 0 else f"{60 * per_second:.1f} {unit}/min"


def progress_line(counts: dict[str, tuple[int, int]], stage: str, elapsed: float) -> str:
    """One plain line: every stage's count so far, the current stage's rate and the time it still needs."""
    parts = []
    for name, (done, total) in counts.items():
        share = f" ({100 * done // total}%)" if total and name == stage and done < total else ""
        parts.append(f"{UNITS.get(name, name)} {done}/{total}{share}")
    done, total = counts[stage]
    rate = done / elapsed if elapsed > 0 else 0.0
    if rate > 0 and elapsed >= 0.5:  # a rate over a blink of time means nothing
        parts.append(rate_text(rate, UNITS.get(stage, stage)))
    if 0 < done < total and rate > 0:
        parts.append(f"about {duration((total - done) / rate)} left")
    elif done >= total:
        parts.append(f"done in {duration(elapsed)}" if elapsed >= 1 else "done")
    return "ingest: " + " · ".join(parts)


class ProgressReporter:
    """A `build_index` progress callback; call `close()` when the build ends."""

    def __init__(self, stream: TextIO | None = None, interval: float = 5.0, enabled: bool = True,
                 tty: bool | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.interval, self.enabled, self.clock = interval, enabled, clock
        self.tty = self.stream.isatty() if tty is None else tty
        self.counts: dict[str, tuple[int, int]] = {}
        self.stage, self.started, self.last = "", 0.0, 0.0
        self.bar: tqdm | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if stage != self.stage:
            self._finish_bar()
            self.stage, self.started, self.last = stage, now, now
        self.counts[stage] = (done, total)
        if self.tty:
            self._bar(stage, done, total)
        elif now - self.last >= self.interval or done >= total:
            self.last = now
            self.stream.write(progress_line(self.counts, stage, now - self.started) + "\n")
            self.stream.flush()

    def _bar(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = tqdm(total=total, desc=LABELS.get(stage, stage), unit=UNITS.get(stage, "item")[:-1],
                            file=self.stream, leave=True, dynamic_ncols=True, mininterval=0.5)
        self.bar.update(done - self.bar.n)

    def _finish_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self) -> None:
        self._finish_bar()
