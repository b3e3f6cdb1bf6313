"""Team mode as the window and the command line both use it (no Qt).

``join_and_synchronise`` is what ``sync join`` and Fichier ▸ Rejoindre une équipe… do: join with
the one-time code, then a first synchronisation. ``join_job`` and ``synchronise_job`` run the
same steps in the window's worker process (``coachdesk.ui.widgets.background.run_job``): they
take plain values (the database's path and key), open the database themselves and return a
frozen result. ``review`` lists the open conflicts as a person reads them (whose record, which
field, which value came from this laptop), for the Conflits dialog; settling one is
``engine.resolve``, as ``sync resolve`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from coachdesk.sync import engine
from coachdesk.sync.client import SyncError

if TYPE_CHECKING:
    from coachdesk.db import Database


@dataclass(frozen=True)
class Joined:
    """What joining a team did (the join and the first synchronisation)."""

    team: str
    coach: str
    structure: str
    received: int
    sent: int


@dataclass(frozen=True)
class SyncOutcome:
    """One synchronisation from the window: its report, or why it stopped (nothing lost)."""

    report: engine.SyncReport | None
    message: str = ""
    # The server could not be reached (the laptop is offline): said as such, not as an error.
    offline: bool = False


@dataclass(frozen=True)
class ConflictToReview:
    """An open conflict or possible duplicate, as the Conflits dialog shows it."""

    id: str
    table: str
    row: str
    record: str
    column: str
    kept: Any
    lost: Any
    reason: str
    # The lost value was this laptop's own change.
    lost_here: bool


def join_and_synchronise(database: Database, url: str,
                         code: str) -> tuple[dict[str, Any], engine.SyncReport]:
    """Join the team with the one-time code, then send and receive once."""
    joined = engine.join(database, url.strip(), code.strip())
    return joined, engine.synchronise(database)


@contextmanager
def _database(db_path: str, key: bytes | None) -> Iterator[Database]:
    from coachdesk.db import open_database

    database = open_database(Path(db_path), create=False, key=key)
    try:
        database.check_writable()
        yield database
    finally:
        database.dispose()


def join_job(db_path: str, key: bytes | None, url: str, code: str, *,
             progress: Callable[[int, int, str], None] | None = None,
             is_cancelled: Callable[[], bool] | None = None) -> Joined:
    """The window's Rejoindre une équipe…, in the worker process (cannot be stopped midway:
    the join is one transaction, the first synchronisation keeps what it has done)."""
    with _database(db_path, key) as database:
        joined, report = join_and_synchronise(database, url, code)
    return Joined(team=str(joined["team"]), coach=str(joined["coach"]),
                  structure=str(joined["structure"]),
                  received=int(joined["received"]) + report.received, sent=report.sent)


def synchronise_job(db_path: str, key: bytes | None, *,
                    progress: Callable[[int, int, str], None] | None = None,
                    is_cancelled: Callable[[], bool] | None = None) -> SyncOutcome:
    """The window's Synchroniser, in the worker process: a stopped synchronisation is an
    outcome to show on the status line, not a failure of the window."""
    with _database(db_path, key) as database:
        try:
            return SyncOutcome(engine.synchronise(database))
        except SyncError as error:
            return SyncOutcome(None, str(error), offline=error.code == "unreachable")


def review(database: Database) -> list[ConflictToReview]:
    """The open conflicts, oldest first, with the name of the record each is about."""
    from coachdesk.models import Employer, Participant
    from coachdesk.models.base import canonical_id
    from coachdesk.models.sync import SyncConflict, SyncState
    from coachdesk.services.text import person_name

    found = engine.conflicts(database)
    if not found:
        return []
    with database.read() as session:
        device = session.execute(select(SyncState.device_id)).scalar()
        lost_devices = {canonical_id(i): d for i, d in session.execute(
            select(SyncConflict.id, SyncConflict.lost_device)
            .where(SyncConflict.resolved.is_(False)))}
        people = {str(r.id): person_name(r.last_name, r.first_name) for r in session.execute(
            select(Participant.id, Participant.last_name, Participant.first_name).where(
                Participant.id.in_({c["row"] for c in found if c["table"] == "participant"}
                                   | {str(c["kept"]) for c in found
                                      if c["reason"] == "duplicate"})))}
        employers = {str(r.id): r.name for r in session.execute(
            select(Employer.id, Employer.name).where(
                Employer.id.in_({c["row"] for c in found if c["table"] == "employer"})))}
    names = {**people, **employers}
    here = _hex(device)
    return [
        ConflictToReview(
            id=c["id"], table=c["table"], row=c["row"], record=names.get(c["row"], ""),
            column=c["column"],
            kept=names.get(str(c["kept"]), c["kept"]) if c["reason"] == "duplicate"
            else c["kept"],
            lost=c["lost"], reason=c["reason"],
            lost_here=bool(here) and _hex(lost_devices.get(c["id"])) == here,
        )
        for c in found
    ]


def _hex(value: Any) -> str:
    return str(value or "").replace("-", "").lower()
