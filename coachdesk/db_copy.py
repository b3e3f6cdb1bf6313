"""Copies of a SQLite database file, made safely: SQLite's backup API, never a file copy.

A copy is written to a private ``.partiel`` file, integrity-checked, synced and only then
renamed into place: a damaged database (``DamagedDatabase``) never replaces a good copy. The
live database is copied through its own connection (:func:`backup_database`); a file CoachDesk
does not hold open (the demo template, a file being restored) with :func:`backup_sqlite`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from coachdesk.errors import UserError, explain_failure

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# What SQLite may keep beside a database file while writing it.
JOURNALS = ("-journal", "-wal", "-shm")


class DamagedDatabase(UserError):
    """The database (or a copy of it) fails SQLite's integrity check: it is never backed up
    over good copies, and nothing more is written into it."""


def _damaged_copy(source_name: str, problem: str) -> DamagedDatabase:
    return DamagedDatabase(
        f"La base « {source_name} » est endommagée ({problem}) : la sauvegarde n'a pas été "
        "faite, et aucune sauvegarde existante n'a été remplacée ni supprimée.",
        hint="Restaurez la dernière bonne sauvegarde (Fichier ▸ Restaurer une sauvegarde…, ou "
        "« coachdesk restore »), puis vérifiez le disque de l'ordinateur.",
    )


def _integrity_problems(connection: Any) -> list[str]:
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def _sync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows has no directory fsync
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def copy_through(source: Any, driver: Any, target: Path, key: bytes | None, name: str) -> None:
    """Backup-API copy from the open DB-API connection ``source`` to ``target``: written to a
    0600 ``.partiel`` file, integrity-checked, synced, then renamed into place. A copy that
    fails the check is removed and ``DamagedDatabase`` raised: nothing is replaced. Whatever
    fails, the partial file and its journals are removed; a full disk or a read-only medium
    while writing the copy is said in French, about the copy."""
    from coachdesk.files import create_private

    target = Path(target)
    if target.is_dir():
        raise UserError(
            f"« {target} » est un dossier.",
            hint="Indiquez le nom du fichier de sauvegarde à écrire.",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partiel")
    partial.unlink(missing_ok=True)
    try:
        create_private(partial)
        destination = driver.connect(str(partial))
        try:
            if key is not None:
                from coachdesk.security.sqlcipher import key_pragma

                destination.execute(key_pragma(key))
            try:
                source.backup(destination)
                problems = _integrity_problems(destination)
            except driver.DatabaseError as exc:
                if explain_failure(exc, written=target, machine_only=True) is not None:
                    raise
                problems = [str(exc)]
        finally:
            destination.close()
        if problems:
            raise _damaged_copy(name, problems[0])
        _sync_file(partial)
        partial.replace(target)
        _sync_folder(target.parent)
    except BaseException as exc:
        if isinstance(exc, FileNotFoundError):
            # Its folder was there a moment ago: gone since, or it takes no files.
            raise UserError(
                f"Impossible d'écrire « {target} » : le dossier « {target.parent} » n'existe "
                "plus ou n'accepte pas de fichiers (clé USB débranchée, dossier déplacé ou "
                "supprimé pendant la copie, dossier système).",
                hint="Rien n'a été écrit. Vérifiez que le support est branché et le dossier "
                "présent, ou choisissez un autre dossier, puis recommencez.",
            ) from exc
        if isinstance(exc, Exception) and not isinstance(exc, UserError):
            # SQLite failing on the copy (a full disk…) is about the copy, not the database.
            explained = explain_failure(exc, written=target, machine_only=True)
            if explained is not None:
                raise explained from exc
        raise
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in JOURNALS)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def sqlite_driver(key: bytes | None) -> Any:
    if key is None:
        return sqlite3
    import sqlcipher3

    return sqlcipher3


def backup_sqlite(source: Path, target: Path, key: bytes | None = None) -> None:
    """Consistent copy of a database file that CoachDesk does not hold open (the demo template,
    a file being restored) through the backup API — never a file copy. With ``key`` (an
    encrypted database) the copy is encrypted with the same key. The copy is 0600 and
    integrity-checked before it replaces ``target``.

    The live database is copied with :func:`backup_database` instead, through its own
    connection: opening its file a second time would release this process's locks on it.
    """
    driver = sqlite_driver(key)
    if key is None:
        src = driver.connect(f"file:{source}?mode=ro", uri=True)
    else:
        from coachdesk.security.sqlcipher import connect

        src = connect(source, key)
    try:
        copy_through(src, driver, target, key, source.name)
    finally:
        src.close()



def check_not_damaged(session: Session) -> None:
    """Refuse to go on writing into a damaged database (``PRAGMA quick_check``).

    Used before an audit row records a backup or an export: a damaged file is reported to the
    coach, never written further. Other databases (PostgreSQL) check themselves.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    rows = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise DamagedDatabase(
            f"La base de données est endommagée ({rows[0]}) : rien n'y a été enregistré.",
            hint="Restaurez la dernière bonne sauvegarde (Fichier ▸ Restaurer une "
            "sauvegarde…, ou « coachdesk restore »).",
        )


class OpenDatabase(Protocol):
    """What a copy needs of an open database (``db.Database``)."""

    path: Path | None
    engine: Engine
    key: bytes | None


def backup_database(database: OpenDatabase, target: Path) -> None:
    """Copy the open ``database`` to ``target`` through one of its own connections.

    The copy is encrypted with the database's key when it has one, 0600, and checked with
    ``PRAGMA integrity_check`` before it replaces ``target``: a damaged database raises
    :class:`DamagedDatabase` and leaves ``target`` as it was.
    """
    name = database.path.name if database.path is not None else "?"
    raw = database.engine.raw_connection()
    try:
        copy_through(raw.driver_connection, sqlite_driver(database.key), target, database.key, name)
    finally:
        raw.close()
