"""Progress of a long extraction: documents done out of the total, and words per second.

Task logs get a line at most every `every_seconds` (and at the end), so an hour-long
batch shows it is alive without flooding the log; a terminal also gets a tqdm bar.
"""

from __future__ import annotations

import logging
import time

from tqdm import tqdm

from extractors.records import Document

log = logging.getLogger(__name__)


class Progress:
    """Call `update` once per finished document; `close` when the work is done."""

    def __init__(
        self, total: int, *, name: str, every_seconds: float = 15.0, bar: bool = False
    ) -> None:
        self.total = total
        self.name = name
        self.every_seconds = every_seconds
        self.documents = 0
        self.words = 0
        self._started = time.perf_counter()
        self._last_report = self._started
        # disable=None: the bar draws only on a terminal, never into a log file
        self._bar = tqdm(total=total, unit="doc", desc=name, disable=None) if bar else None

    def update(self, document: Document) -> None:
        self.documents += 1
        self.words += document.n_words
        now = time.perf_counter()
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix_str(f"{self.words_per_second(now):,.0f} words/s", refresh=False)
        drawing = self._bar is not None and not self._bar.disable
        if not drawing and now - self._last_report >= self.every_seconds:
            self._last_report = now
            self._report(now)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        self._report(time.perf_counter())

    def words_per_second(self, now: float) -> float:
        return self.words / max(now - self._started, 1e-9)

    def _report(self, now: float) -> None:
        rate = self.documents / max(now - self._started, 1e-9)
        left = (self.total - self.documents) / rate if rate else float("nan")
        log.info(
            "%s: %d/%d documents (%.0f%%), %s words/s, ~%.0f s left",
            self.name,
            self.documents,
            self.total,
            100 * self.documents / max(self.total, 1),
            f"{self.words_per_second(now):,.0f}",
            left,
        )
