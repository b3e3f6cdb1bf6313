"""Protecting a database and changing its keys: one function each, for the window and the CLI.

* ``protect`` encrypts a plain database in place (SQLCipher), then every plain copy CoachDesk
  made of it — its automatic backups, the copies kept before a restore or a migration — with
  the same key, each copy carrying the keys file. Removing a plain file is no guarantee on an
  SSD (its blocks may survive), so copies are encrypted, not deleted; a copy too damaged to be
  encrypted is overwritten and deleted, and the caller says so.
* ``change_keys`` sets a new passphrase and, when asked, a new data key (``PRAGMA rekey``): the
  database and its backups encrypted with the old key are re-encrypted, and a new recovery key
  is returned (the old one, like an old keys file, no longer opens anything re-encrypted).

Both need the database closed (the window disposes it first, keeping its lock).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.files import fresh_private
from coachdesk.security import crypto, sqlcipher
from coachdesk.services import audit, backups


@dataclass(frozen=True)
class Protection:
    """What protecting did: the recovery key to print (shown once) and the copies' fate."""

    recovery_key: str
    key: bytes = field(repr=False)
    encrypted_copies: list[Path]
    deleted_copies: list[Path]


def protect(
    path: Path,
    passphrase: str,
    *,
    extra_folders: Iterable[Path] = (),
    params: crypto.ScryptParams | None = None,
) -> Protection:
    """Encrypt the plain database ``path`` and every plain copy of it; returns the recovery key.

    Killed at any moment, the database is either the untouched plain original or the finished
    encrypted one; copies not yet encrypted then are encrypted by the next automatic backup.
    """
    path = Path(path)
    crypto.check_passphrase(passphrase, (path.stem,))
    if sqlcipher.is_protected(path):
        raise UserError(f"La base « {path.name} » est déjà protégée.")
    # Opening first refuses a damaged, foreign or newer database, and upgrades an older one.
    database = open_database(path, create=False)
    try:
        identity = backups.identity_of(database)
    finally:
        database.dispose()
    recovery = sqlcipher.protect_database(path, passphrase, params=params)
    key = sqlcipher.unlock(path, passphrase=passphrase)
    copies = backups.encrypt_plain_copies(
        backups.copies_of(path, identity, extra_folders), key, path
    )
    database = open_database(path, create=False, key=key)
    try:
        with database.write() as session:
            audit.record(
                session,
                "protect",
                f"Base chiffrée par phrase de passe ; {len(copies.encrypted)} copie(s) "
                f"chiffrée(s), {len(copies.deleted)} copie(s) endommagée(s) supprimée(s)",
                count=len(copies.encrypted),
            )
    finally:
        database.dispose()
    return Protection(recovery, key, copies.encrypted, copies.deleted)


@dataclass(frozen=True)
class KeyChange:
    """The key that now opens the database, and the new recovery key when it changed."""

    key: bytes = field(repr=False)
    recovery_key: str | None = None
    reencrypted_copies: list[Path] = field(default_factory=list)


def change_keys(
    path: Path,
    key: bytes,
    new_passphrase: str,
    *,
    new_key: bool = False,
    extra_folders: Iterable[Path] = (),
    params: crypto.ScryptParams | None = None,
) -> KeyChange:
    """Give the protected database ``path`` (opened with ``key``, now closed) a new passphrase,
    and with ``new_key`` a new data key and recovery key.

    Killed at any moment, the database opens with the old passphrase (nothing happened yet) or
    with the new one (the key change is finished at that opening).
    """
    path = Path(path)
    crypto.check_passphrase(new_passphrase, (path.stem,))
    if not new_key:
        crypto.set_passphrase(path, key, new_passphrase, params=params)
        return KeyChange(key)
    database = open_database(path, create=False, key=key)
    try:
        identity = backups.identity_of(database)
    finally:
        database.dispose()
    keys = crypto.prepare_key_change(path, new_passphrase, params=params)
    sqlcipher.rekey_database(path, key, keys.data_key)
    crypto.finish_key_change(path)
    copies = _rekey_copies(
        backups.copies_of(path, identity, extra_folders), key, keys.data_key, path
    )
    return KeyChange(keys.data_key, keys.recovery_key, copies)


def record_passphrase_change(database: Database, *, new_key: bool) -> None:
    """Note in the audit log, in its own transaction, that the passphrase (and with
    ``new_key`` the data key) of the database just reopened was changed."""
    with database.write() as session:
        audit.record(
            session,
            "passphrase_change",
            "Phrase de passe et clé de données changées" if new_key else "Phrase de passe changée",
        )


def _rekey_copies(files: Iterable[Path], key: bytes, new_key: bytes, database: Path) -> list[Path]:
    """Re-encrypt with ``new_key`` each copy encrypted with ``key``, with the new keys file.

    Each copy is rekeyed as a temporary file beside it, then renamed over it; a copy made
    under an earlier key keeps it (and its own keys file).
    """
    done = []
    for path in files:
        path = Path(path)
        if sqlcipher.is_plain_sqlite(path) or not path.is_file():
            continue
        try:
            with sqlcipher.opened(path, key):
                pass
        except UserError:
            continue
        staged = path.with_name(path.name + ".rechiffrement")
        try:
            fresh_private(staged)
            shutil.copyfile(path, staged)
            sqlcipher.rekey_database(staged, key, new_key)
            # The copy's keys file opens it before and after the rename (see prepare_key_change).
            keys = crypto.sidecar_path(path)
            document = crypto.read_sidecar(path) if keys.exists() else crypto.read_sidecar(database)
            current = crypto.read_sidecar(database)
            document["pending"] = {
                "passphrase": current["passphrase"], "recovery": current["recovery"],
            }
            crypto.write_json_atomically(keys, document)
            staged.replace(path)
            crypto.finish_key_change(path)
        finally:
            staged.unlink(missing_ok=True)
        done.append(path)
    return done
