"""Restoring a backup: checked first, the database it replaces kept aside, a protected
database kept protected.

The chosen file must open (with the passphrase or recovery key of an encrypted backup, or the
database's own key) and pass ``PRAGMA integrity_check``; the database it replaces is copied
beside it (``<name>.avant-restauration-<stamp>``, encrypted like it) before the swap, which is
one ``os.replace``. Restoring into a protected database re-encrypts the backup with its key:
a protected database is never made plain. Backups themselves are made by
:mod:`coachdesk.services.backups`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from coachdesk.db_copy import backup_sqlite
from coachdesk.errors import UserError
from coachdesk.services.backups import STAMP_FORMAT, copy_private, rotate_side_copies


@dataclass(frozen=True)
class RestoreResult:
    previous_copy: Path | None
    table_counts: dict[str, int]
    encrypted: bool
    # The key that opens the restored database (None when plain).
    key: bytes | None = field(default=None, repr=False)


def target_is_protected(database: Path) -> bool:
    """Whether restoring into ``database`` must give an encrypted database: it is protected,
    or its keys file is there while the database file is missing or empty."""
    from coachdesk.security import crypto, sqlcipher

    database = Path(database)
    if not crypto.sidecar_path(database).exists():
        return False
    return not sqlcipher.is_plain_sqlite(database)


def _backup_key(
    backup: Path,
    passphrase: str | None,
    recovery_key: str | None,
    target_key: bytes | None,
) -> bytes | None:
    from coachdesk.security import crypto, sqlcipher

    if sqlcipher.is_plain_sqlite(backup):
        return None
    if not crypto.sidecar_path(backup).exists():
        # A copy of this very database without its keys file: the database's key may open it.
        if target_key is not None and _opens_with(backup, target_key):
            return target_key
        raise UserError(
            f"Le fichier « {backup.name} » n'est pas une base CoachDesk lisible, ou c'est une "
            f"sauvegarde chiffrée sans son fichier de clés « {crypto.sidecar_path(backup).name} ».",
            hint="Rien n'a été remplacé. Choisissez une autre sauvegarde, ou copiez son fichier "
            "de clés à côté d'elle.",
        )
    if target_key is not None and _opens_with(backup, target_key):
        return target_key
    return sqlcipher.unlock(backup, passphrase=passphrase, recovery_key=recovery_key)


def _opens_with(backup: Path, key: bytes) -> bool:
    from coachdesk.security import sqlcipher

    try:
        with sqlcipher.opened(backup, key):
            return True
    except UserError:
        return False


def _stage(backup: Path, backup_key: bytes | None, staged: Path, target_key: bytes | None) -> None:
    """Write what will replace the database to ``staged`` (0600): the backup as it is, or
    re-encrypted with the key of the protected database it is restored into."""
    from coachdesk.security import sqlcipher

    staged.unlink(missing_ok=True)
    if target_key is not None and backup_key is None:
        sqlcipher.export_encrypted(backup, staged, target_key)
        return
    copy_private(backup, staged)
    if target_key is not None and backup_key is not None and backup_key != target_key:
        with sqlcipher.opened(staged, backup_key) as connection:
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute(f'PRAGMA rekey = "{sqlcipher.raw_key_literal(target_key)}"')
        with sqlcipher.opened(staged, target_key) as check:
            if sqlcipher.integrity_problems(check):  # pragma: no cover - checked just before
                raise UserError("La sauvegarde n'a pas pu être rechiffrée ; rien n'a été remplacé.")
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())


def restore(
    backup: Path,
    database: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    target_key: bytes | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace ``database`` with ``backup`` after checking it; the replaced one is kept aside.

    ``passphrase``/``recovery_key`` open an encrypted backup; ``target_key`` is the data key of
    ``database`` when it is protected: the restored database is then encrypted with it and
    keeps its keys file (the passphrase does not change). Without it a protected database is
    refused, never made plain. CoachDesk must not have ``database`` open meanwhile (the window
    closes it first).
    """
    from coachdesk.security import crypto, sqlcipher

    backup = Path(backup)
    database = Path(database)
    now = now or datetime.now()
    if not backup.is_file():
        raise UserError(f"La sauvegarde « {backup} » n'existe pas.")
    if backup.resolve() == database.resolve():
        raise UserError("La sauvegarde choisie est la base elle-même.")
    protected = target_is_protected(database)
    if protected and target_key is None:
        raise UserError(
            f"La base « {database.name} » est protégée par une phrase de passe : elle est "
            "nécessaire pour y restaurer une sauvegarde, qui restera chiffrée.",
            hint="Rien n'a été remplacé. Saisissez la phrase de passe de la base.",
        )
    if not protected:
        target_key = None
    key = _backup_key(backup, passphrase, recovery_key, target_key)
    counts = sqlcipher.verify(backup, key)
    if "alembic_version" not in counts:
        raise UserError(
            f"Le fichier « {backup.name} » n'est pas une sauvegarde CoachDesk.",
            hint="Rien n'a été remplacé.",
        )

    previous_copy = None
    stamp = now.strftime(STAMP_FORMAT)
    if database.exists() and database.stat().st_size > 0:
        previous_copy = database.with_name(
            f"{database.stem}.avant-restauration-{stamp}{database.suffix}"
        )
        _keep_previous(database, previous_copy, target_key)

    staged = database.with_name(database.name + ".restauration")
    try:
        _stage(backup, key, staged, target_key)
        # The old write-ahead log belongs to the old database: replayed on the restored file
        # it would corrupt it. Its content is in ``previous_copy`` (the backup API reads it).
        for suffix in ("-wal", "-shm"):
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        if key is not None and not protected:
            # An encrypted backup restored over a plain database: it brings its keys file.
            crypto.write_json_atomically(
                crypto.sidecar_path(database), crypto.read_sidecar(backup)
            )
        os.replace(staged, database)
    finally:
        staged.unlink(missing_ok=True)
    crypto._fsync_dir(database.parent)
    final_key = target_key if protected else key
    _audit_restore(database, final_key, backup, previous_copy)
    rotate_side_copies(database)
    from coachdesk.sync.engine import after_restore

    # A database of a team: resynchronise from the start, and keep erased people out.
    after_restore(database, final_key, previous_copy)
    return RestoreResult(previous_copy, counts, final_key is not None, final_key)


def _audit_restore(
    database: Path, key: bytes | None, backup: Path, previous_copy: Path | None
) -> None:
    from coachdesk.db import open_database
    from coachdesk.services import audit

    kept = f" ; base remplacée conservée dans {previous_copy.name}" if previous_copy else ""
    restored = open_database(database, create=False, key=key)
    try:
        with restored.write() as session:
            audit.record(session, "restore", f"Restauration de {backup.name}{kept}")
    finally:
        restored.dispose()


def _keep_previous(database: Path, copy: Path, key: bytes | None) -> None:
    """Keep what a restore replaces: a checked backup-API copy (encrypted with the database's
    key when it is protected, with its keys file), or the raw bytes when it is damaged."""
    from coachdesk.security import crypto, sqlcipher

    key_file = crypto.sidecar_path(database)
    if key_file.exists():
        copy_private(key_file, crypto.sidecar_path(copy))
    try:
        if key is not None or sqlcipher.is_plain_sqlite(database):
            sqlcipher.verify(database, key)
            backup_sqlite(database, copy, key)
            return
    except UserError:
        pass
    # Damaged, or encrypted without its key at hand: the bytes as they are, WAL included.
    copy_private(database, copy)
    for suffix in ("-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            copy_private(part, copy.with_name(copy.name + suffix))
