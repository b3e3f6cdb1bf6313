"""The database schema's revisions, without SQLAlchemy (``coachdesk.db`` re-exports them).

Every schema revision ever released, oldest first. A new migration appends its id here (a test
checks this tuple against coachdesk/migrations/versions).
"""

from __future__ import annotations

SCHEMA_REVISIONS: tuple[str, ...] = (
    "0001", "0002", "0010", "0011", "0012", "0013", "0014", "0015", "0016", "0017", "0018",
    "0019", "0020", "0021",
)
HEAD_REVISION = SCHEMA_REVISIONS[-1]
