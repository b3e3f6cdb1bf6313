"""Python's cycle collector, run by the window's thread only.

CPython collects cycles in whichever thread passes its allocation threshold. In the window's
process other threads run Python too (the first look at the list, a backup, the log folded
after a large write): a collection there can destroy a window's object caught in a cycle from
the wrong thread, and Qt then brings the whole process down. So the automatic collector is off
and a timer of the window's thread collects when the interpreter would have (its thresholds,
its generations), a second at most later.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the window's thread looks whether a collection is due (ms).
CHECK_EVERY_MS = 1_000


def collect_due(threshold: tuple[int, int, int]) -> int | None:
    """Collect the oldest generation whose count passed its ``threshold``, as the automatic
    collector does (``gc.get_threshold()``); the generation collected, None when none was due."""
    counts = gc.get_count()
    if counts[0] <= threshold[0]:
        return None
    generation = 2 if counts[2] > threshold[2] else 1 if counts[1] > threshold[1] else 0
    gc.collect(generation)
    return generation


class MainThreadCollector(QObject):
    """Turns the automatic collector off and collects from the thread it lives in (create it in
    the window's thread, with the application for parent)."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int | None:
        return collect_due(self.threshold)
