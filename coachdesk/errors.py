"""The one exception type that carries a message meant for the coach, and the failures of the
machine (full disk, read-only medium, failing disk, damaged database) turned into one."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class UserError(Exception):
    """A problem the coach can fix: the message is French, complete and shown as is.

    Services raise it for bad input, unreadable files and refused operations; the CLI prints it
    on stderr and exits 1, the window shows it in a dialog. Never put a traceback in it.
    """

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


# --- failures of the machine ------------------------------------------------------------------

# SQLite's primary result codes (https://sqlite.org/rescode.html) and their messages, for the
# drivers that give only the message (SQLCipher's).
_SQLITE_CODES = {5: "busy", 6: "busy", 8: "read_only", 10: "io", 11: "damaged", 13: "full",
                 14: "cannot_open", 26: "damaged"}
_SQLITE_MESSAGES = (
    ("database or disk is full", "full"),
    ("attempt to write a readonly database", "read_only"),
    ("readonly database", "read_only"),
    ("disk i/o error", "io"),
    ("database disk image is malformed", "damaged"),
    ("file is not a database", "damaged"),
    ("unable to open database file", "cannot_open"),
    ("database is locked", "busy"),
)
_ERRNO_KINDS = {
    errno.ENOSPC: "full",
    getattr(errno, "EDQUOT", -1): "full",
    errno.EROFS: "read_only",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EIO: "io",
    errno.EFBIG: "io",
}


def _sqlite_kind(exc: BaseException) -> str | None:
    module = type(exc).__module__ or ""
    if not (module.startswith("sqlite3") or module.startswith("sqlcipher3")):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    text = str(exc).lower()
    for fragment, kind in _SQLITE_MESSAGES:
        if fragment in text:
            return kind
    return None


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc``, what it wraps (SQLAlchemy's ``orig``) and its causes, outermost first."""
    found: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        for linked in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                pending.append(linked)
    return found


def _file_of(exc: OSError) -> str:
    name = exc.filename
    if name is None:
        return ""
    return f" « {os.fsdecode(name) if isinstance(name, bytes | str) else name} »"


def explain_failure(
    exc: BaseException,
    *,
    database: Path | None = None,
    written: Path | None = None,
    machine_only: bool = False,
) -> UserError | None:
    """The French explanation of a failure of the machine, or None for anything else.

    Recognised: a full disk (``ENOSPC``, SQLite's "database or disk is full"), a read-only
    file or medium (``EROFS``, "attempt to write a readonly database"), a refused access
    (``EACCES``/``EPERM``), other write
    and I/O errors (``EIO``, ``EFBIG`` when a file-size limit is reached, "disk I/O error"), a
    damaged database and a database held by another program. ``database`` names the database
    the operation used, for the messages about it; ``written``, the file being written when
    SQLite fails on it (a backup's copy). ``machine_only`` leaves damaged files
    (and UserErrors) out: for callers that say themselves why a file cannot be read.
    """
    if isinstance(exc, UserError):
        return None if machine_only else exc
    for item in _causes(exc):
        if isinstance(item, UserError):
            return None if machine_only else item
        kind: str | None = None
        where = ""
        about_database = True
        if isinstance(item, OSError) and item.errno in _ERRNO_KINDS:
            kind = _ERRNO_KINDS[item.errno]
            where = _file_of(item)
            about_database = _is_database_file(item.filename, database)
        else:
            kind = _sqlite_kind(item)
            if kind is not None and written is not None:
                where = f" « {written} »"
                about_database = False
            elif kind is not None and database is not None:
                where = f" dans la base « {Path(database).name} »"
        if kind is not None and not (machine_only and kind == "damaged"):
            return _explained(kind, where, database, about_database)
    return None


def _is_database_file(name: object, database: Path | None) -> bool:
    if database is None or not isinstance(name, str | bytes):
        return False
    text = os.fsdecode(name)
    base = str(database)
    return text == base or text in {base + s for s in ("-wal", "-shm", "-journal")}


def _explained(kind: str, where: str, database: Path | None, about_database: bool) -> UserError:
    if kind == "full":
        return UserError(
            f"Le disque est plein : CoachDesk n'a pas pu écrire{where}.",
            hint="Rien n'a été enregistré à moitié : les données enregistrées avant sont "
            "intactes. Libérez de la place sur le disque (ou choisissez un autre dossier), "
            "puis recommencez.",
        )
    if kind in ("read_only", "cannot_open", "denied"):
        said = (
            f"Accès refusé{where} : CoachDesk n'a pas le droit d'utiliser ce fichier ou son "
            "dossier (lecture seule, dossier protégé, fichier d'un autre utilisateur)."
            if kind == "denied"
            else f"CoachDesk n'a pas le droit d'écrire{where} : le fichier ou son dossier est en "
            "lecture seule (clé USB verrouillée, dossier protégé, support en lecture seule)."
        )
        return UserError(
            said,
            hint="Rien n'a été enregistré. Copiez la base dans un dossier où vous pouvez écrire "
            "(par exemple Documents) ou faites corriger les droits du dossier, puis recommencez."
            if about_database
            else "Rien n'a été écrit. Choisissez un dossier où vous avez le droit d'écrire (par "
            "exemple Documents), puis recommencez.",
        )
    if kind == "io":
        return UserError(
            f"Erreur d'écriture sur le disque{where} : le système a refusé d'écrire (fichier "
            "trop grand, disque ou clé USB débranché ou défaillant).",
            hint="Rien n'a été enregistré à moitié. Vérifiez le disque et l'espace libre, puis "
            "recommencez ; si l'erreur revient, sauvegardez la base sur un autre support.",
        )
    if kind == "busy":
        return UserError(
            f"La base{' « ' + Path(database).name + ' »' if database else ''} est occupée par "
            "un autre programme.",
            hint="Attendez la fin de l'opération en cours (ou fermez l'autre CoachDesk), puis "
            "recommencez.",
        )
    return UserError(
        f"La base de données{' « ' + str(database) + ' »' if database else ''} est illisible "
        "ou endommagée : une partie du fichier ne peut pas être lue.",
        hint="Elle n'a pas été modifiée. Restaurez la dernière sauvegarde (« coachdesk "
        "restore » ou le menu Sécurité), ou choisissez une autre base.",
    )
