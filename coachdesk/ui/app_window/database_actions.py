"""What the window does to the open database's file: protect it with a passphrase, change the
passphrase, restore a backup, back it up.

Each of these closes the database (its single-user lock stays held), lets a service rewrite or
replace the file, then opens it again in the window; a failure reopens what was there and is
shown like any other error. The dialogs they ask with live beside them in ``ui/app_window``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMainWindow

from coachdesk.ui.widgets.settings import settings

if TYPE_CHECKING:
    from coachdesk.db import Database


class DatabaseWindow(Protocol):
    """What these actions need of the main window (which is one)."""

    database: Database | None
    database_key: bytes | None
    database_identity: Any
    auto_backup: Any

    def attach_database(self, database: Database, key: bytes | None = None) -> None: ...

    def detach_database(self) -> None: ...


class DatabaseActions(QObject):
    """Security ▸ Protect / Change the passphrase / Backups, Fichier ▸ Restore a backup."""

    def __init__(self, window: QMainWindow, database_window: DatabaseWindow) -> None:
        # The main window twice: the dialogs' parent, and what holds the open database.
        super().__init__(window)
        self.parent_window = window
        self.window = database_window
        self._damage_reported = False

    def offer_protection(self) -> None:
        """First run: propose a passphrase once; declined, the status bar keeps saying so."""
        from coachdesk.ui.widgets import messages

        if self.window.database is None or self.window.database_key is not None:
            return
        if messages.confirm(
            self.parent_window,
            self.tr("Protect the database"),
            self.tr(
                "CoachDesk will hold the names, phones and addresses of the people you follow, "
                "on a laptop that travels. Protect this database with a passphrase now? You "
                "can do it later from the Security menu."
            ),
        ):
            self.protect()

    def protect(self) -> None:
        """Security ▸ Protect with a passphrase…: encrypt the database and its copies."""
        from coachdesk.db import open_database
        from coachdesk.services import protection
        from coachdesk.ui.app_window import passphrase_dialog
        from coachdesk.ui.widgets import messages

        if self.window.database is None or self.window.database.path is None:
            return
        path = self.window.database.path
        passphrase = passphrase_dialog.ask_protection(self.parent_window, path.name)
        if passphrase is None:
            return
        # The swap needs the database closed; the lock stays held meanwhile.
        self.window.detach_database()
        try:
            with passphrase_dialog.busy():
                result = protection.protect(
                    path, passphrase, extra_folders=self.extra_backup_folders()
                )
        except Exception:
            self.window.attach_database(open_database(path, create=False))
            raise
        self.window.attach_database(open_database(path, create=False, key=result.key), result.key)
        passphrase_dialog.show_recovery_key(self.parent_window, result.recovery_key, path.name)
        if result.deleted_copies:
            messages.warn(
                self.parent_window,
                self.tr("Protect with a passphrase"),
                self.tr(
                    "%n plain copy(ies) of the database could not be encrypted (damaged) and "
                    "were deleted: %1. On an SSD, deleting a file does not guarantee its "
                    "content is gone.",
                    "",
                    len(result.deleted_copies),
                ).replace("%1", ", ".join(p.name for p in result.deleted_copies)),
            )

    def change_passphrase(self) -> None:
        """Security ▸ Change the passphrase… (and, if asked, the data key)."""
        from coachdesk.db import open_database
        from coachdesk.services import protection
        from coachdesk.ui.app_window import passphrase_dialog
        from coachdesk.ui.widgets import messages

        database, key = self.window.database, self.window.database_key
        if database is None or database.path is None or key is None:
            return
        path = database.path
        choice = passphrase_dialog.ask_passphrase_change(self.parent_window, path)
        if choice is None:
            return
        if choice.new_key:
            self.window.detach_database()
        try:
            with passphrase_dialog.busy():
                change = protection.change_keys(
                    path,
                    key,
                    choice.passphrase,
                    new_key=choice.new_key,
                    extra_folders=self.extra_backup_folders(),
                )
        except Exception:
            if choice.new_key:
                self.window.attach_database(open_database(path, create=False, key=key), key)
            raise
        if choice.new_key:
            self.window.attach_database(
                open_database(path, create=False, key=change.key), change.key
            )
        assert self.window.database is not None
        protection.record_passphrase_change(self.window.database, new_key=choice.new_key)
        if change.recovery_key is not None:
            passphrase_dialog.show_recovery_key(self.parent_window, change.recovery_key, path.name)
            messages.info(
                self.parent_window,
                self.tr("Change the passphrase"),
                self.tr(
                    "Passphrase and data key changed. The old passphrase, the old recovery "
                    "key and old keys files no longer open the database; %n backup(s) were "
                    "re-encrypted with the new key.",
                    "",
                    len(change.reencrypted_copies),
                ),
            )
            return
        messages.info(
            self.parent_window,
            self.tr("Change the passphrase"),
            self.tr("Passphrase changed. The printed recovery key stays valid."),
        )

    def restore_backup(self, chosen: Path | None = None) -> bool:
        """Fichier ▸ Restaurer une sauvegarde…: pick one of this database's backups (or a
        file), confirm, then replace the database — a copy of it kept first, re-encrypted when
        it is protected — and reload the whole window. ``chosen`` skips the picking (tests)."""
        from coachdesk.db import open_database
        from coachdesk.services import restoring
        from coachdesk.ui.app_window.restore_dialog import RestoreDialog, backup_secrets
        from coachdesk.ui.widgets import messages

        if self.window.database is None or self.window.database.path is None:
            return False
        path, key = self.window.database.path, self.window.database_key
        if chosen is None:
            dialog = RestoreDialog(
                path, self.window.database_identity, self.extra_backup_folders(), self.parent_window
            )
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
                return False
            chosen = dialog.chosen
        if not messages.confirm(
            self.parent_window,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the database with the backup « %1 »? What was recorded since is "
                "kept aside in a copy of the current database, not lost."
            ).replace("%1", chosen.name),
        ):
            return False
        secrets = backup_secrets(self.parent_window, chosen, key)
        if secrets is None:
            return False
        self.window.detach_database()
        try:
            result = restoring.restore(
                chosen,
                path,
                passphrase=secrets.passphrase,
                recovery_key=secrets.recovery_key,
                target_key=key,
            )
        except Exception:
            self.window.attach_database(open_database(path, create=False, key=key), key)
            raise
        new_key = key if key is not None else result.key
        self.window.attach_database(open_database(path, create=False, key=new_key), new_key)
        text = self.tr("Database restored from « %1 » (%n person(s)).", "",
                       result.table_counts.get("participant", 0)).replace("%1", chosen.name)
        if result.previous_copy is not None:
            text += "\n" + self.tr("The replaced database is kept in « %1 ».").replace(
                "%1", str(result.previous_copy)
            )
        messages.info(self.parent_window, self.tr("Restore a backup"), text)
        return True

    def extra_backup_folders(self) -> list[Path]:
        """The coach's own backup folder (a USB key…), where backups are kept too."""
        from coachdesk.ui.app_window.backup_settings import extra_folder

        folder = extra_folder(settings())
        return [folder] if folder is not None else []

    def database_damaged(self, text: str) -> None:
        """The automatic backup found the database damaged: said once a session."""
        from coachdesk.ui.widgets import messages

        # Said once a session: the timer keeps refusing to back it up without repeating it.
        if self._damage_reported:
            return
        self._damage_reported = True
        messages.warn(self.parent_window, self.tr("Damaged database"), text)

    def backup_settings(self) -> None:
        """Security ▸ Automatic backups…"""
        from coachdesk.services.backups import backup_folder
        from coachdesk.ui.app_window.backup_settings import BackupSettingsDialog

        identity = self.window.database_identity
        folder = backup_folder(identity) if identity else None
        BackupSettingsDialog(
            settings(), self.window.auto_backup.backup_now, self.parent_window, folder=folder
        ).exec()

    def backup_now(self) -> None:
        """Security ▸ Back up now: the result said in the status bar."""
        self.backup_finished(
            self.window.auto_backup.backup_now() or self.tr("Nothing to back up.")
        )

    def backup_finished(self, text: str) -> None:
        if text:
            self.parent_window.statusBar().showMessage(text, 15_000)

