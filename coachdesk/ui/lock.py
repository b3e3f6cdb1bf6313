"""Who holds the database, and locking the window when the coach leaves it.

* ``DatabaseLock``: one database, one CoachDesk. A ``QLockFile`` beside the database
  (``coachdesk.sqlite3.lock``) is held by the window for as long as the database is open, and by
  every command that writes. A second CoachDesk is refused with a French message naming who holds
  the lock. A lock left by a CoachDesk that crashed (its process is gone) is recovered by Qt.
* ``IdleWatcher``: restarts a timer on every key press or mouse action in the application and
  emits ``idle`` when nothing happened for the chosen number of minutes.
* ``WindowLocker``: hides every personal datum of the main window (models cleared, an opaque
  overlay over the central widget, title without the database name, actions disabled) until the
  passphrase is given again, or a simple confirmation for a database without passphrase.

This module imports only QtCore at load time: the command line uses ``DatabaseLock`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QObject, QSettings, QTimer, Signal

from coachdesk.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

LOCK_SUFFIX = ".lock"
DEFAULT_IDLE_MINUTES = 10
IDLE_CHOICES = (5, 10, 15, 30, 60)
IDLE_SETTING = "security/lock_after_minutes"


def lock_path(database: Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + LOCK_SUFFIX)


class DatabaseLock:
    """The single-user lock of one database file (a ``QLockFile`` beside it)."""

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self.path = lock_path(self.database)
        self._lock: QLockFile | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> None:
        """Take the lock, or raise ``UserError`` saying who has the database open.

        A folder that does not exist yet holds no database to protect: nothing to lock.
        """
        if self._lock is not None or not self.path.parent.is_dir():
            return
        lock = QLockFile(str(self.path))
        # Never stale by age (a window stays open for hours); a lock whose process is gone
        # is recognised as stale by Qt and taken over.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock
            from coachdesk.files import tighten

            tighten(self.path)  # the lock says who holds the database: the coach's business
            return
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise self._in_use(lock)
        raise UserError(
            f"Impossible de créer le verrou « {self.path.name} » à côté de la base.",
            hint=f"Vérifiez que vous pouvez écrire dans le dossier « {self.path.parent} ».",
        )

    def _in_use(self, lock: QLockFile) -> UserError:
        # Messages in French directly: the command line shows them too, without translator.
        info = lock.getLockInfo()
        pid, host = (info[0], info[1]) if len(info) >= 3 else (0, "")
        import socket  # only when a lock is found: keeps it out of start-up

        if not host or host == socket.gethostname():
            return UserError(
                f"La base « {self.database.name} » est déjà ouverte dans un autre CoachDesk "
                f"(processus {pid} sur cet ordinateur).",
                hint="Utilisez la fenêtre CoachDesk déjà ouverte, ou attendez la fin de la "
                "commande en cours. Deux CoachDesk qui écrivent dans la même base se "
                "contrediraient.",
            )
        return UserError(
            f"La base « {self.database.name} » est déjà ouverte dans un autre CoachDesk "
            f"(processus {pid} sur l'ordinateur « {host} »).",
            hint="Fermez CoachDesk sur cet ordinateur. S'il n'utilise plus cette base (il s'est "
            f"arrêté brutalement), supprimez le fichier « {self.path.name} » et recommencez.",
        )

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


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
        minutes = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
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

        from coachdesk.ui.passphrase_dialog import UnlockOverlay

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
