"""Fichier ▸ Restaurer une sauvegarde…: choose one of this database's backups, or a file.

The list shows the open database's own automatic backups (data folder and second folder) and
the copies kept before a restore or a migration, newest first; "Choose a file…" takes any
other backup. The window then confirms, closes the database, restores
(``services.restoring``) and reloads everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError


def restore_candidates(
    database: Path, identity: Any, extra_folders: Iterable[Path] = ()
) -> list[tuple[Path, str]]:
    """(file, French label) of every backup of ``database``, newest first."""
    from coachdesk.services import backups

    def tr(text: str) -> str:
        return QCoreApplication.translate("RestoreDialog", text)

    found: list[tuple[Any, Path, str]] = []
    folders = [backups.backup_folder(identity)]
    folders += [Path(extra) / identity.id for extra in extra_folders]
    for folder in folders:
        for item in backups.list_backups(folder):
            label = tr("Backup of %1").replace("%1", f"{item.made_at:%d/%m/%Y %H:%M}")
            if folder != folders[0]:
                label += f" — {folder.parent}"
            found.append((item.made_at, item.path, label))
    for kind, item in backups.side_copies(database):
        text = tr("Copy made before a restore, %1") if kind == "restauration" else tr(
            "Copy made before an upgrade, %1"
        )
        moment = f"{item.made_at:%d/%m/%Y %H:%M}"
        found.append((item.made_at, item.path, text.replace("%1", moment)))
    found.sort(key=lambda entry: entry[0], reverse=True)
    return [(path, label) for _moment, path, label in found]


class RestoreDialog(QDialog):
    """Pick the backup to restore; ``chosen`` holds it once accepted."""

    def __init__(
        self,
        database: Path,
        identity: Any,
        extra_folders: Iterable[Path] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the backup that will replace the database « %1 ». A copy of the "
                "database as it is now is kept first. A protected database stays protected."
            ).replace("%1", self.database.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for path, label in restore_candidates(self.database, identity, extra_folders):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(self.tr("No backup of this database yet."))
            self.list.setEnabled(False)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.file_button = QPushButton(self.tr("Choose a file…"))
        self.file_button.clicked.connect(self._choose_file)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(
            self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(self.list.isEnabled())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Backup to restore"),
            str(self.database.parent),
            self.tr("CoachDesk databases (*.sqlite3);;All files (*)"),
        )
        if chosen:
            self.chosen = Path(chosen)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not value:
            return
        self.chosen = Path(str(value))
        super().accept()


@dataclass(frozen=True)
class BackupSecrets:
    passphrase: str | None = None
    recovery_key: str | None = None


def backup_secrets(
    parent: QWidget | None, backup: Path, target_key: bytes | None
) -> BackupSecrets | None:
    """What opens ``backup``: nothing for a plain one or one the database's own key opens,
    else its passphrase (or recovery key) asked until right. None when the coach cancels."""
    from coachdesk.security import sqlcipher
    from coachdesk.ui.app_window.passphrase_dialog import UnlockDialog

    if not sqlcipher.is_protected(backup):
        return BackupSecrets()
    if target_key is not None:
        try:
            with sqlcipher.opened(backup, target_key):
                return BackupSecrets()
        except UserError:
            pass
    dialog = UnlockDialog(backup, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    text = dialog.secret.text()
    if dialog.used_recovery_key:
        return BackupSecrets(recovery_key=text)
    return BackupSecrets(passphrase=text)
