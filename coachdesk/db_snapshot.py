"""A read-only snapshot of a plain SQLite database file through SQLite's own driver.

The window's first look (``services.first_look``) reads the list it shows before SQLAlchemy is
loaded; like ``db`` and ``db_copy``, this module knows the embedded database is SQLite. The
connection cannot write (``mode=ro`` and ``query_only``), and everything is read in one
transaction: one consistent state of the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

# What reading a snapshot may raise (a locked, damaged or encrypted file…).
SnapshotError = sqlite3.Error

# The first bytes of every plain SQLite file (an encrypted one starts with random bytes).
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_plain_sqlite(path: Path) -> bool:
    """True when ``path`` starts like a plain SQLite database."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


@contextmanager
def read_only_snapshot(path: Path) -> Iterator[Any]:
    """A DB-API connection reading ``path`` in one read transaction; :data:`SnapshotError`
    when the file cannot be read that way."""
    connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.execute("BEGIN")
        yield connection
    finally:
        connection.close()
