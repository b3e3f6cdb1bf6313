"""Password-protected workbooks for partners: the encryption, the password CoachDesk proposes,
and what a password a coach types must resist.

A protected workbook is the standard Office encryption (ECMA-376 "agile": AES-256, SHA-512, a
key stretched 100,000 times) written by msoffcrypto-tool, the encryption Excel itself applies
with « Chiffrer avec mot de passe »: Excel and LibreOffice ask for the password and open it,
nothing else is needed on the partner's side.

The password is given to the partner by phone, so the one CoachDesk proposes is made to be read
aloud: five common French words without accents and a two-digit number, joined by hyphens
(``tulipe-canard-violon-sapin-orage-47``). With the 600-odd words of
``resources/password_words_fr.txt`` that is over 50 bits of chance: each guess costs an attacker
the 100,000 SHA-512 rounds of the key stretching.

The password is never stored: not in the settings, the logs, the export history nor a crash
report. It lives in memory for the time of one export.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import IO, TypeVar

from coachdesk.errors import UserError

T = TypeVar("T")

# Read by ``coachdesk export …`` when ``--password-prompt`` is not given: scripts set it,
# never a command-line argument (visible in the process list and the shell history).
PASSWORD_ENV = "COACHDESK_EXPORT_PASSWORD"

WORDS_FILE = "password_words_fr.txt"
PROPOSED_WORDS = 5
SEPARATOR = "-"

# The phrase that goes with every protected workbook, in the window and on the command line.
GIVE_BY_PHONE = (
    "Donnez le mot de passe au destinataire par téléphone (ou en main propre), jamais dans le "
    "courriel qui porte le classeur."
)


@cache
def password_words() -> tuple[str, ...]:
    """The words passwords are made of (loaded once)."""
    from coachdesk import paths

    text = paths.resource(WORDS_FILE).read_text(encoding="utf-8")
    words = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(word for word in words if word and not word.startswith("#")))


def propose_password() -> str:
    """A strong password easy to read on the phone: five words and a number, random."""
    words = password_words()
    chosen = [secrets.choice(words) for _ in range(PROPOSED_WORDS)]
    return SEPARATOR.join([*chosen, str(10 + secrets.randbelow(90))])


def password_weakness(password: str) -> str | None:
    """Why ``password`` is too easy to guess (a French reason), or None when it is strong
    enough. The same judge as the database's passphrase (zxcvbn, a minimum length)."""
    from coachdesk.security.crypto import passphrase_weakness

    reason = passphrase_weakness(password, ("coachdesk", "mission", "locale", "classeur"))
    if reason is None:
        return None
    # The judge speaks of a « phrase de passe »; here it is « un mot de passe ».
    return (reason.replace("elle est faite", "il est fait")
            .replace("elle est trop courte", "il est trop court")
            .replace("elle ", "il ", 1))


def check_password(password: str) -> str:
    """The password to encrypt with, refused with a French reason when too weak."""
    reason = password_weakness(password)
    if reason is not None:
        raise UserError(
            f"Ce mot de passe de classeur est trop facile à deviner : {reason}.",
            hint="Utilisez le mot de passe proposé par CoachDesk (des mots sans rapport entre "
            "eux et un nombre, faciles à dicter au téléphone).",
        )
    return password


def encrypt_package(plain: IO[bytes], out: IO[bytes], password: str) -> None:
    """Write the xlsx package read from ``plain`` to ``out``, encrypted with ``password``.

    ``plain`` is read from its start. The encrypted container (an OLE compound file holding
    the encryption information and the encrypted package) is built in memory by the library,
    then written.
    """
    from msoffcrypto.format.ooxml import OOXMLFile

    plain.seek(0)
    OOXMLFile(plain).encrypt(password, out)


def is_encrypted_workbook(data: bytes) -> bool:
    """Whether a file's first bytes are an encrypted Office file (an OLE compound file), not
    a plain xlsx (a zip)."""
    return data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write_encrypted(temp: Path, password: str, write_plain: Callable[[IO[bytes]], T]) -> T:
    """Have ``write_plain`` write the plain package where only this process can read it, then
    write its encryption to ``temp``; return what ``write_plain`` returned.

    The plain package is an anonymous temporary file (no name on POSIX, deleted on close on
    Windows: the system removes it even when the export is killed), ``0600``, in a folder of
    its own made ``0700`` by ``mkdtemp`` and removed in every case.
    """
    private = tempfile.mkdtemp(prefix="coachdesk-export-")
    try:
        with tempfile.TemporaryFile(dir=private) as plain:
            if os.name == "posix":
                os.fchmod(plain.fileno(), 0o600)
            result = write_plain(plain)
            with _large_enough_to_encrypt(plain, private) as package, temp.open("wb") as out:
                encrypt_package(package, out, password)
        return result
    finally:
        shutil.rmtree(private, ignore_errors=True)


# msoffcrypto-tool 6.x writes a corrupt container when the encrypted package is 4,096 bytes or
# less (it lands in the compound file's mini stream, where the library misplaces it: its issue
# #105), and a workbook of a few rows is that small once compressed. Such a workbook is stored
# uncompressed instead: its fixed parts alone (styles, content types, relationships) make more
# than 7 KB. (Growing it with a zip comment was tried: LibreOffice 7.4 then refuses the file.)
SMALLEST_PACKAGE_TO_ENCRYPT = 4608


def _large_enough_to_encrypt(plain: IO[bytes], folder: str) -> IO[bytes]:
    """``plain``, or the same package stored uncompressed in a new anonymous file of
    ``folder`` when it is too small for the encryption library."""
    if plain.seek(0, os.SEEK_END) >= SMALLEST_PACKAGE_TO_ENCRYPT:
        return plain
    plain.seek(0)
    # Returned open, closed by the caller's ``with`` (as ``plain`` would be).
    stored = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
    if os.name == "posix":
        os.fchmod(stored.fileno(), 0o600)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(stored, "w") as package:
        for entry in source.infolist():
            copy = zipfile.ZipInfo(entry.filename, date_time=entry.date_time)
            copy.compress_type = zipfile.ZIP_STORED
            package.writestr(copy, source.read(entry.filename))
    return stored
