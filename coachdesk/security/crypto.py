"""Keys of a protected database: a random data key, wrapped twice, kept in a sidecar file.

The database itself is encrypted by SQLCipher with a random 32-byte *data key*, given to
SQLCipher as a raw key (no key derivation per connection). That key is never stored in clear:

* a key derived from the coach's passphrase (scrypt) wraps it with AES-256-GCM;
* a key derived from a *recovery key* (random, shown once to be printed) wraps it too.

Both wrapped copies, their salts and scrypt parameters live in a small JSON sidecar beside the
database (``coachdesk.sqlite3.cles.json``). Changing the passphrase only re-wraps the data key:
the database is not rewritten. Losing both the passphrase and the recovery key loses the data;
that is the point.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coachdesk.errors import UserError

MIN_PASSPHRASE_LENGTH = 12
DATA_KEY_BYTES = 32
RECOVERY_KEY_BYTES = 20  # 160 bits: 32 base32 characters, printed as 8 groups of 4
SIDECAR_SUFFIX = ".cles.json"
SIDECAR_FORMAT = "coachdesk-cles"
SIDECAR_VERSION = 1


@dataclass(frozen=True)
class ScryptParams:
    """Cost of deriving a wrapping key; stored in the sidecar, so it can grow later."""

    n: int = 2**17
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        # scrypt needs 128 * n * r bytes; hashlib refuses above maxmem (32 MiB by default).
        return 256 * self.n * self.r + 1024 * 1024


# ~0.3 s on a laptop. Tests replace it with cheaper parameters; the sidecar records the ones used.
DEFAULT_SCRYPT = ScryptParams()


def sidecar_path(database: Path) -> Path:
    """Where the wrapped keys of ``database`` live."""
    database = Path(database)
    return database.with_name(database.name + SIDECAR_SUFFIX)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to resist guessing on a stolen laptop."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            f"La phrase de passe doit compter au moins {MIN_PASSPHRASE_LENGTH} caractères.",
            hint="Choisissez une phrase facile à retenir et difficile à deviner, par exemple "
            "quatre mots sans rapport entre eux.",
        )


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


# --- recovery key -------------------------------------------------------------------------


def new_recovery_key() -> str:
    """A fresh recovery key, formatted for printing: ``ABCD-EFGH-…`` (8 groups of 4)."""
    return format_recovery_key(secrets.token_bytes(RECOVERY_KEY_BYTES))


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The bytes of a recovery key typed back: spaces, dashes and case do not matter.

    The base32 alphabet has no 0, 1 or 8: a coach who reads them from paper meant O, I and B.
    """
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans({"0": "O", "1": "I", "8": "B"}))
    expected = len(base64.b32encode(bytes(RECOVERY_KEY_BYTES)).rstrip(b"="))
    try:
        if len(cleaned) != expected:
            raise ValueError(cleaned)
        padding = "=" * (-len(cleaned) % 8)
        return base64.b32decode(cleaned + padding)
    except ValueError:
        raise UserError(
            "La clé de secours saisie n'a pas le bon format.",
            hint=f"Elle compte {expected} caractères, en groupes de 4 séparés par des tirets, "
            "comme sur la feuille imprimée.",
        ) from None


# --- wrapping -----------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: bytes, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        secret, salt=salt, n=params.n, r=params.r, p=params.p, maxmem=params.maxmem, dklen=32
    )


def _wrap(data_key: bytes, secret: bytes, purpose: str, params: ScryptParams) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapping_key = _derive(secret, salt, params)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key, purpose.encode("ascii"))
    return {
        "kdf": "scrypt",
        "n": params.n,
        "r": params.r,
        "p": params.p,
        "salt": _b64(salt),
        "aead": "aes-256-gcm",
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }


def _unwrap(entry: dict[str, Any], secret: bytes, purpose: str) -> bytes | None:
    """The data key, or None when ``secret`` is not the one that wrapped it."""
    params = ScryptParams(n=int(entry["n"]), r=int(entry["r"]), p=int(entry["p"]))
    wrapping_key = _derive(secret, _unb64(entry["salt"]), params)
    try:
        return AESGCM(wrapping_key).decrypt(
            _unb64(entry["nonce"]), _unb64(entry["wrapped_key"]), purpose.encode("ascii")
        )
    except InvalidTag:
        return None


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC would make "é" typed two ways the same; keep the exact text but trim the edges,
    # which a coach cannot see in a password field.
    return unicodedata.normalize("NFC", passphrase.strip()).encode("utf-8")


# --- the sidecar --------------------------------------------------------------------------


@dataclass(frozen=True)
class NewKeys:
    """What protecting a database produces: the raw data key and the recovery key to print."""

    data_key: bytes
    recovery_key: str


def write_json_atomically(path: Path, document: dict[str, Any]) -> None:
    """Write ``path`` through a temporary file, fsync and rename: old or new, never half."""
    partial = path.with_name(path.name + ".partiel")
    data = json.dumps(document, indent=2, sort_keys=True).encode("utf-8")
    from coachdesk.files import open_private

    with open_private(partial, "wb") as handle:  # 0600 before the first byte
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_keys(
    database: Path, passphrase: str, *, params: ScryptParams | None = None
) -> NewKeys:
    """Create a data key, wrap it, and write the sidecar of ``database``."""
    check_passphrase(passphrase)
    params = params or DEFAULT_SCRYPT
    data_key = new_data_key()
    recovery = new_recovery_key()
    document = {
        "format": SIDECAR_FORMAT,
        "version": SIDECAR_VERSION,
        "cipher": "sqlcipher4-raw-key",
        "passphrase": _wrap(data_key, _passphrase_bytes(passphrase), "passphrase", params),
        "recovery": _wrap(data_key, parse_recovery_key(recovery), "recovery", params),
    }
    write_json_atomically(sidecar_path(database), document)
    return NewKeys(data_key=data_key, recovery_key=recovery)


def read_sidecar(database: Path) -> dict[str, Any]:
    path = sidecar_path(database)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(
            f"Le fichier de clés « {path.name} » est introuvable à côté de la base.",
            hint="Il doit rester dans le même dossier que la base chiffrée. Copiez-le depuis "
            "votre sauvegarde, ou restaurez une sauvegarde complète.",
        ) from None
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Le fichier de clés « {path.name} » est illisible ou endommagé.",
            hint="La base n'a pas été modifiée. Restaurez ce fichier depuis une sauvegarde.",
        ) from exc
    if (
        not isinstance(document, dict)
        or document.get("format") != SIDECAR_FORMAT
        or not isinstance(document.get("passphrase"), dict)
        or not isinstance(document.get("recovery"), dict)
    ):
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un fichier de clés CoachDesk.",
            hint="La base n'a pas été modifiée. Restaurez ce fichier depuis une sauvegarde.",
        )
    if document.get("version") != SIDECAR_VERSION:
        raise UserError(
            f"Le fichier de clés « {path.name} » vient d'une version plus récente de CoachDesk.",
            hint="Installez la dernière version de CoachDesk.",
        )
    return document


def _unwrap_entry(document: dict[str, Any], which: str, secret: bytes) -> bytes | None:
    try:
        return _unwrap(document[which], secret, which)
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(
            "Le fichier de clés est endommagé.",
            hint="La base n'a pas été modifiée. Restaurez ce fichier depuis une sauvegarde.",
        ) from exc


def unlock_with_passphrase(database: Path, passphrase: str) -> bytes:
    """The data key of ``database``; a wrong passphrase raises UserError (try again)."""
    document = read_sidecar(database)
    key = _unwrap_entry(document, "passphrase", _passphrase_bytes(passphrase))
    if key is None:
        raise UserError(
            "Phrase de passe incorrecte.",
            hint="Vérifiez la saisie (majuscules, accents) et réessayez. En cas d'oubli, "
            "utilisez la clé de secours imprimée.",
        )
    return key


def unlock_with_recovery_key(database: Path, recovery_key: str) -> bytes:
    """The data key of ``database`` from the printed recovery key."""
    document = read_sidecar(database)
    key = _unwrap_entry(document, "recovery", parse_recovery_key(recovery_key))
    if key is None:
        raise UserError(
            "Clé de secours incorrecte.",
            hint="Vérifiez chaque groupe de 4 caractères sur la feuille imprimée.",
        )
    return key


def set_passphrase(
    database: Path, data_key: bytes, new_passphrase: str, *, params: ScryptParams | None = None
) -> None:
    """Re-wrap the data key under a new passphrase; the recovery key stays valid."""
    check_passphrase(new_passphrase)
    document = read_sidecar(database)
    document["passphrase"] = _wrap(
        data_key, _passphrase_bytes(new_passphrase), "passphrase", params or DEFAULT_SCRYPT
    )
    write_json_atomically(sidecar_path(database), document)


def change_passphrase(database: Path, old_passphrase: str, new_passphrase: str) -> None:
    """Change the passphrase of a protected database (the old one must be right)."""
    check_passphrase(new_passphrase)
    data_key = unlock_with_passphrase(database, old_passphrase)
    set_passphrase(database, data_key, new_passphrase)


def reset_passphrase_with_recovery_key(
    database: Path, recovery_key: str, new_passphrase: str
) -> bytes:
    """Forgotten passphrase: the recovery key unlocks, a new passphrase is set. Returns the key."""
    check_passphrase(new_passphrase)
    data_key = unlock_with_recovery_key(database, recovery_key)
    set_passphrase(database, data_key, new_passphrase)
    return data_key
