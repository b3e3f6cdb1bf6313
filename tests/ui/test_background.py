"""Long work runs in a worker process; the window keeps answering and can cancel."""

from __future__ import annotations

import multiprocessing
import signal
import time
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.ui.widgets import background, messages


def test_job_runs_in_a_child_process_and_reports_progress(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[int] = []
    steps: list[int] = []
    job = background.run_job(
        # About a second of work: long enough for the timer below to tick many times even
        # when a loaded machine leaves this process without a core for a few hundred ms.
        parent, "tests.sample_jobs.count_to", (10, 0.1), "Comptage", results.append
    )
    job.progressed.connect(lambda done, total, text: steps.append(done))
    # Measure how long the event loop stalls while the job runs: the gaps between the ticks of
    # a 10 ms timer, as benchmarks/import_contacts.py measures the wizard's import.
    ticks: list[float] = []

    def tick() -> None:
        ticks.append(time.monotonic())

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.waitUntil(lambda: results == [10], timeout=30_000)
    timer.stop()
    assert steps and steps[-1] == 10
    stalls = [later - earlier for earlier, later in pairwise(ticks)]
    assert stalls and max(stalls) < 0.5


def test_user_error_from_the_job_is_shown_in_french(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    messages.quiet = True
    messages.last_messages.clear()
    try:
        job = background.run_job(
            parent,
            "tests.sample_jobs.refuse",
            ("Le fichier est ouvert.",),
            "Essai",
            lambda result: None,
        )
        with qtbot.waitSignal(job.ended, timeout=30_000):
            pass
        assert messages.last_messages[-1].text == "Le fichier est ouvert."
    finally:
        messages.quiet = False


def test_cancel_stops_the_job(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[int] = []
    cancelled: list[bool] = []
    job = background.run_job(
        parent,
        "tests.sample_jobs.count_to",
        (400, 0.02),
        "Long",
        done.append,
        lambda: cancelled.append(True),
    )
    steps: list[int] = []
    job.progressed.connect(lambda step, total, text: steps.append(step))
    qtbot.waitUntil(lambda: len(steps) > 1, timeout=30_000)
    # The coach clicks "Annuler" in the progress dialog.
    cancel_button = job.dialog.findChild(QPushButton)
    assert cancel_button is not None
    qtbot.waitUntil(job.dialog.isVisible, timeout=5_000)
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=30_000)
    assert done == []


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="SIGTERM of the worker process")
def test_a_window_quitting_after_the_job_ends_the_work_it_left_quietly(
    capfd: pytest.CaptureFixture[str],
) -> None:
    context = multiprocessing.get_context("spawn")
    messages_, cancel = context.Queue(), context.Event()
    worker = context.Process(target=background._worker_main, daemon=True, args=(
        "tests.sample_jobs.leave_work_behind", (60.0,), messages_, cancel))
    worker.start()
    assert messages_.get(timeout=60) == ("done", "fait")
    # What multiprocessing does to a daemonic worker when the window's process ends.
    worker.terminate()
    worker.join(timeout=10)
    assert worker.exitcode == -signal.SIGTERM
    assert "Traceback" not in capfd.readouterr().err
