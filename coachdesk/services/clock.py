"""Each database's own day, for every default the coach sees.

The demo lives on the day of its progress note (Friday 31 December 2010): its agenda opens on
that week, its contracts read "En cours", its funnel gives the note's figures. A coach's own
database has no day written and lives on today. The day is stored in the database itself
(``DatabaseIdentity.clock_date``), so the window, the command line and the exports agree.

Whatever asks "which day is it?" for a default (the agenda's week, an export's week, a
status, "days left") asks here, never ``date.today()``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coachdesk.db import Database


def clock_day(session: Session) -> date:
    """The database's day, read in the caller's transaction."""
    from coachdesk.models import DatabaseIdentity

    stored = session.scalar(
        select(DatabaseIdentity.clock_date).order_by(DatabaseIdentity.created_at).limit(1)
    )
    return stored or date.today()


def today_for(database: Database) -> date:
    """The day ``database`` lives on: its own when written (the demo), else today."""
    with database.read() as session:
        return clock_day(session)


def set_clock(database: Database, day: date | None) -> None:
    """Make ``database`` live on ``day`` (``None``: on today again), in one transaction."""
    from coachdesk.models import DatabaseIdentity

    with database.write() as session:
        session.execute(update(DatabaseIdentity).values(clock_date=day))
