"""Private files and folders: what CoachDesk writes about people is readable by the coach only.

Every file CoachDesk writes that may hold personal data (the database and its ``-wal``/``-shm``,
the keys file, backups, logs, crash reports, settings, temporary export files) is created
``0600`` in folders that are ``0700``, whatever the umask: the mode is given at creation and
set again right after, before anything is written into the file. Files and folders left
``0644``/``0755`` by older versions are tightened when CoachDesk opens them.

On Windows the profile folders are private already and POSIX modes mean nothing: these helpers
then do nothing more than create.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700

POSIX = os.name == "posix"


def tighten(path: Path | str) -> None:
    """Take group and other permissions away from ``path`` if it exists (best effort).

    A file that cannot be changed (a read-only medium, another owner) is left as it is: the
    operation that needs it will say what is wrong.
    """
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        current = os.stat(path).st_mode & 0o7777
        if current & 0o077:
            os.chmod(path, current & ~0o077)


def private_dir(path: Path | str) -> Path:
    """Create ``path`` (and missing parents) as a ``0700`` folder; tighten it if it exists."""
    folder = Path(path)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if POSIX:
        # Parents created here are ours too; mkdir gave them the umask's mode.
        for created in missing:
            with contextlib.suppress(OSError):
                os.chmod(created, PRIVATE_DIR)
        tighten(folder)
    return folder


def _open_flags(exclusive: bool, truncate: bool, append: bool) -> int:
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    if exclusive:
        flags |= os.O_EXCL
    if truncate:
        flags |= os.O_TRUNC
    if append:
        flags |= os.O_APPEND
    return flags


def create_private(path: Path | str, *, exclusive: bool = True) -> Path:
    """Create ``path`` empty with mode ``0600`` (umask-independent) and return it.

    Raises ``FileExistsError`` when ``exclusive`` and the file exists.
    """
    descriptor = os.open(path, _open_flags(exclusive, False, False), PRIVATE_FILE)
    try:
        if POSIX:
            os.fchmod(descriptor, PRIVATE_FILE)
    finally:
        os.close(descriptor)
    return Path(path)


def fresh_private(path: Path | str) -> Path:
    """Replace whatever is at ``path`` by a new empty ``0600`` file and return it."""
    Path(path).unlink(missing_ok=True)
    return create_private(path)


def open_private(
    path: Path | str,
    mode: str = "w",
    *,
    encoding: str | None = None,
    exclusive: bool = False,
) -> IO[Any]:
    """``open(path, mode)`` for writing, the file being ``0600`` before the first byte lands.

    ``mode`` is one of ``w``, ``wb``, ``a``, ``ab``; ``exclusive`` refuses an existing file.
    """
    append = mode.startswith("a")
    descriptor = os.open(path, _open_flags(exclusive, not append, append), PRIVATE_FILE)
    try:
        if POSIX:
            os.fchmod(descriptor, PRIVATE_FILE)
        if "b" in mode:
            return os.fdopen(descriptor, mode)
        return os.fdopen(descriptor, mode, encoding=encoding or "utf-8")
    except BaseException:
        os.close(descriptor)
        raise


def text_name(name: str) -> str:
    """A file name as text that can be stored and shown anywhere.

    A name whose bytes are not valid UTF-8 (a USB key from an old system) reaches Python with
    stand-in characters that no database or terminal accepts; each becomes "�".
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")
