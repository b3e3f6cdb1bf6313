"""The day the window's defaults start from: the open database's own (``services.clock``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coachdesk.db import Database


def database_day(database: Database | None) -> date:
    """The open database's day (the demo's is 31/12/2010), today when none is open."""
    if database is None:
        return date.today()
    from coachdesk.services.clock import today_for

    return today_for(database)
