"""Record identifiers, without SQLAlchemy: the window's first list reads them before it loads."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A fresh random identifier: stable across laptops, safe for later synchronisation."""
    return str(uuid.uuid4())


def canonical_id(value: object) -> str:
    """An id as read raw from the database, in the form the ORM gives (dashed UUID text).

    Stored as 32 hex digits on SQLite, as a native UUID on PostgreSQL. Formatting it here is
    ten times cheaper per row than SQLAlchemy's ``str(uuid.UUID(value))``, which cost more
    than the query itself on lists of 10,000 rows.
    """
    if isinstance(value, str):
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value
    return str(value)
