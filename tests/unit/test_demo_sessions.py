"""Each start of the demo cleans what earlier demos left in the cache, and keeps what a running
demo uses."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from coachdesk import __version__, paths
from coachdesk.database_lock import DatabaseLock
from coachdesk.db import HEAD_REVISION
from coachdesk.services.demo import fresh_demo_copy
from coachdesk.services.demo_sessions import clean_demo_cache

HOUR_AGO = time.time() - 3600


def _old(path: Path, content: bytes = b"x") -> Path:
    path.write_bytes(content)
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


def test_a_demo_start_removes_earlier_sessions_but_not_the_running_one(
    home: Path, demo_template: Path
) -> None:
    cache = paths.cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    template = cache / f"demo-{__version__}-{HEAD_REVISION}.sqlite3"
    shutil.copyfile(demo_template, template)  # built once per version: not rebuilt here
    older_version = _old(cache / "demo-0.0.9-0002.sqlite3")
    sessions = cache / "demo-sessions"
    sessions.mkdir()
    finished = [_old(sessions / f"demo-{name}.sqlite3") for name in ("a1", "b2", "c3")]
    _old(sessions / "demo-a1.sqlite3-wal")
    orphan = _old(sessions / "demo-gone.sqlite3-shm")
    running = _old(sessions / "demo-open.sqlite3")
    backups = cache / "demo-sauvegardes"
    (backups / "identity").mkdir(parents=True)
    # Another demo window is still open on its copy: it holds the copy's lock.
    with DatabaseLock(running):
        copy = fresh_demo_copy()
        left = sorted(path.name for path in sessions.iterdir())
        assert left == sorted([copy.name, "demo-open.sqlite3", "demo-open.sqlite3.lock"])
        assert not any(path.exists() for path in finished) and not orphan.exists()
        assert template.exists() and not older_version.exists()
        assert backups.is_dir()  # the open demo may be backing up
    # That window closed: the next start removes its copy and the demo's backups, and keeps
    # the copy just made (a CoachDesk may be starting on it).
    os.utime(copy, (HOUR_AGO, HOUR_AGO))
    newest = fresh_demo_copy()
    assert sorted(path.name for path in sessions.iterdir()) == [newest.name]
    assert not backups.exists()


def test_a_copy_made_a_moment_ago_is_kept(tmp_path: Path) -> None:
    sessions = tmp_path / "demo-sessions"
    sessions.mkdir()
    starting = sessions / "demo-new.sqlite3"
    starting.write_bytes(b"x")  # not locked yet: its CoachDesk is still starting
    template = tmp_path / "demo-1.0-0010.sqlite3"
    assert clean_demo_cache(tmp_path, template) == 0
    assert starting.exists()
