"""The one way to run long work (import, export, backup) without freezing the window.

The work runs in a child process: a thread would starve the event loop through the GIL (the
event loop was measured stalling 0.3–2.5 s during an export in a thread, under 15 ms with a
process; DESIGN.md). The job is a plain function named by its dotted path, Qt-free, called as
``function(*args, **keywords, progress=callback, is_cancelled=callback)`` (keywords carry what
must not sit among the positional values, such as a workbook's password: they reach the worker
through its pipe, like the arguments, never a command line); it reports progress with
``progress(done, total, message)`` and stops early (writing nothing, returning None) when
``is_cancelled()``. A job that returns something did its work, even if the coach clicked Cancel
meanwhile: it is reported as done, so the window never says "nothing was written" about a file
that was.

What the job writes to the database is announced in the window's process when it ends
(``coachdesk.changes``), like any write made there: every tab shows it.

A progress dialog appears only if the job lasts more than half a second, and its Cancel button
asks the job to stop. Results come back through ``on_done``; a UserError raised by the job is
shown to the coach as its French message; anything else becomes the usual error report.

Tests can set ``run_in_process = False`` to run jobs synchronously in the test process.
"""

from __future__ import annotations

import importlib
import queue
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from coachdesk import changes
from coachdesk.errors import UserError

run_in_process = True
PROGRESS_DELAY_MS = 500
POLL_INTERVAL_MS = 40


def _resolve(dotted: str) -> Callable[..., Any]:
    module_name, _, name = dotted.rpartition(".")
    job: Callable[..., Any] = getattr(importlib.import_module(module_name), name)
    return job


def _stop_on_terminate() -> None:
    """In the worker process: a SIGTERM (the window quitting mid-job) unwinds the job like a
    cancel, so its clean-up runs (no half-written hidden file with people's names is left)."""
    import signal

    def stop(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)


def _child(
    dotted: str, args: tuple[Any, ...], messages: Any, cancel: Any,
    keywords: dict[str, Any] | None = None,
) -> None:
    """Body of the worker process: run the job and send back progress and its outcome."""
    last_sent = 0.0

    def progress(done: int, total: int, message: str = "") -> None:
        nonlocal last_sent
        now = time.monotonic()
        # At most ~25 updates a second: the window has nothing to gain from more.
        if now - last_sent >= 0.04 or done >= total:
            last_sent = now
            messages.put(("progress", done, total, message))

    try:
        with changes.collected() as written:
            try:
                result = _resolve(dotted)(*args, **(keywords or {}), progress=progress,
                                          is_cancelled=cancel.is_set)
            finally:
                # What the job committed, whatever came after: the window shows it.
                merged = changes.merge_all(written)
                if merged is not None:
                    messages.put(("changes", merged.as_plain()))
    except UserError as error:
        messages.put(("user_error", str(error)))
    except KeyboardInterrupt:
        # Stopped from outside (the window quitting): the job cleaned up, nothing written.
        messages.put(("cancelled",))
    except BaseException as exc:
        from coachdesk.errors import explain_failure
        from coachdesk.logs import format_report

        # A full disk or a read-only folder is the coach's to fix, said in French; anything
        # else is reported without personal data (no SQL parameters, no values).
        explained = explain_failure(exc)
        if explained is not None:
            messages.put(("user_error", str(explained)))
        else:
            messages.put(("error", format_report(type(exc), exc, exc.__traceback__)))
    else:
        # A job that finished before it saw the cancel did its work: say so, never "nothing
        # was written" about a file that was.
        messages.put(("cancelled",) if result is None and cancel.is_set() else ("done", result))


def _worker_main(
    dotted: str, args: tuple[Any, ...], messages: Any, cancel: Any,
    keywords: dict[str, Any] | None = None,
) -> None:
    """Entry point of the worker process."""
    _stop_on_terminate()
    _child(dotted, args, messages, cancel, keywords)
    # The job is over and its outcome sent. What it left to finish on its own (a large
    # import's log being folded into the database file, which SQLite takes up again at the
    # next write) simply ends with the process if the window quits meanwhile.
    import signal

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


class BackgroundJob(QObject):
    """One job in a worker process, with its delayed progress dialog."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    user_error = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self, dotted: str, args: tuple[Any, ...], title: str, parent: QWidget,
        keywords: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.dotted = dotted
        self.args = args
        self.keywords = keywords
        self.parent_widget = parent
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("backgroundProgress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._poll)
        self._process: Any = None
        self._messages: Any = None
        self._cancel: Any = None
        self._finished = False

    def start(self) -> None:
        self.dialog.setValue(0)
        if not run_in_process:
            self._run_inline()
            return
        import multiprocessing  # (not at start-up: the window paints first)

        context = multiprocessing.get_context("spawn")
        self._messages = context.Queue()
        self._cancel = context.Event()
        self._process = context.Process(
            target=_worker_main,
            args=(self.dotted, self.args, self._messages, self._cancel, self.keywords),
            daemon=True,
        )
        self._process.start()
        self._timer.start()

    def cancel(self) -> None:
        if self._cancel is not None and not self._finished:
            self._cancel.set()
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _run_inline(self) -> None:
        inline_messages: queue.Queue[tuple[Any, ...]] = queue.Queue()

        class _Flag:
            @staticmethod
            def is_set() -> bool:
                return self.dialog.wasCanceled()

        _child(self.dotted, self.args, inline_messages, _Flag(), self.keywords)
        while not inline_messages.empty():
            self._handle(inline_messages.get())

    def _poll(self) -> None:
        try:
            while True:
                self._handle(self._messages.get_nowait())
        except queue.Empty:
            pass
        if not self._finished and self._process is not None and not self._process.is_alive():
            # The process died without a word (killed, out of memory).
            self._handle(
                ("error", f"Le processus de travail s'est arrêté (code {self._process.exitcode}).")
            )

    def _handle(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "changes":
            if self._process is not None:
                # Written by the worker process: announced here, as the window's own writes
                # are (run inline, the job's writes were announced as they were committed).
                changes.publish_plain(message[1])
            return
        if kind == "progress":
            _, done, total, text = message
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            if text:
                self.dialog.setLabelText(text)
            self.progressed.emit(done, total, text)
            return
        self._finished = True
        self._timer.stop()
        self.dialog.reset()
        self.dialog.hide()
        if self._process is not None:
            # Never wait on the GUI thread for the child to exit (its teardown took ~250 ms,
            # measured by benchmarks/export_weekly.py); multiprocessing reaps it later.
            self._process.join(timeout=0)
        if kind == "done":
            self.succeeded.emit(message[1])
        elif kind == "user_error":
            self.user_error.emit(message[1])
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(message[1])
        self.ended.emit()


def run_job(
    parent: QWidget,
    dotted: str,
    args: tuple[Any, ...],
    title: str,
    on_done: Callable[[Any], None],
    on_cancelled: Callable[[], None] | None = None,
    *,
    keywords: dict[str, Any] | None = None,
) -> BackgroundJob:
    """Start ``dotted(*args, **keywords)`` off the GUI thread; errors are shown to the coach."""
    from coachdesk.ui.widgets import messages

    job = BackgroundJob(dotted, args, title, parent, keywords)
    job.succeeded.connect(on_done)
    job.user_error.connect(lambda text: messages.warn(parent, "CoachDesk", text))
    job.failed.connect(lambda report: _report_failure(parent, report))
    if on_cancelled is not None:
        job.cancelled.connect(on_cancelled)
    job.start()
    return job


def _report_failure(parent: QWidget, report: str) -> None:
    from coachdesk.logs import write_report_text
    from coachdesk.ui.widgets import messages

    path = write_report_text(report)
    messages.unexpected_error(
        parent,
        report,
        str(path) if path is not None else QCoreApplication.translate(
            "BackgroundJob", "(the report could not be written: is the disk full?)"
        ),
    )
