"""Shared helpers of the data-protection tests: a small database with a known person."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from coachdesk.db import Database, open_database
from coachdesk.models import Cohort, Outreach, Participant
from coachdesk.security import crypto

# A name no other test data uses: grepping the bytes on disk for it proves encryption.
SECRET_LAST_NAME = "Quatremarelle"
SECRET_FIRST_NAME = "Zénobie"
PASSPHRASE = "cheval agrafe pile correcte"
FAST_SCRYPT = crypto.ScryptParams(n=2**10, r=8, p=1)


# The day the people of an exported database were told of the programme's use of their data:
# the weekly workbook lists only people whose consent is recorded.
INFORMED_ON = date(2010, 2, 5)


def add_people(
    db: Database, count: int = 3, *, last_name: str = SECRET_LAST_NAME,
    consent_on: date | None = None,
) -> list[str]:
    """Add a cohort and ``count`` participants with one outreach each; returns their ids.

    ``consent_on``: their date of information / consent (none recorded by default)."""
    ids = []
    with db.write() as session:
        cohort = Cohort(name=f"Promotion {last_name} {count}", start_date=date(2010, 3, 22))
        session.add(cohort)
        session.flush()
        for index in range(count):
            person = Participant(
                cohort_id=cohort.id,
                last_name=f"{last_name}{index or ''}",
                first_name=SECRET_FIRST_NAME,
                email=f"zenobie{index}@example.org",
                listed_on=date(2010, 2, 1),
                consent_date=consent_on,
            )
            session.add(person)
            session.flush()
            session.add(
                Outreach(
                    participant_id=person.id,
                    done_on=date(2010, 2, 10) + timedelta(days=index),
                    channel="telephone",
                    outcome="interesse",
                )
            )
            ids.append(person.id)
    return ids


def make_plain_db(path: Path, count: int = 3, *, consent_on: date | None = None) -> list[str]:
    db = open_database(path)
    try:
        return add_people(db, count, consent_on=consent_on)
    finally:
        db.dispose()
