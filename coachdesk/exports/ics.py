"""Agenda items as an iCalendar (.ics) file a coach imports into any calendar application."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from coachdesk.errors import UserError
from coachdesk.services.agenda import KINDS, AgendaItem

PRODID = "-//CoachDesk//Agenda//FR"
INTERVIEW_LENGTH = timedelta(hours=1)


def agenda_calendar(items: Iterable[AgendaItem], *, stamp: datetime | None = None) -> Calendar:
    """One event per item: all-day, except recruitment interviews which have their time."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "CoachDesk — agenda")
    stamp = stamp or datetime.now().replace(microsecond=0)
    for item in items:
        calendar.add_component(agenda_event(item, stamp))
    return calendar


def agenda_event(item: AgendaItem, stamp: datetime) -> Event:
    """The calendar event of one agenda item (also used by the interviews' calendar)."""
    event = Event()
    # Stable per record and day: importing the file again updates instead of duplicating.
    event.add("uid", f"{item.kind}-{item.record_id}-{item.day:%Y%m%d}@coachdesk")
    event.add("dtstamp", stamp)
    title = KINDS[item.kind] + (f" — {item.participant}" if item.participant else "")
    event.add("summary", title)
    event.add("description", item.detail)
    if item.starts_at is not None:
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.starts_at + INTERVIEW_LENGTH)
    else:
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
    event.add("categories", [KINDS[item.kind]])
    return event


def write_ics(items: Iterable[AgendaItem], target: Path) -> int:
    """Write the items to ``target`` (temporary file renamed into place); returns the count."""
    items = list(items)
    data = agenda_calendar(items).to_ical()
    target = Path(target)
    if not target.parent.is_dir():
        raise UserError(
            f"Le dossier « {target.parent} » n'existe pas.",
            hint="Choisissez un dossier existant pour le fichier .ics.",
        )
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".agenda-", suffix=".ics")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        from coachdesk.errors import explain_failure

        Path(temporary).unlink(missing_ok=True)
        raise explain_failure(exc) or UserError(
            f"Impossible d'écrire « {target} » (erreur système {exc.errno}).",
            hint="Vérifiez l'espace disque et le dossier choisi, puis recommencez.",
        ) from exc
    return len(items)
