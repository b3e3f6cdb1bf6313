"""Recruitment interviews as an iCalendar (.ics) file for the coach's phone.

Written with the ``icalendar`` library (RFC 5545: escaping, line folding, UTC stamps). The
follow-up visits planned for contracts can join the same file: their events come from
``coachdesk/exports/ics.py`` (the agenda's calendar), so both files describe a visit alike.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from coachdesk.services.interviews import InterviewSheet

if TYPE_CHECKING:
    from coachdesk.services.agenda import AgendaItem

PARIS = ZoneInfo("Europe/Paris")
INTERVIEW_LENGTH = timedelta(hours=1)


def interviews_calendar(
    sheets: Sequence[InterviewSheet], *, stamp: datetime, visits: Sequence[AgendaItem] = ()
) -> bytes:
    """The interviews (with their time, place and preparation), then the visits planned."""
    from icalendar import Calendar, Event

    from coachdesk.exports.ics import agenda_event

    calendar = Calendar()
    calendar.add("prodid", "-//CoachDesk//Entretiens de recrutement//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Entretiens et visites de suivi" if visits
                 else "Entretiens de recrutement")
    for sheet in sheets:
        event = Event()
        # Stable UID: re-importing the file updates the same events instead of duplicating them.
        event.add("uid", f"entretien-{sheet.interview_id}@coachdesk")
        event.add("dtstamp", stamp)
        start = sheet.starts_at.replace(tzinfo=PARIS)
        event.add("dtstart", start)
        event.add("dtend", start + INTERVIEW_LENGTH)
        event.add("summary", f"Entretien {sheet.candidate} – {sheet.employer_name}")
        event.add("location", ", ".join(
            part for part in (sheet.place, sheet.address or sheet.employer_address) if part
        ))
        done = sum(item.checked for item in sheet.checklist)
        lines = [
            f"Poste : {sheet.offer_title} ({sheet.rome_code})",
            f"Reçu·e par : {sheet.recruiter}" if sheet.recruiter else "",
            f"Itinéraire : {sheet.route_note}" if sheet.route_note else "",
            f"Préparation : {done} sur {len(sheet.checklist)} points faits",
        ]
        event.add("description", "\n".join(line for line in lines if line))
        calendar.add_component(event)
    for visit in visits:
        calendar.add_component(agenda_event(visit, stamp))
    return bytes(calendar.to_ical())


def write_interviews_ics(
    path: Path, sheets: Sequence[InterviewSheet], *, stamp: datetime | None = None,
    visits: Sequence[AgendaItem] = (),
) -> None:
    """Write the calendar beside ``path`` then rename it into place (never half-written)."""
    data = interviews_calendar(sheets, stamp=stamp or datetime.now(PARIS), visits=visits)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".ics",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
