"""Python's cycles are collected by the window's thread, when the interpreter would have."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from coachdesk.ui.widgets.collector import MainThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_wait_for_the_window_thread_and_go_when_it_collects(qtbot):
    parent = QObject()
    was_enabled = gc.isenabled()
    gc.enable()  # as the window starts (the test run keeps it off: tests/conftest.py)
    try:
        collector = MainThreadCollector(parent, interval_ms=10)
        assert not gc.isenabled()
        gc.collect()
        gone: list[str] = []
        for _ in range(collector.threshold[0] + 10):
            weakref.finalize(_Cycle(), gone.append, "x")
        # Another thread allocating a lot collects nothing: the automatic collector is off.
        worker = threading.Thread(target=lambda: [[] for _ in range(100_000)])
        worker.start()
        worker.join()
        assert gone == []
        # The window's thread collects at its timer's next tick.
        qtbot.waitUntil(lambda: len(gone) == collector.threshold[0] + 10, timeout=2_000)
        assert collector.collect() is None  # nothing due right after a collection
    finally:
        parent.deleteLater()
        (gc.enable if was_enabled else gc.disable)()
