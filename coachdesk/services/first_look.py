"""The window's first look at a plain database: the promotions and the first one's people,
read straight through SQLite's driver before SQLAlchemy and the models are loaded.

Loading SQLAlchemy's ORM and mapping CoachDesk's models takes several times longer than Qt needs
to paint the window; the coach should not wait for it to see the list. So, when the database is
a plain SQLite file already at the current schema, the window first shows what this module reads
— with the very SQL texts and row building the Cohorte list uses through SQLAlchemy
(``services.stages``, ``services.participant_list``) — and then opens the database as usual; the
list is not read twice. Anything unusual (a protected or damaged file, an older or newer schema,
no promotion yet) returns None: the window then simply opens the database first.

The file is read through ``coachdesk.db_snapshot`` (SQLite's own driver, read only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coachdesk.db_snapshot import SnapshotError, read_only_snapshot
from coachdesk.models.ids import canonical_id
from coachdesk.schema_revisions import HEAD_REVISION
from coachdesk.services.participant_list import (
    COACHES_SQL,
    ParticipantRow,
    rows_from_records,
    rows_sql,
)
from coachdesk.services.stages import stage_facts_sql, stages_by_person

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CohortChoice:
    id: str
    name: str
    archived: bool


@dataclass(frozen=True)
class FirstLook:
    """What the window shows before the database is opened through SQLAlchemy."""

    path: Path
    # The promotions the selector offers, the most recent first (as ``cohort_choices``).
    cohorts: list[CohortChoice]
    # The promotion shown (the most recent) and its people, as ``participant_rows`` reads them
    # but in no order: the Cohorte list sorts them, once.
    cohort_id: str
    rows: list[ParticipantRow]


def read_first_look(path: Path, *, include_archived: bool = False) -> FirstLook | None:
    """The promotions and the most recent one's people in ``path``, or None when the window
    must open the database first (see the module's docstring). Never raises for a database
    it cannot read this way."""
    try:
        with read_only_snapshot(path) as connection:
            return _read(connection, path, include_archived)
    except (SnapshotError, ValueError, KeyError) as exc:
        # Whatever this quick look cannot make sense of, the full opening will explain.
        log.info("first look skipped: %s", type(exc).__name__)
        return None


def _read(connection: Any, path: Path, include_archived: bool) -> FirstLook | None:
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != [(HEAD_REVISION,)]:
        return None  # to create, upgrade or refuse: the full opening's work
    # The database's own day (``services.clock.clock_day``).
    stored = connection.execute(
        "SELECT clock_date FROM database_identity ORDER BY created_at LIMIT 1").fetchone()
    day = date.fromisoformat(stored[0]) if stored and stored[0] else date.today()
    # The selector's promotions (``services.cohorts.list_cohorts``).
    cohorts = [
        (raw_id, CohortChoice(canonical_id(raw_id), name, archived_at is not None))
        for raw_id, name, archived_at in connection.execute(
            "SELECT id, name, archived_at FROM cohort"
            + ("" if include_archived else " WHERE archived_at IS NULL")
            + " ORDER BY start_date DESC, name")
    ]
    if not cohorts:
        return None  # the first-run welcome: the full opening decides
    raw_cohort, shown = cohorts[0]
    # Ids as stored, dates as SQLAlchemy stores them on SQLite.
    params = {"cohort": raw_cohort, "day": day.isoformat(),
              "end_of_day": f"{date.fromordinal(day.toordinal() + 1).isoformat()} 00:00:00.000000"}
    facts_sql, _people_sql = stage_facts_sql()
    stages = stages_by_person(connection.execute(facts_sql, params), day)
    rows = rows_from_records(
        connection.execute(rows_sql(), params), stages, connection.execute(COACHES_SQL))
    return FirstLook(path, [choice for _raw, choice in cohorts], shown.id, rows)
