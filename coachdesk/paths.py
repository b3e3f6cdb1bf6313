"""Every on-disk location CoachDesk uses, in one place.

By default the folders are the user's platform folders (platformdirs). Two things move them all
under one root instead:

* the ``COACHDESK_HOME`` environment variable (tests point it at a temporary folder);
* portable mode: a file named ``coachdesk-portable.txt`` beside the executable (a USB key), so
  that the database and the settings travel with the program and never touch the user profile.

The database file itself can also be chosen with ``--db PATH`` or ``COACHDESK_DB``.

Every folder made here is private to the coach (``0700`` on POSIX, see ``coachdesk.files``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "CoachDesk"
PORTABLE_MARKER = "coachdesk-portable.txt"
DB_FILE_NAME = "coachdesk.sqlite3"
# The demo's automatic backups: in the cache, never beside the coach's own.
DEMO_BACKUP_FOLDER = "demo-sauvegardes"


def executable_dir() -> Path:
    """Folder of the running program: the bundle's folder when frozen, else the interpreter's."""
    return Path(sys.executable).resolve().parent


def portable_root() -> Path | None:
    """The folder that holds everything in portable mode, or None when not portable."""
    folder = executable_dir()
    if (folder / PORTABLE_MARKER).exists():
        return folder / "CoachDesk-donnees"
    return None


def _root_override() -> Path | None:
    home = os.environ.get("COACHDESK_HOME")
    if home:
        return Path(home)
    return portable_root()


def _platform_dir(kind: str) -> Path:
    # platformdirs is imported lazily: it is only needed when no override applies.
    import platformdirs

    getter = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "cache": platformdirs.user_cache_dir,
        "log": platformdirs.user_log_dir,
    }[kind]
    return Path(getter(APP_NAME, appauthor=False))


def location(kind: str) -> Path:
    """Where the ``kind`` folder (data, config, cache, log) is, without creating it: for what
    only looks (``diagnostic``, the commands that only read)."""
    root = _root_override()
    return root / kind if root is not None else _platform_dir(kind)


def _dir(kind: str) -> Path:
    from coachdesk.files import private_dir

    root = _root_override()
    if root is not None:
        # The root holds nothing but CoachDesk's folders: private as they are.
        private_dir(root)
    return private_dir(location(kind))


def data_dir() -> Path:
    """Where the coach's database and automatic backups live."""
    return _dir("data")


def config_dir() -> Path:
    """Settings: window geometry, export profiles, the pseudonymisation key."""
    return _dir("config")


def cache_dir() -> Path:
    """Things that can be rebuilt at any time (the prepared demo database)."""
    return _dir("cache")


def log_dir() -> Path:
    """The application log, where unexpected errors are written with their details."""
    return _dir("log")


def backup_dir() -> Path:
    from coachdesk.files import private_dir

    return private_dir(data_dir() / "sauvegardes")


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``COACHDESK_DB`` names one."""
    env = os.environ.get("COACHDESK_DB")
    if env:
        return Path(env)
    # Not created here: a command that only reads never makes folders; the window makes it
    # when it creates the coach's database.
    return location("data") / DB_FILE_NAME


def resources_dir() -> Path:
    """Shipped reference data: inside the bundle, the installed package, or the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "coachdesk" / "resources"
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one shipped resource file, e.g. ``resource("rome", "rome_codes.csv")``."""
    return resources_dir().joinpath(*parts)
