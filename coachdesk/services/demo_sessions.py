"""The demo's throw-away files in the cache folder, cleaned at each start of the demo.

``coachdesk --demo`` copies the demo database (built once per version into the cache) for each
launch, and the copy collects its SQLite side files, its lock and the demo's automatic backups.
Each start removes what earlier demos left: every copy no CoachDesk has open (a demo window
still open holds its copy's lock, and keeps it), the demo databases of other versions, and the
demo's backups once no other demo runs. A copy made in the last minute is left alone: another
CoachDesk starting at the same moment may not have locked it yet.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from coachdesk import paths
from coachdesk.database_lock import DatabaseLock
from coachdesk.db_copy import backup_sqlite
from coachdesk.errors import UserError
from coachdesk.schema_revisions import HEAD_REVISION

SESSIONS_FOLDER = "demo-sessions"
# SQLite's files beside a database.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# A copy younger than this may belong to a CoachDesk still starting (not locked yet).
STARTING_SECONDS = 60


def _remove_database(path: Path) -> None:
    # Best effort: a file another program holds open (Windows) stays for the next start.
    for suffix in ("", *SIDE_SUFFIXES):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _in_use(copy: Path, now: float) -> bool:
    """Whether a CoachDesk may be using ``copy``; if not, it is removed under its lock."""
    try:
        if now - copy.stat().st_mtime < STARTING_SECONDS:
            return True
    except FileNotFoundError:
        return False
    lock = DatabaseLock(copy)
    try:
        lock.acquire()
    except UserError:
        return True  # a demo window still open
    try:
        _remove_database(copy)
    finally:
        lock.release()
    return False


def clean_demo_cache(cache: Path, template: Path, backups: Path | None = None) -> int:
    """Remove the demo files of ``cache`` that no running demo uses; the number of copies removed.

    ``template`` is this version's demo database (kept); ``backups`` the demo's backup folder,
    removed when no earlier copy is still open.
    """
    now = time.time()
    removed = 0
    still_open = False
    sessions = cache / SESSIONS_FOLDER
    if sessions.is_dir():
        for copy in sorted(sessions.glob("demo-*.sqlite3")):
            if _in_use(copy, now):
                still_open = True
            else:
                removed += 1
        # Side files whose database is gone (a crash between two deletions).
        for side in sessions.glob("demo-*.sqlite3-*"):
            base = side.name.rsplit("-", 1)[0]
            if not (sessions / base).exists():
                with contextlib.suppress(OSError):
                    side.unlink(missing_ok=True)
    for other in cache.glob("demo-*.sqlite3"):
        if other.name != template.name:
            _remove_database(other)
    if backups is not None and not still_open and backups.is_dir():
        shutil.rmtree(backups, ignore_errors=True)
    return removed


def fresh_demo_copy() -> Path:
    """A new throw-away copy of the demo database for ``coachdesk --demo``.

    The demo is built once per CoachDesk version and schema into the cache folder; each launch
    gets its own copy, so the coach can play with it freely and never touches a real database.
    """
    from coachdesk import __version__
    cache = paths.cache_dir()
    template = cache / f"demo-{__version__}-{HEAD_REVISION}.sqlite3"
    # Copies of earlier launches are throw-away: only what a running demo uses is kept.
    clean_demo_cache(cache, template, cache / paths.DEMO_BACKUP_FOLDER)
    if not template.exists():
        # Every service the demo records through: imported only when it is built (once per
        # version), not at each start of the window.
        from coachdesk.services.demo import write_demo_database

        write_demo_database(template, force=True)
    sessions = cache / SESSIONS_FOLDER
    sessions.mkdir(exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="demo-", suffix=".sqlite3", dir=sessions)
    Path(name).unlink()
    os.close(handle)
    backup_sqlite(template, Path(name))
    return Path(name)
