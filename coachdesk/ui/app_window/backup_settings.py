"""Automatic backups in the window, and their settings dialog.

``AutoBackup`` asks ``backups.backup_if_due`` every few minutes (a backup is made when the
database changed and the last one is 30 minutes old) and once more on close. The copy runs in a
worker thread (SQLite's backup API works outside the GIL) through a connection of the open
database itself — never a second handle on its file — and never touches a widget: it reports
through a signal. A damaged database is never backed up: ``damaged`` carries the French
explanation, and the good backups stay. A second folder (a USB key) can be chosen; when it is
not plugged in, the backup goes to the data folder only and the status bar says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import paths
from coachdesk.errors import UserError
from coachdesk.ui.widgets.forms import GuardedDialog

if TYPE_CHECKING:
    from coachdesk.db import Database

log = logging.getLogger(__name__)

EXTRA_FOLDER_SETTING = "backups/extra_folder"
CHECK_INTERVAL_MS = 5 * 60_000


def extra_folder(settings: QSettings) -> Path | None:
    value = settings.value(EXTRA_FOLDER_SETTING, "")
    return Path(str(value)) if value else None


class AutoBackup(QObject):
    """Backs up the open database when due; ``finished`` carries a French status line."""

    finished = Signal(str)
    damaged = Signal(str)

    def __init__(
        self,
        settings: Callable[[], QSettings],
        parent: QObject | None = None,
        *,
        threaded: bool = True,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._threaded = threaded
        self.database: Database | None = None
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def set_database(self, database: Database | None) -> None:
        if self._thread is not None:
            self._thread.join()
        self.database = database
        if database is None:
            self.timer.stop()
        else:
            self.timer.start()

    def _run(self, min_interval: timedelta | None, *, force: bool = False,
             before: Callable[[], None] | None = None) -> str:
        from coachdesk.services import backups

        assert self.database is not None
        extra = extra_folder(self._settings())
        missing_extra = extra is not None and not extra.is_dir()
        reachable = None if missing_extra else extra
        from coachdesk.db_copy import DamagedDatabase

        try:
            if force:
                identity = backups.identity_of(self.database)
                folders = [backups.backup_folder(identity)]
                if reachable is not None and not identity.is_demo:
                    folders.append(backups.backup_folder(identity, reachable))
                written = backups.backup_now(self.database, folders=folders)
            else:
                written = backups.backup_if_due(
                    self.database,
                    extra_folder=reachable,
                    min_interval=backups.MIN_INTERVAL if min_interval is None else min_interval,
                    before=before,
                )
        except DamagedDatabase as exc:
            log.warning("automatic backup refused: the database is damaged")
            self.damaged.emit(str(exc))
            return QCoreApplication.translate(
                "AutoBackup",
                "The database is damaged: no backup was made, the earlier ones are kept.",
            )
        except (UserError, OSError) as exc:
            log.warning("automatic backup failed: %s", type(exc).__name__)
            return QCoreApplication.translate("AutoBackup", "Automatic backup failed: %1").replace(
                "%1", str(exc)
            )
        if not written:
            return ""
        text = QCoreApplication.translate("AutoBackup", "Backup made: %1").replace(
            "%1", written[0].name
        )
        if len(written) > 1:
            text += " " + QCoreApplication.translate("AutoBackup", "(copy on %1 too)").replace(
                "%1", str(written[1].parent)
            )
        if missing_extra:
            text += " " + QCoreApplication.translate(
                "AutoBackup",
                "The second folder %1 is not reachable (USB key unplugged?): only the data "
                "folder has this backup.",
            ).replace("%1", str(extra))
        return text

    def check(self) -> None:
        """Back up if due, in a worker thread (or right away when not threaded)."""
        if self.database is None or (self._thread is not None and self._thread.is_alive()):
            return
        if not self._threaded:
            self.finished.emit(self._run(None))
            return
        self._thread = threading.Thread(
            target=lambda: self.finished.emit(self._run(None)), name="backup", daemon=True
        )
        self._thread.start()

    def backup_now(self) -> str:
        """A backup right away (menu), whatever the time of the last one."""
        if self._thread is not None:
            self._thread.join()
        if self.database is None:
            return ""
        return self._run(None, force=True)

    def on_close(self) -> str:
        """Last backup when the window closes (if anything changed), waiting for it. While it
        is written (a few seconds for a large database) the window says so, busy cursor on,
        rather than seem frozen."""
        self.timer.stop()
        if self._thread is not None:
            self._thread.join()
        if self.database is None:
            return ""
        busy = False

        def say_so() -> None:
            nonlocal busy
            busy = True
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            window = self.parent()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(
                    QCoreApplication.translate("AutoBackup", "Last backup before closing…"))
                window.repaint()

        try:
            return self._run(timedelta(0), before=say_so)
        finally:
            if busy:
                QGuiApplication.restoreOverrideCursor()


class BackupSettingsDialog(GuardedDialog):
    """Where automatic backups go: the data folder always, and a second folder if chosen."""

    def __init__(
        self,
        settings: QSettings,
        backup_now: Callable[[], str] | None = None,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        from coachdesk.services import backups

        # The open database's own backup folder.
        self._folder = folder
        self._settings = settings
        self._backup_now = backup_now
        self.setWindowTitle(self.tr("Automatic backups"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "CoachDesk backs up the database every 30 minutes when something changed, and "
                "when you close it. It keeps the last backup of each of the last %1 days, %2 "
                "weeks and %3 months. A backup of a protected database is encrypted too."
            )
            .replace("%1", str(backups.KEEP_DAILY))
            .replace("%2", str(backups.KEEP_WEEKLY))
            .replace("%3", str(backups.KEEP_MONTHLY))
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(QLabel(self.tr("Data folder (always):")))
        data_folder = QLabel(str(self._folder or paths.backup_dir()))
        data_folder.setObjectName("dataFolder")
        data_folder.setTextInteractionFlags(data_folder.textInteractionFlags())
        layout.addWidget(data_folder)
        layout.addWidget(QLabel(self.tr("Second folder, for example on a USB key (optional):")))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(extra_folder(settings) or ""))
        self.folder.setObjectName("extraFolder")
        self.folder.setPlaceholderText(self.tr("No second folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        clear = QPushButton(self.tr("None"))
        clear.clicked.connect(self.folder.clear)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        layout.addLayout(row)
        latest = backups.list_backups(self._folder) if self._folder is not None else []
        self.last = QLabel(
            self.tr("Last backup: %1").replace("%1", latest[0].made_at.strftime("%d/%m/%Y %H:%M"))
            if latest
            else self.tr("No backup yet.")
        )
        self.last.setObjectName("lastBackup")
        layout.addWidget(self.last)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if backup_now is not None:
            now = buttons.addButton(self.tr("Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
            now.clicked.connect(self._now)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Second backup folder"), self.folder.text() or str(Path.home())
        )
        if chosen:
            self.folder.setText(chosen)

    def _now(self) -> None:
        if self.accept_settings():
            self.mark_clean()  # the folder is saved: closing now loses nothing
        if self._backup_now is not None:
            self.last.setText(self._backup_now() or self.tr("Nothing changed since the last one."))

    def accept_settings(self) -> bool:
        text = self.folder.text().strip()
        if text and not Path(text).is_dir():
            self.error.setText(
                self.tr(
                    "The folder « %1 » does not exist. Plug in the USB key, or choose "
                    "another folder."
                ).replace("%1", text)
            )
            self.error.show()
            return False
        self.error.hide()
        self._settings.setValue(EXTRA_FOLDER_SETTING, text)
        self._settings.sync()
        return True

    def accept(self) -> None:
        if self.accept_settings():
            super().accept()
