"""Keys of a protected database: a random data key, wrapped twice, kept in a sidecar file.

The database itself is encrypted by SQLCipher with a random 32-byte *data key*, given to
SQLCipher as a raw key (no key derivation per connection). That key is never stored in clear:

* a key derived from the coach's passphrase (scrypt) wraps it with AES-256-GCM;
* a key derived from a *recovery key* (random, shown once to be printed) wraps it too.

Both wrapped copies, their salts and scrypt parameters live in a small JSON sidecar beside the
database (``coachdesk.sqlite3.cles.json``). Changing the passphrase re-wraps the data key; the
coach may also change the data key itself (SQLCipher's ``PRAGMA rekey``), after which an old
keys file no longer opens the database. The keys file is copied beside every backup. Losing
both the passphrase and the recovery key loses the data; that is the point.
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


# zxcvbn's score (0–4) a passphrase must reach: 3 is "safely unguessable" against an attacker
# who holds the file and tries guesses offline (each slowed down by scrypt).
MIN_PASSPHRASE_SCORE = 3

# Why zxcvbn found a passphrase weak, by the kind of pattern it matched, in French.
_WEAK_PATTERNS = {
    "repeat": "elle répète les mêmes caractères ou le même motif",
    "sequence": "elle contient une suite facile à deviner (abcd, 1234…)",
    "spatial": "elle suit des touches voisines du clavier (azerty, qsdf…)",
    "date": "elle contient une date",
    "dictionary": "elle est faite de mots, de noms ou de mots de passe trop courants",
    "regex": "elle contient une année ou un motif courant",
    "bruteforce": "elle est trop courte pour résister",
}


# What an attacker tries first here, beyond zxcvbn's own lists (made on QWERTY keyboards):
# the French keyboard's rows and the program's name.
_FRENCH_GUESSES = ("coachdesk", "azertyuiop", "qsdfghjklm", "wxcvbn", "motdepasse", "soleil")


def passphrase_weakness(passphrase: str, context: tuple[str, ...] = ()) -> str | None:
    """Why ``passphrase`` is too easy to guess (a French reason), or None when it is strong.

    Judged by zxcvbn (a maintained estimator of how many guesses a passphrase takes), not by
    its length alone; ``context`` lists words an attacker would try first (the database's name).
    """
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return f"elle doit compter au moins {MIN_PASSPHRASE_LENGTH} caractères"
    from zxcvbn import zxcvbn

    # zxcvbn's cost grows with the length; what lies past 100 characters adds nothing to judge.
    result = zxcvbn(text[:100], user_inputs=[*_FRENCH_GUESSES, *context])
    if int(result["score"]) >= MIN_PASSPHRASE_SCORE:
        return None
    patterns = [str(match.get("pattern", "")) for match in result.get("sequence", [])]
    for pattern in ("repeat", "sequence", "spatial", "date", "dictionary", "regex"):
        if pattern in patterns:
            return _WEAK_PATTERNS[pattern]
    return _WEAK_PATTERNS["bruteforce"]


def check_passphrase(passphrase: str, context: tuple[str, ...] = ()) -> None:
    """Refuse a passphrase too easy to guess on a stolen laptop, saying why in French."""
    reason = passphrase_weakness(passphrase, context)
    if reason is not None:
        raise UserError(
            f"Cette phrase de passe est trop facile à deviner : {reason}.",
            hint="Choisissez une phrase facile à retenir et difficile à deviner, par exemple "
            "quatre mots sans rapport entre eux (« cheval agrafe pile correcte »).",
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
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
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
    # (cryptography is loaded when keys are wrapped or unwrapped, not when a plain database
    # asks where its keys file would be.)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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
    """Write ``path`` (0600) through a temporary file, fsync and rename: old or new, never half.
    """
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


def _candidates(document: dict[str, Any], which: str, secret: bytes) -> list[tuple[str, bytes]]:
    """The data keys ``secret`` unwraps: the current one, and the one of a key change that was
    interrupted (``pending``), each named."""
    found = []
    key = _unwrap_entry(document, which, secret)
    if key is not None:
        found.append(("current", key))
    pending = document.get("pending")
    if isinstance(pending, dict) and isinstance(pending.get(which), dict):
        key = _unwrap_entry(pending, which, secret)
        if key is not None:
            found.append(("pending", key))
    return found


def candidate_keys(
    database: Path, *, passphrase: str | None = None, recovery_key: str | None = None
) -> list[tuple[str, bytes]]:
    """The data keys the passphrase (or recovery key) unwraps from the keys file, to try on
    the database: normally one; two when a change of data key was interrupted.

    Raises:
        UserError: the passphrase or recovery key unwraps nothing.
    """
    document = read_sidecar(database)
    if passphrase is not None:
        found = _candidates(document, "passphrase", _passphrase_bytes(passphrase))
        if not found:
            raise UserError(
                "Phrase de passe incorrecte.",
                hint="Vérifiez la saisie (majuscules, accents) et réessayez. En cas d'oubli, "
                "utilisez la clé de secours imprimée.",
            )
        return found
    assert recovery_key is not None
    found = _candidates(document, "recovery", parse_recovery_key(recovery_key))
    if not found:
        raise UserError(
            "Clé de secours incorrecte.",
            hint="Vérifiez chaque groupe de 4 caractères sur la feuille imprimée.",
        )
    return found


def unlock_with_passphrase(database: Path, passphrase: str) -> bytes:
    """The data key of ``database``; a wrong passphrase raises UserError (try again)."""
    return candidate_keys(database, passphrase=passphrase)[0][1]


def unlock_with_recovery_key(database: Path, recovery_key: str) -> bytes:
    """The data key of ``database`` from the printed recovery key."""
    return candidate_keys(database, recovery_key=recovery_key)[0][1]


def prepare_key_change(
    database: Path, new_passphrase: str, *, params: ScryptParams | None = None
) -> NewKeys:
    """First step of changing the data key: a new key and recovery key, wrapped and written
    into the keys file as ``pending`` beside the current ones (which still open the database).

    Whatever happens next, the keys file opens the database: before the database is rekeyed by
    the current entries, after it by the pending ones (``candidate_keys`` offers both).
    """
    check_passphrase(new_passphrase)
    params = params or DEFAULT_SCRYPT
    document = read_sidecar(database)
    data_key = new_data_key()
    recovery = new_recovery_key()
    document["pending"] = {
        "passphrase": _wrap(data_key, _passphrase_bytes(new_passphrase), "passphrase", params),
        "recovery": _wrap(data_key, parse_recovery_key(recovery), "recovery", params),
    }
    write_json_atomically(sidecar_path(database), document)
    return NewKeys(data_key=data_key, recovery_key=recovery)


def finish_key_change(database: Path) -> None:
    """Last step of changing the data key: the pending entries become the only ones, so the old
    passphrase and the old recovery key no longer unwrap anything."""
    document = read_sidecar(database)
    pending = document.pop("pending", None)
    if not isinstance(pending, dict):
        return
    document["passphrase"] = pending["passphrase"]
    document["recovery"] = pending["recovery"]
    write_json_atomically(sidecar_path(database), document)


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
