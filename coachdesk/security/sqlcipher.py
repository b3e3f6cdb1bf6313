"""SQLCipher databases: opening with a raw key, protecting a plain database, checking.

The key reaches SQLCipher only as ``PRAGMA key = "x'<64 hex digits>'"`` built from 32 checked
bytes: never a passphrase formatted into SQL. Nothing here ever creates, truncates or overwrites
a database it could not open: a wrong key or a damaged file raises ``UserError`` and the file
stays byte for byte as it was.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from coachdesk.errors import UserError, explain_failure
from coachdesk.security import crypto

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def _silence_cipher_log() -> None:
    # SQLCipher prints each failed page decryption (a wrong key) on stderr; the coach gets our
    # French message instead. The log level is process-wide.
    with closing(sqlcipher3.connect(":memory:")) as connection:
        connection.execute("PRAGMA cipher_log_level = NONE")


_silence_cipher_log()


def raw_key_literal(key: bytes) -> str:
    """``x'…'``: the SQLCipher literal of a raw 32-byte key, after checking it."""
    if not isinstance(key, bytes | bytearray) or len(key) != crypto.DATA_KEY_BYTES:
        raise ValueError("an SQLCipher raw key is exactly 32 bytes")
    hex_key = bytes(key).hex()
    if not _HEX_KEY.fullmatch(hex_key):  # pragma: no cover - bytes.hex() always matches
        raise ValueError("bad key")
    return f"x'{hex_key}'"


def key_pragma(key: bytes) -> str:
    return f'PRAGMA key = "{raw_key_literal(key)}"'


def file_header(path: Path) -> bytes:
    with Path(path).open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC))


def is_plain_sqlite(path: Path) -> bool:
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and file_header(path) == SQLITE_MAGIC


def is_protected(path: Path) -> bool:
    """True when ``path`` is an encrypted CoachDesk database (not plain, keys beside it)."""
    path = Path(path)
    return (
        path.is_file()
        and path.stat().st_size > 0
        and file_header(path) != SQLITE_MAGIC
        and crypto.sidecar_path(path).exists()
    )


def check_encrypted_file(path: Path) -> None:
    """Refuse to open with a key a database stored in clear (a key would not be applied)."""
    if is_plain_sqlite(path):
        raise UserError(
            f"La base « {Path(path).name} » n'est pas chiffrée.",
            hint="Ouvrez-la sans phrase de passe, ou protégez-la d'abord.",
        )


def _wrong_key(path: Path) -> UserError:
    return UserError(
        f"Impossible de déchiffrer la base « {Path(path).name} » : la clé ne correspond pas, "
        "ou le fichier est endommagé.",
        hint="Le fichier n'a pas été modifié. Vérifiez la phrase de passe, ou restaurez une "
        "sauvegarde.",
    )


def connect(path: Path, key: bytes, *, create: bool = False) -> Any:
    """A raw SQLCipher connection to ``path`` with ``key``, checked by reading the schema.

    Without ``create`` the file must exist: it is opened read-write but never created, and a
    wrong key raises ``UserError`` before anything is written.
    """
    path = Path(path)
    if create:
        connection = sqlcipher3.connect(str(path))
    else:
        if not path.is_file():
            raise UserError(f"La base de données « {path} » n'existe pas.")
        connection = sqlcipher3.connect(f"{path.as_uri()}?mode=rw", uri=True)
    try:
        connection.execute(key_pragma(key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        connection.close()
        # A full disk or a read-only folder is no wrong key: say what it is.
        raise explain_failure(exc, machine_only=True, database=path) or _wrong_key(path) from exc
    return connection


@contextmanager
def opened(path: Path, key: bytes, *, create: bool = False) -> Iterator[Any]:
    connection = connect(path, key, create=create)
    try:
        yield connection
    finally:
        connection.close()


def integrity_problems(connection: Any) -> list[str]:
    """What ``PRAGMA integrity_check`` reports, empty when the database is sound."""
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def table_counts(connection: Any, schema: str = "main") -> dict[str, int]:
    """Row count of every table of ``schema``, to compare a copy with its original."""
    if not re.fullmatch(r"[A-Za-z_]+", schema):
        raise ValueError(schema)
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    counts = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = connection.execute(f"SELECT count(*) FROM {schema}.{quoted}").fetchone()[0]
    return counts


def backup_encrypted(source: Path, target: Path, key: bytes) -> None:
    """Backup-API copy of an encrypted database: the copy is encrypted with the same key."""
    with opened(source, key) as src, closing(sqlcipher3.connect(str(target))) as dst:
        dst.execute(key_pragma(key))
        src.backup(dst)


def verify(path: Path, key: bytes | None) -> dict[str, int]:
    """Check a database file (plain when ``key`` is None) and return its table counts.

    Raises:
        UserError: the file cannot be opened with this key or fails the integrity check.
    """
    path = Path(path)
    try:
        if key is None:
            if not is_plain_sqlite(path):
                raise _unreadable(path)
            connection = sqlcipher3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        else:
            connection = connect(path, key)
        with closing(connection):
            problems = integrity_problems(connection)
            if problems:
                raise UserError(
                    f"La base « {path.name} » est endommagée : {problems[0]}",
                    hint="Elle n'a pas été utilisée. Choisissez une autre sauvegarde.",
                )
            return table_counts(connection)
    except sqlcipher3.DatabaseError as exc:
        raise _unreadable(path) from exc


def _unreadable(path: Path) -> UserError:
    return UserError(
        f"Le fichier « {path.name} » n'est pas une base CoachDesk lisible (fichier tronqué, "
        "endommagé ou d'un autre type).",
        hint="Le fichier n'a pas été modifié. Choisissez une autre base ou une autre sauvegarde.",
    )


# --- protecting a plain database ----------------------------------------------------------


def _overwrite_and_close(handle: Any) -> None:
    """Best effort erasure of a file's old content through a handle still open on it.

    On SSDs and journaling file systems old blocks may survive elsewhere: full-disk encryption
    remains the real protection of a laptop; this only avoids leaving the plain file readable.
    """
    try:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(0)
        chunk = 1024 * 1024
        written = 0
        while written < size:
            step = min(chunk, size - written)
            handle.write(secrets.token_bytes(step))
            written += step
        handle.flush()
        os.fsync(handle.fileno())
    finally:
        handle.close()


def _checkpoint_plain(path: Path) -> None:
    """Fold the plain database's WAL into it and leave no -wal beside it (it would be applied
    to the encrypted file that takes its name)."""
    with closing(sqlcipher3.connect(f"{path.as_uri()}?mode=rw", uri=True)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    for suffix in ("-wal", "-shm"):
        leftover = path.with_name(path.name + suffix)
        if leftover.exists():
            raise UserError(
                f"La base « {path.name} » est encore ouverte par un autre programme.",
                hint="Fermez les autres fenêtres de CoachDesk, puis recommencez.",
            )


def export_encrypted(plain: Path, encrypted: Path, key: bytes) -> dict[str, int]:
    """Write an encrypted copy of the plain database file ``plain`` (not open elsewhere) to
    ``encrypted`` (0600) with ``sqlcipher_export``, check it (integrity, same row count in every
    table) and sync it; returns the table counts. ``encrypted`` is removed on failure."""
    from coachdesk.files import fresh_private

    plain_counts = verify(plain, None)
    fresh_private(encrypted)
    try:
        with closing(sqlcipher3.connect(f"{Path(plain).as_uri()}?mode=ro", uri=True)) as source:
            source.execute(
                "ATTACH DATABASE ? AS encrypted KEY ?", (str(encrypted), raw_key_literal(key))
            )
            # The copy is used only once checked and synced whole (below); a copy cut short is
            # removed. Syncing each of the export's statements (one per table and index) took
            # 2 s for an empty database.
            source.execute("PRAGMA encrypted.synchronous = OFF")
            source.execute("SELECT sqlcipher_export('encrypted')")
            user_version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
            source.execute("DETACH DATABASE encrypted")
        with opened(encrypted, key) as check:
            problems = integrity_problems(check)
            copied_counts = table_counts(check)
        if problems or copied_counts != plain_counts:
            raise UserError(
                "La copie chiffrée ne correspond pas à la base d'origine ; rien n'a été changé.",
                hint="Vérifiez l'espace disque libre, puis recommencez.",
            )
        with encrypted.open("rb") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        encrypted.unlink(missing_ok=True)
        raise
    return plain_counts


def swap_and_shred(replacement: Path, path: Path) -> None:
    """Put ``replacement`` in place of ``path`` (one rename), then overwrite the old content
    through a handle still open on it, so the plain bytes do not stay readable in that file."""
    old_handle = path.open("r+b")
    try:
        os.replace(replacement, path)
    except BaseException:
        old_handle.close()
        raise
    crypto._fsync_dir(path.parent)
    _overwrite_and_close(old_handle)


def shred(path: Path) -> None:
    """Overwrite a file's content, then delete it (best effort on SSDs, see above)."""
    try:
        _overwrite_and_close(Path(path).open("r+b"))  # noqa: SIM115 - closed by the callee
    finally:
        Path(path).unlink(missing_ok=True)


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Encrypt the plain database file ``path`` (a backup, never the live database) with
    ``key``: an encrypted copy is made and checked, then swapped in, the plain bytes overwritten.
    """
    path = Path(path)
    encrypted = path.with_name(path.name + ".chiffrement")
    export_encrypted(path, encrypted, key)
    try:
        swap_and_shred(encrypted, path)
    finally:
        encrypted.unlink(missing_ok=True)


def protect_database(
    path: Path, passphrase: str, *, params: crypto.ScryptParams | None = None
) -> str:
    """Encrypt an existing plain database in place; returns the recovery key to print.

    The encrypted copy is made with ``sqlcipher_export`` beside the database, checked
    (integrity, same row count in every table), then swapped in with ``os.replace``; the plain
    content is then overwritten. The database must not be open elsewhere. Killed at any moment,
    it leaves either the plain original (a keys file beside it is then ignored, and replaced by
    the next attempt) or the finished encrypted database with its keys file.
    """
    path = Path(path)
    crypto.check_passphrase(passphrase)
    if not is_plain_sqlite(path):
        if is_protected(path):
            raise UserError(f"La base « {path.name} » est déjà protégée.")
        raise _unreadable(path)
    verify(path, None)
    _checkpoint_plain(path)

    encrypted = path.with_name(path.name + ".chiffrement")
    encrypted.unlink(missing_ok=True)
    sidecar = crypto.sidecar_path(path)
    previous_sidecar = sidecar.read_bytes() if sidecar.exists() else None
    keys = crypto.create_keys(path, passphrase, params=params)
    try:
        export_encrypted(path, encrypted, keys.data_key)
        swap_and_shred(encrypted, path)
    except BaseException:
        encrypted.unlink(missing_ok=True)
        if is_plain_sqlite(path):
            # The swap did not happen: put the keys file back as it was.
            if previous_sidecar is None:
                sidecar.unlink(missing_ok=True)
            else:
                sidecar.write_bytes(previous_sidecar)
        raise
    return keys.recovery_key


def unlock(
    path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
) -> bytes:
    """The data key of a protected database, checked against the database itself.

    When a change of data key was interrupted after the database was rekeyed, the new key is
    the one that opens it: the change is then finished (the keys file keeps only that key).
    """
    if passphrase is None and recovery_key is None:
        raise UserError(
            f"La base « {Path(path).name} » est protégée par une phrase de passe.",
            hint="Saisissez la phrase de passe (ou la clé de secours).",
        )
    candidates = crypto.candidate_keys(path, passphrase=passphrase, recovery_key=recovery_key)
    refused: UserError | None = None
    for which, key in candidates:
        try:
            with opened(path, key):
                pass
        except UserError as error:
            refused = error
            continue
        if which == "pending":
            crypto.finish_key_change(path)
        return key
    assert refused is not None
    raise refused


def rekey_database(path: Path, key: bytes, new_key: bytes) -> None:
    """Re-encrypt the (closed) database ``path`` from ``key`` to ``new_key`` in place.

    SQLCipher rewrites every page in one transaction: killed half-way, the database is still
    whole under the old key (the journal rolls it back), or whole under the new one.
    """
    with opened(path, key) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with opened(path, new_key) as check:
        problems = integrity_problems(check)
    if problems:  # pragma: no cover - SQLCipher checks each page it rewrites
        raise UserError(
            f"La base « {Path(path).name} » n'a pas pu être rechiffrée : {problems[0]}",
            hint="Restaurez la dernière sauvegarde.",
        )


def missing_keys_file(path: Path) -> UserError | None:
    """The French explanation when ``path`` is an encrypted database whose keys file is gone
    (None otherwise): without it neither the passphrase nor the recovery key can open it, and
    each backup carries a copy of it."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0 or file_header(path) == SQLITE_MAGIC:
        return None
    if crypto.sidecar_path(path).exists():
        return None
    return UserError(
        f"La base « {path.name} » est chiffrée, mais son fichier de clés "
        f"« {crypto.sidecar_path(path).name} » a disparu : sans lui, ni la phrase de passe ni "
        "la clé de secours ne peuvent l'ouvrir. La base n'a pas été modifiée.",
        hint="Chaque sauvegarde emporte une copie de ce fichier (« ….sqlite3.cles.json » à "
        "côté d'elle, dans le dossier des sauvegardes). Copiez celui de la sauvegarde la plus "
        f"récente à côté de la base sous le nom « {crypto.sidecar_path(path).name} », puis "
        "ouvrez la base avec la clé de secours imprimée (elle ne change pas quand la phrase de "
        "passe change) : CoachDesk vous fera choisir une nouvelle phrase de passe.",
    )
