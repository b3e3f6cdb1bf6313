"""Opening a possibly protected database from the command line.

The passphrase comes from ``COACHDESK_PASSPHRASE`` (scripts) or is asked on the terminal without
echo; a wrong one is asked again, up to three times. Never from a command-line argument: it
would be visible in the process list and the shell history.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from coachdesk.errors import UserError

if TYPE_CHECKING:
    from coachdesk.db import Database

PASSPHRASE_ENV = "COACHDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "COACHDESK_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "COACHDESK_RECOVERY_KEY"
ATTEMPTS = 3


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_secret(prompt: str, env_var: str) -> str:
    value = os.environ.get(env_var)
    if value:
        return value
    if not _interactive():
        raise UserError(
            "Cette opération demande une phrase de passe.",
            hint=f"Lancez la commande dans un terminal, ou définissez la variable {env_var}.",
        )
    return getpass.getpass(prompt)


def unlock_key(database: Path, *, use_recovery_key: bool = False) -> bytes | None:
    """The data key of ``database`` when it is protected (asked, with retries), else None."""
    from coachdesk.security import sqlcipher

    if not sqlcipher.is_protected(database):
        lost = sqlcipher.missing_keys_file(database)
        if lost is not None:
            raise lost
        return None
    interactive = _interactive() and not os.environ.get(
        RECOVERY_KEY_ENV if use_recovery_key else PASSPHRASE_ENV
    )
    for attempt in range(ATTEMPTS if interactive else 1):
        try:
            if use_recovery_key:
                secret = ask_secret("Clé de secours : ", RECOVERY_KEY_ENV)
                return sqlcipher.unlock(database, recovery_key=secret)
            secret = ask_secret(f"Phrase de passe de « {database.name} » : ", PASSPHRASE_ENV)
            return sqlcipher.unlock(database, passphrase=secret)
        except UserError as error:
            if attempt + 1 >= (ATTEMPTS if interactive else 1):
                raise
            print(error, file=sys.stderr)
    return None  # pragma: no cover - the loop returns or raises


class _ChoosesADatabase(Protocol):
    """What a command's context tells: the database file chosen on the command line."""

    def database_path(self) -> Path: ...


def open_for_command(
    ctx: _ChoosesADatabase, *, create: bool = False, read_only: bool = False
) -> tuple[Database, bytes | None]:
    """Open the database chosen on the command line; returns it with its key (or None).

    A missing file is created only with ``create`` and never where a protected database is
    expected; ``read_only`` opens without ever writing (the commands that only read).
    """
    from coachdesk.db import open_database

    path = ctx.database_path()
    key = unlock_key(path)
    database = open_database(path, create=create and key is None, key=key, read_only=read_only)
    return database, key


def ask_new_passphrase() -> str:
    """A new passphrase, typed twice on a terminal (or from COACHDESK_NEW_PASSPHRASE)."""
    from coachdesk.security import crypto

    first = ask_secret(
        "Nouvelle phrase de passe (12 caractères au moins, difficile à deviner) : ",
        NEW_PASSPHRASE_ENV,
    )
    crypto.check_passphrase(first)
    if not os.environ.get(NEW_PASSPHRASE_ENV):
        again = getpass.getpass("Confirmez la phrase de passe : ")
        if again != first:
            raise UserError("Les deux saisies ne sont pas identiques.", hint="Recommencez.")
    return first
