"""Locking the window when the coach leaves it.

* ``IdleWatcher``: restarts a timer on every key press or mouse action in the application and
  emits ``idle`` when nothing happened for the chosen number of minutes.
* ``WindowLocker``: hides every personal datum of the main window (models cleared, an opaque
  overlay over the central widget, title without the database name, actions disabled) until the
  passphrase is given again, or a simple confirmation for a database without passphrase.

Who holds the database file (one database, one CoachDesk) is ``coachdesk.database_lock``, which
the command line uses too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

DEFAULT_IDLE_MINUTES = 10
IDLE_CHOICES = (5, 10, 15, 30, 60)
IDLE_SETTING = "security/lock_after_minutes"


# --- idle time ----------------------------------------------------------------------------

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes_setting(settings: QSettings) -> int:
    value = settings.value(IDLE_SETTING, DEFAULT_IDLE_MINUTES)
    try:
        minutes = int(str(value))  # an int, or its text once read back from the file
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if minutes > 0 else DEFAULT_IDLE_MINUTES


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without a key press or mouse action anywhere."""

    idle = Signal()

    def __init__(self, minutes: int = DEFAULT_IDLE_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def minutes(self) -> int:
        return self._timer.interval() // 60_000

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """The idle delay in milliseconds (tests use a short one)."""
        self._timer.setInterval(milliseconds)
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


# --- locking the window -------------------------------------------------------------------


class WindowLocker(QObject):
    """Locks ``window``: hides its data behind an overlay until the coach unlocks it.

    ``hide_data`` clears every model of the window; ``show_data`` fills them again. ``protected``
    tells whether the database has a passphrase; ``check_passphrase`` raises ``UserError`` when
    the text typed is not it.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        *,
        hide_data: Callable[[], None],
        show_data: Callable[[], None],
        protected: Callable[[], bool],
        check_passphrase: Callable[[str], Any],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._hide_data = hide_data
        self._show_data = show_data
        self._protected = protected
        self._check = check_passphrase
        self.overlay: Any = None
        self._title = ""
        window.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.overlay is not None

    def lock(self) -> None:
        """Lock now (Ctrl+L, idle time): close dialogs, clear the data, cover the window."""
        if self.locked:
            return
        from PySide6.QtWidgets import QDialog

        from coachdesk.ui.app_window.passphrase_dialog import UnlockOverlay

        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self._title = self.window.windowTitle()
        self.window.setWindowTitle(QCoreApplication.translate("Lock", "CoachDesk — locked"))
        self._hide_data()
        overlay = UnlockOverlay(self._protected(), self._check, self.window)
        overlay.unlocked.connect(self.unlock)
        self.overlay = overlay
        self._place_overlay()
        overlay.show()
        overlay.raise_()
        overlay.focus_input()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if self.overlay is None:
            return
        self.overlay.hide()
        self.overlay.deleteLater()
        self.overlay = None
        self._show_data()
        self.window.setWindowTitle(self._title)
        self.locked_changed.emit(False)

    def _place_overlay(self) -> None:
        if self.overlay is None:
            return
        central = self.window.centralWidget()
        if central is not None:
            self.overlay.setGeometry(central.geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place_overlay()
        return False


def clear_views(tabs: list[Any]) -> None:
    """Empty every list, count and chart of the built ``tabs`` (the window is being locked)."""
    from PySide6.QtWidgets import QAbstractItemView

    from coachdesk.ui.widgets.table_model import RowTableModel

    for tab in tabs:
        # Every list of the tab, the inner pages' too (contacts, prospecting, grids…).
        for view in {*tab.views, *tab.findChildren(QAbstractItemView)}:
            model = view.model()
            if isinstance(model, RowTableModel) or hasattr(model, "set_rows"):
                model.set_rows([])
        tab.count_label.clear()
        chart = getattr(tab, "chart", None)
        if chart is not None:
            chart.set_lines([])
