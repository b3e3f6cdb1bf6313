"""Backups: rotating copies through SQLite's backup API, and restoring one safely.

* Each backup is a consistent copy made with the backup API (never a file copy of a live
  database). A protected database's backup is encrypted with the same data key, and its keys
  file is copied beside it: the backup opens with the passphrase that was current when it was
  made, or with the recovery key.
* Automatic backups go to ``paths.backup_dir()`` and, optionally, to a second folder (a USB
  key). The app calls ``backup_if_due`` every few minutes and on close: a backup is made when
  the database changed since the last one and that one is older than 30 minutes.
* Rotation keeps the newest backup of each of the last 12 days, 10 weeks and 9 months that
  have backups (``backups_to_keep`` is a pure function).
* Restoring checks the chosen file first (it opens, passes ``PRAGMA integrity_check``), keeps a
  copy of the database it replaces, and only then swaps the file in.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from coachdesk import paths
from coachdesk.db import backup_sqlite
from coachdesk.errors import UserError
from coachdesk.security import crypto, sqlcipher

BACKUP_PREFIX = "coachdesk-"
BACKUP_SUFFIX = ".sqlite3"
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(rf"^{re.escape(BACKUP_PREFIX)}(\d{{8}}-\d{{6}}){re.escape(BACKUP_SUFFIX)}$")

KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
MIN_INTERVAL = timedelta(minutes=30)


# --- rotation (pure) ----------------------------------------------------------------------


def backups_to_keep(
    moments: Iterable[datetime],
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[datetime]:
    """Which backups rotation keeps: the newest of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months that have at least one backup.

    The three rules are independent; a backup kept by any of them stays.
    """
    newest_first = sorted(set(moments), reverse=True)
    kept: set[datetime] = set()
    rules = (
        (daily, lambda moment: moment.date()),
        (weekly, lambda moment: moment.isocalendar()[:2]),
        (monthly, lambda moment: (moment.year, moment.month)),
    )
    for count, period_of in rules:
        seen: set[object] = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            period = period_of(moment)
            if period not in seen:
                seen.add(period)
                kept.add(moment)
    return kept


# --- making backups -----------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime


def backup_name(moment: datetime) -> str:
    return f"{BACKUP_PREFIX}{moment.strftime(_STAMP_FORMAT)}{BACKUP_SUFFIX}"


def list_backups(folder: Path) -> list[BackupFile]:
    """Automatic backups in ``folder``, newest first."""
    found = []
    if folder.is_dir():
        for child in folder.iterdir():
            match = _NAME.match(child.name)
            if match and child.is_file():
                found.append(BackupFile(child, datetime.strptime(match[1], _STAMP_FORMAT)))
    return sorted(found, key=lambda item: item.made_at, reverse=True)


def write_backup(database: Path, target: Path, key: bytes | None = None) -> Path:
    """Copy ``database`` to ``target`` (backup API, then rename); the keys file goes too."""
    database = Path(database)
    target = Path(target)
    if key is None and sqlcipher.is_protected(database):
        raise UserError(
            f"La base « {database.name} » est protégée : sa phrase de passe est nécessaire "
            "pour la sauvegarder."
        )
    if key is not None:
        # The keys file first: a backup never exists without what opens it.
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(crypto.sidecar_path(database), crypto.sidecar_path(target))
    backup_sqlite(database, target, key)
    return target


def rotate(folder: Path) -> list[Path]:
    """Delete the automatic backups that rotation does not keep; returns what was deleted."""
    backups = list_backups(folder)
    keep = backups_to_keep(item.made_at for item in backups)
    removed = []
    for item in backups:
        if item.made_at not in keep:
            item.path.unlink(missing_ok=True)
            crypto.sidecar_path(item.path).unlink(missing_ok=True)
            removed.append(item.path)
    return removed


def last_change(database: Path) -> datetime:
    """When the database (or its write-ahead log) was last written."""
    stamps = [database.stat().st_mtime]
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        stamps.append(wal.stat().st_mtime)
    return datetime.fromtimestamp(max(stamps))


def backup_now(
    database: Path,
    key: bytes | None = None,
    *,
    now: datetime | None = None,
    folders: Iterable[Path] | None = None,
) -> list[Path]:
    """Make an automatic backup in each folder (the data folder by default), then rotate."""
    now = now or datetime.now()
    targets = list(folders) if folders is not None else [paths.backup_dir()]
    written = []
    for folder in targets:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / backup_name(now)
        write_backup(database, target, key)
        rotate(folder)
        written.append(target)
    return written


def backup_if_due(
    database: Path,
    key: bytes | None = None,
    *,
    now: datetime | None = None,
    extra_folder: Path | None = None,
    min_interval: timedelta = MIN_INTERVAL,
) -> list[Path]:
    """The app's entry point (timer and close): back up when something changed since the last
    backup and that one is older than ``min_interval`` (pass ``timedelta(0)`` on close)."""
    now = now or datetime.now()
    folder = paths.backup_dir()
    existing = list_backups(folder)
    if existing:
        last = existing[0].made_at
        if now - last < min_interval or last_change(database) <= last:
            return []
    folders = [folder] + ([extra_folder] if extra_folder is not None else [])
    return backup_now(database, key, now=now, folders=folders)


# --- restoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    previous_copy: Path | None
    table_counts: dict[str, int]
    encrypted: bool


def _backup_key(backup: Path, passphrase: str | None, recovery_key: str | None) -> bytes | None:
    if sqlcipher.is_plain_sqlite(backup):
        return None
    if not crypto.sidecar_path(backup).exists():
        raise UserError(
            f"Le fichier « {backup.name} » n'est pas une base CoachDesk lisible, ou c'est une "
            f"sauvegarde chiffrée sans son fichier de clés « {crypto.sidecar_path(backup).name} ».",
            hint="Rien n'a été remplacé. Choisissez une autre sauvegarde.",
        )
    return sqlcipher.unlock(backup, passphrase=passphrase, recovery_key=recovery_key)


def restore(
    backup: Path,
    database: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace ``database`` with ``backup`` after checking it; the replaced one is kept aside.

    CoachDesk must not have ``database`` open meanwhile (the window closes it first).
    """
    backup = Path(backup)
    database = Path(database)
    now = now or datetime.now()
    if not backup.is_file():
        raise UserError(f"La sauvegarde « {backup} » n'existe pas.")
    if backup.resolve() == database.resolve():
        raise UserError("La sauvegarde choisie est la base elle-même.")
    key = _backup_key(backup, passphrase, recovery_key)
    counts = sqlcipher.verify(backup, key)
    if "alembic_version" not in counts:
        raise UserError(
            f"Le fichier « {backup.name} » n'est pas une sauvegarde CoachDesk.",
            hint="Rien n'a été remplacé.",
        )

    previous_copy = None
    stamp = now.strftime(_STAMP_FORMAT)
    if database.exists():
        previous_copy = database.with_name(
            f"{database.stem}.avant-restauration-{stamp}{database.suffix}"
        )
        _keep_previous(database, previous_copy)

    staged = database.with_name(database.name + ".restauration")
    shutil.copyfile(backup, staged)
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())
    # The old write-ahead log belongs to the old database: replayed on the restored file it
    # would corrupt it. Its content is in ``previous_copy`` (the backup API reads through it).
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    if key is not None:
        crypto.write_json_atomically(crypto.sidecar_path(database), crypto.read_sidecar(backup))
    os.replace(staged, database)
    crypto._fsync_dir(database.parent)
    if key is None:
        # A plain backup restored over a protected database: its keys file no longer applies.
        crypto.sidecar_path(database).unlink(missing_ok=True)
    _audit_restore(database, key, backup, previous_copy)
    from coachdesk.sync.engine import after_restore

    # A database of a team: resynchronise from the start, and keep erased people out.
    after_restore(database, key, previous_copy)
    return RestoreResult(previous_copy, counts, key is not None)


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


def _keep_previous(database: Path, copy: Path) -> None:
    """Keep what a restore replaces: a backup-API copy, or the raw file when it is damaged."""
    key_file = crypto.sidecar_path(database)
    if key_file.exists():
        shutil.copyfile(key_file, crypto.sidecar_path(copy))
    try:
        if sqlcipher.is_plain_sqlite(database):
            sqlcipher.verify(database, None)
            backup_sqlite(database, copy)
            return
    except UserError:
        pass
    # Damaged or encrypted (no key at hand): the bytes as they are, WAL included.
    shutil.copyfile(database, copy)
    for suffix in ("-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            shutil.copyfile(part, copy.with_name(copy.name + suffix))
