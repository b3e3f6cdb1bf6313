"""Copies of documents for the system's viewer, and their removal.

A PDF viewer or an office suite opens files, not database rows: to show a document, CoachDesk
writes a copy of it in a private folder of its cache (``0700``, one sub-folder per running
CoachDesk, the copy ``0600``), under a name that says nothing about anyone
(``document-1a2b3c4d.pdf``), and asks the system to open it.

The system's « open with the default program » gives no way to know when the viewer is
closed, so the copies go when CoachDesk closes (:func:`remove_session_copies`) and, at the
latest, when it starts again (:func:`remove_stale_copies`: after a crash or a power cut),
leaving the folders of another CoachDesk still running alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk import paths
from coachdesk.files import POSIX, open_private, private_dir

if TYPE_CHECKING:
    from coachdesk.db import Database

COPIES_FOLDER = "documents-ouverts"
# Where the running process cannot be asked whether another CoachDesk still runs (Windows),
# a folder older than this is taken for left behind.
STALE_AFTER_SECONDS = 24 * 3600


def copies_root() -> Path:
    """The private folder every viewer copy goes under."""
    return private_dir(paths.cache_dir() / COPIES_FOLDER)


def session_folder() -> Path:
    """This CoachDesk's own folder of copies (named by its process id)."""
    return private_dir(copies_root() / str(os.getpid()))


def viewer_copy(database: Database, document_id: str) -> Path:
    """Write a copy of one document for the system's viewer; returns its path.

    Raises:
        UserError: the document no longer exists.
    """
    from coachdesk.services.documents import document_content, document_extension, neutral_name

    extension = document_extension(database, document_id)
    document = document_content(database, document_id)
    path = session_folder() / neutral_name(document_id, extension)
    with open_private(path, "wb") as out:
        out.write(document.content)
    return path


def remove_session_copies() -> None:
    """Remove this CoachDesk's copies (when the window closes)."""
    root = paths.location("cache") / COPIES_FOLDER
    shutil.rmtree(root / str(os.getpid()), ignore_errors=True)
    with contextlib.suppress(OSError):
        root.rmdir()  # empty: nothing left to hide


def _still_running(pid: int) -> bool:
    """Whether process ``pid`` may still run (True when it cannot be told, off POSIX)."""
    if pid == os.getpid() or not POSIX:
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, belongs to someone else
    return True


def remove_stale_copies() -> int:
    """Remove the copies left by CoachDesks no longer running (at start-up); returns how many
    folders or files went."""
    root = paths.location("cache") / COPIES_FOLDER
    if not root.is_dir():
        return 0
    removed = 0
    now = time.time()
    for entry in root.iterdir():
        keep = False
        if entry.is_dir() and entry.name.isdigit() and _still_running(int(entry.name)):
            # Another CoachDesk may be showing this copy; on Windows, past a day it is left
            # behind whatever the id says (ids are reused).
            keep = POSIX or now - entry.stat().st_mtime < STALE_AFTER_SECONDS
            keep = keep or int(entry.name) == os.getpid()
        if keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        removed += not entry.exists()
    return removed
