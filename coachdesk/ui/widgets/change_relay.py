"""The database's change notifications, in the GUI thread, one per user action.

``coachdesk.changes`` announces every committed write, in the thread that committed it. The
one relay of the application brings them to the GUI thread and merges those that arrive
together — the several writes of one dialog's Save, the job that just ended — into one
``changed`` signal, emitted once the action's own code has returned (or at once, when that
code asks for it with :meth:`ChangeRelay.flush`). Every list tab and the window's cohort
selector listen to it: a view never shows yesterday's figures, and nobody has to remember to
tell it (the idea of Anki's ``operation_did_execute``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal

from coachdesk import changes


class ChangeRelay(QObject):
    """Emits ``changed(Change)`` after writes, merged per turn of the event loop."""

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: changes.Change | None = None
        self._arrived.connect(self._queue, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = changes.subscribe(self._heard)
        self.destroyed.connect(self._unsubscribe)

    def _heard(self, change: changes.Change) -> None:
        if QThread.currentThread() == self.thread():
            self._queue(change)
        else:
            self._arrived.emit(change)  # to the GUI thread

    def _queue(self, change: changes.Change) -> None:
        first = self._pending is None
        self._pending = change if self._pending is None else self._pending.merged(change)
        if first:
            # After the action that wrote has returned: its writes are shown together.
            QTimer.singleShot(0, self, self.flush)

    def flush(self) -> None:
        """Show the writes heard so far now (an action that wants its result seen at once)."""
        change, self._pending = self._pending, None
        if change is not None:
            self.changed.emit(change)


_relay: ChangeRelay | None = None


def change_relay() -> ChangeRelay:
    """The application's relay (made on first use, lives as long as the application)."""
    global _relay
    if _relay is None:
        _relay = ChangeRelay(QCoreApplication.instance())
        _relay.destroyed.connect(_forget)
    return _relay


def _forget() -> None:
    global _relay
    _relay = None
