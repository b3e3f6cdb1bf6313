"""Which databases must be protected: a protected database never comes back in clear.

A database is *expected to be protected* when its keys file lies beside it, or when this
computer has opened it protected before. The second is remembered in a small settings file of
the configuration folder (``bases-protegees.json``) that holds no path and no name, only a
SHA-256 of each database's full path: enough to recognise the file, nothing to read in it.

Where a protected database is expected, a missing, empty or plain file is refused
(``coachdesk.db.open_database``): CoachDesk never creates a new database in clear in its place
(Signal Desktop shipped that bug in 2021).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from coachdesk.security.crypto import sidecar_path

SETTINGS_FILE = "bases-protegees.json"
FORMAT = "coachdesk-bases-protegees"


def _settings_path(*, create_folder: bool = False) -> Path:
    from coachdesk import paths

    # Reading never creates the settings folder (the commands that only read write nothing).
    folder = paths.config_dir() if create_folder else paths.location("config")
    return folder / SETTINGS_FILE


def _identity(database: Path) -> str:
    real = os.path.realpath(os.fsencode(Path(database).absolute()))
    return hashlib.sha256(real).hexdigest()


def _remembered() -> set[str]:
    try:
        document = json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return set()
    found = document.get("databases", [])
    return {item for item in found if isinstance(item, str)} if isinstance(found, list) else set()


def remembered_as_protected(database: Path) -> bool:
    """True when this computer opened ``database`` protected before."""
    return _identity(database) in _remembered()


def protection_expected(database: Path) -> bool:
    """True when ``database`` must be a protected database: keys file beside it, or
    remembered as protected."""
    return sidecar_path(database).exists() or remembered_as_protected(database)


def _write(identities: set[str]) -> None:
    from coachdesk.files import open_private

    target = _settings_path(create_folder=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partiel")
    document = {"format": FORMAT, "version": 1, "databases": sorted(identities)}
    try:
        with open_private(partial, "w") as handle:
            json.dump(document, handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def remember_protected(database: Path) -> None:
    """Remember that ``database`` is protected (nothing is written when it is known already).

    Best effort: a settings folder that cannot be written leaves the keys file as the guard.
    """
    identity = _identity(database)
    known = _remembered()
    if identity in known:
        return
    with contextlib.suppress(OSError):
        _write(known | {identity})


def forget_protected(database: Path) -> None:
    """Forget ``database`` (its file was deliberately replaced by a new plain database)."""
    identity = _identity(database)
    known = _remembered()
    if identity in known:
        with contextlib.suppress(OSError):
            _write(known - {identity})
