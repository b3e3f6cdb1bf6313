"""Which database this is, and which day it lives on: one row, written at creation.

Backups are filed by this id (one backup folder per database), so the demo, a test copy or a
second database never lands in, or rotates away, another database's backups. A copy of the
file (a backup, a restore) keeps the id: it is the same database at another moment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, event, insert
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Entity, new_id, utcnow


class DatabaseIdentity(Entity):
    """The identity of the database: its ``id`` names its backup folder."""

    __tablename__ = "database_identity"

    # The demo database (``coachdesk --demo``, ``coachdesk demo``): its backups never go to
    # the coach's data folder.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # The database's own day for every default (agenda week, funnel date, statuses): the demo
    # lives on the day of its progress note; empty for a coach's database, which uses today.
    clock_date: Mapped[date | None] = mapped_column(Date)


@event.listens_for(DatabaseIdentity.__table__, "after_create")
def _give_an_identity(table: Any, connection: Any, **_: Any) -> None:
    # A new database gets its id the moment its tables are created, in the same transaction.
    now = utcnow()
    connection.execute(
        insert(table).values(id=new_id(), is_demo=False, created_at=now, updated_at=now)
    )
