"""Backups: rotating checked copies, filed per database.

* Each backup is a consistent copy made with SQLite's backup API through the open database's
  own connection (opening the live file a second time would release the process's locks on
  it). The copy is checked with ``PRAGMA integrity_check`` before it is kept, and before any
  older one is rotated away: a damaged database raises ``DamagedDatabase`` and no good copy
  is replaced or deleted.
* A protected database's backup is encrypted with the same data key, and its keys file is
  copied beside it first: the backup opens with the passphrase that was current when it was
  made, or with the recovery key. Backups are 0600 in 0700 folders.
* Backups belong to one database: they go to ``sauvegardes/<identity>/`` (the id stored in
  the database, ``DatabaseIdentity``) and, optionally, to ``<second folder>/<identity>/`` (a
  USB key). The demo's go to the cache folder, never beside a coach's. The app calls
  ``backup_if_due`` every few minutes and on close: a backup is made when the database changed
  since the last one and that one is older than 30 minutes.
* Rotation keeps the newest backup of each of the last 12 days, 10 weeks and 9 months that
  have backups (``backups_to_keep`` is a pure function). The copies kept beside the database
  before a restore or a migration follow the same rule.
* Restoring one is :mod:`coachdesk.services.restoring`'s work.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from coachdesk import paths
from coachdesk.db import Database, backup_database
from coachdesk.errors import UserError
from coachdesk.files import fresh_private

log = logging.getLogger(__name__)

BACKUP_PREFIX = "coachdesk-"
BACKUP_SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
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


# --- which database, which folder -----------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """A database's identity: its id names its backup folder."""

    id: str
    is_demo: bool = False


def identity_of(database: Database) -> Identity:
    """The identity stored in the open database (read through its own connection)."""
    from coachdesk.models import DatabaseIdentity

    with database.read() as session:
        row = session.execute(
            select(DatabaseIdentity.id, DatabaseIdentity.is_demo).order_by(
                DatabaseIdentity.created_at
            )
        ).first()
    if row is None:  # pragma: no cover - every database gets one at creation or upgrade
        with database.write() as session:
            identity = DatabaseIdentity()
            session.add(identity)
            session.flush()
            return Identity(identity.id, False)
    return Identity(str(row.id), bool(row.is_demo))


def mark_as_demo(database: Database) -> None:
    """Say that ``database`` is the demo: its backups never go beside a coach's."""
    from sqlalchemy import update

    from coachdesk.models import DatabaseIdentity

    with database.write() as session:
        session.execute(update(DatabaseIdentity).values(is_demo=True))


def private_folder(folder: Path) -> Path:
    """``folder``, created if needed, readable by its owner only (0700)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def backup_root(identity: Identity) -> Path:
    """Where the folders of automatic backups are: the data folder, or the cache for the demo."""
    if identity.is_demo:
        return private_folder(paths.cache_dir() / paths.DEMO_BACKUP_FOLDER)
    return private_folder(paths.backup_dir())


def backup_folder(identity: Identity, root: Path | None = None) -> Path:
    """The backup folder of one database: ``<root>/<identity>``."""
    return private_folder((root if root is not None else backup_root(identity)) / identity.id)


# --- making backups -----------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime

    def copied_at(self) -> datetime:
        """When the copy began, to the microsecond: the file's time, set to it when the copy
        was made (``backup_now``); its name's time (to the second) when the file's time lies
        outside that second (a backup made before, or a file touched since)."""
        try:
            stamped = datetime.fromtimestamp(self.path.stat().st_mtime)
        except OSError:
            return self.made_at
        return stamped if self.made_at <= stamped < self.made_at + timedelta(seconds=1) \
            else self.made_at


def backup_name(moment: datetime) -> str:
    return f"{BACKUP_PREFIX}{moment.strftime(STAMP_FORMAT)}{BACKUP_SUFFIX}"


def list_backups(folder: Path) -> list[BackupFile]:
    """Automatic backups in ``folder``, newest first."""
    found = []
    if folder.is_dir():
        for child in folder.iterdir():
            match = _NAME.match(child.name)
            if match and child.is_file():
                found.append(BackupFile(child, datetime.strptime(match[1], STAMP_FORMAT)))
    return sorted(found, key=lambda item: item.made_at, reverse=True)


def copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target``, made private (0600) before anything is written."""
    fresh_private(target)
    shutil.copyfile(source, target)


def write_backup(database: Database, target: Path) -> Path:
    """Copy the open ``database`` to ``target``; the keys file of a protected one goes too.

    Raises:
        DamagedDatabase: the copy fails the integrity check; ``target`` is left as it was.
    """
    from coachdesk.security import crypto

    target = Path(target)
    keys = crypto.sidecar_path(target)
    keys_before = keys.read_bytes() if keys.exists() else None
    if database.key is not None and database.path is not None:
        # The keys file first: a backup never exists without what opens it.
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_private(crypto.sidecar_path(database.path), keys)
    try:
        backup_database(database, target)
    except BaseException:
        # Nothing written: the keys file goes back to what it was.
        if database.key is not None:
            if keys_before is None:
                keys.unlink(missing_ok=True)
            else:
                keys.write_bytes(keys_before)
        raise
    return target


def _remove_copy(path: Path) -> None:
    from coachdesk.security import crypto

    path.unlink(missing_ok=True)
    crypto.sidecar_path(path).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def rotate(folder: Path) -> list[Path]:
    """Delete the automatic backups that rotation does not keep; returns what was deleted."""
    backups = list_backups(folder)
    keep = backups_to_keep(item.made_at for item in backups)
    removed = []
    for item in backups:
        if item.made_at not in keep:
            _remove_copy(item.path)
            removed.append(item.path)
    return removed


def _side_copy_pattern(database: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(database.stem)}\.avant-(restauration|migration-[^-]+)-"
        rf"(\d{{8}}-\d{{6}}){re.escape(database.suffix)}$"
    )


def side_copies(database: Path) -> list[tuple[str, BackupFile]]:
    """The copies kept beside ``database`` before a restore or a migration, newest first,
    each with its kind ("restauration" or "migration")."""
    database = Path(database)
    pattern = _side_copy_pattern(database)
    found = []
    if database.parent.is_dir():
        for child in database.parent.iterdir():
            match = pattern.match(child.name)
            if match and child.is_file():
                kind = "restauration" if match[1] == "restauration" else "migration"
                made_at = datetime.strptime(match[2], STAMP_FORMAT)
                found.append((kind, BackupFile(child, made_at)))
    return sorted(found, key=lambda item: item[1].made_at, reverse=True)


def rotate_side_copies(database: Path) -> list[Path]:
    """Rotate the before-restore and before-migration copies like automatic backups."""
    removed = []
    copies = side_copies(database)
    for kind in ("restauration", "migration"):
        own = [item for item_kind, item in copies if item_kind == kind]
        keep = backups_to_keep(item.made_at for item in own)
        for item in own:
            if item.made_at not in keep:
                _remove_copy(item.path)
                removed.append(item.path)
    return removed


def _remove_partials(folder: Path) -> None:
    # What a backup killed half-way left: never a file a coach could restore, maybe plain.
    for leftover in folder.glob("*.partiel*"):
        leftover.unlink(missing_ok=True)


def last_change(database: Path) -> datetime:
    """When the database (or its write-ahead log) was last written (file times only: the
    database file is never opened for this).

    An empty log is SQLite's file made when the database is opened, before anything is
    written: its time is the opening's, not a change (counted, every closing of the window
    made a backup, even with nothing written)."""
    stamps = [database.stat().st_mtime]
    wal = database.with_name(database.name + "-wal")
    try:
        wal_file = wal.stat()
    except FileNotFoundError:
        wal_file = None
    if wal_file is not None and wal_file.st_size > 0:
        stamps.append(wal_file.st_mtime)
    return datetime.fromtimestamp(max(stamps))


def backup_now(
    database: Database,
    *,
    now: datetime | None = None,
    folders: Iterable[Path] | None = None,
) -> list[Path]:
    """Make an automatic backup in each folder (the database's own by default), then rotate.

    Rotation runs only once the new copy passed its integrity check: a damaged database raises
    ``DamagedDatabase`` before any older copy is touched.
    """
    targets = list(folders) if folders is not None else [backup_folder(identity_of(database))]
    # The log folded into the file first: the file is then not written again when the
    # database closes (that write's time, after the copy, would count as a change and call
    # for another backup of the same data).
    database.fold_log()
    now = now or datetime.now()
    written = []
    for folder in targets:
        private_folder(folder)
        _remove_partials(folder)
        target = folder / backup_name(now)
        write_backup(database, target)
        # The copy's own time is when it began, to the microsecond (the name says the second):
        # a write in the same second, after the copy, is still a change (``copied_at``).
        moment = now.timestamp()
        try:
            os.utime(target, (moment, moment))
        except OSError:  # (a USB key's file system may refuse): the name's second is kept
            log.info("backup time not set on the copy")
        rotate(folder)
        if database.key is not None and database.path is not None:
            # Plain copies left by a protection that was interrupted: encrypted now.
            encrypt_plain_copies(
                [item.path for item in list_backups(folder)], database.key, database.path
            )
        written.append(target)
    if database.path is not None:
        rotate_side_copies(database.path)
    return written


def backup_if_due(
    database: Database,
    *,
    now: datetime | None = None,
    extra_folder: Path | None = None,
    min_interval: timedelta = MIN_INTERVAL,
    before: Callable[[], None] | None = None,
) -> list[Path]:
    """The app's entry point (timer and close): back up when something changed since the last
    backup and that one is older than ``min_interval`` (pass ``timedelta(0)`` on close).

    ``extra_folder`` (a USB key) gets the database's own subfolder too; never for the demo.
    ``before`` is called once a backup is due, before it is written (the closing window says
    it is making one: seconds for a large database).
    """
    checked = now or datetime.now()
    identity = identity_of(database)
    folder = backup_folder(identity)
    existing = list_backups(folder)
    if existing and database.path is not None:
        last = existing[0]
        if (checked - last.made_at < min_interval
                or last_change(database.path) <= last.copied_at()):
            return []
    if before is not None:
        before()
    folders = [folder]
    if extra_folder is not None and not identity.is_demo:
        folders.append(backup_folder(identity, extra_folder))
    return backup_now(database, now=now, folders=folders)


# --- plain copies of a protected database ---------------------------------------------------


@dataclass
class EncryptedCopies:
    """What protecting did to the existing copies of a database."""

    encrypted: list[Path] = field(default_factory=list)
    # Plain copies that could not be encrypted (damaged): overwritten, then deleted.
    deleted: list[Path] = field(default_factory=list)


def encrypt_plain_copies(files: Iterable[Path], key: bytes, database: Path) -> EncryptedCopies:
    """Encrypt in place each plain copy among ``files`` with ``key``, the database's keys
    file copied beside it. A plain copy that cannot be encrypted (damaged) is overwritten and
    deleted: plain personal data does not stay beside a protected database."""
    from coachdesk.security import crypto, sqlcipher

    result = EncryptedCopies()
    for path in files:
        path = Path(path)
        if not sqlcipher.is_plain_sqlite(path):
            continue
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        try:
            copy_private(crypto.sidecar_path(database), crypto.sidecar_path(path))
            sqlcipher.encrypt_in_place(path, key)
        except UserError:
            crypto.sidecar_path(path).unlink(missing_ok=True)
            sqlcipher.shred(path)
            result.deleted.append(path)
            continue
        result.encrypted.append(path)
    return result


def copies_of(database: Path, identity: Identity, extra_folders: Iterable[Path] = ()) -> list[Path]:
    """Every copy of ``database`` CoachDesk made: its automatic backups (data folder, second
    folders), the copies beside it made before a restore or a migration, and — for the
    coach's own database — the backups made before backups were filed per database."""
    found = [item.path for item in list_backups(backup_folder(identity))]
    for extra in extra_folders:
        if Path(extra).is_dir():
            found += [item.path for item in list_backups(Path(extra) / identity.id)]
    found += [item.path for _kind, item in side_copies(database)]
    if not identity.is_demo and Path(database).absolute() == paths.default_db_path().absolute():
        found += [item.path for item in list_backups(paths.backup_dir())]
    return found
