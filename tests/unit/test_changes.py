"""Every committed write is announced once, saying what it touched (coachdesk.changes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from coachdesk import changes
from coachdesk.db import Database
from coachdesk.models import Cohort, Participant, SelectionInterview
from coachdesk.services.contact_import import import_contacts
from coachdesk.services.participants import (
    ParticipantData,
    create_participant,
    delete_participant,
    update_participant,
)


@pytest.fixture
def heard() -> Iterator[list[changes.Change]]:
    with changes.collected() as seen:
        yield seen


@pytest.fixture
def cohort_id(db: Database) -> str:
    with db.write() as session:
        cohort = Cohort(name="Promotion 2026", start_date=date(2026, 2, 1))
        session.add(cohort)
        session.flush()
        return cohort.id


def test_a_saved_file_names_its_person(
    db: Database, cohort_id: str, heard: list[changes.Change]
) -> None:
    person = create_participant(db, cohort_id, ParticipantData("Azéma", "Manon"))
    update_participant(db, person, ParticipantData("Azéma", "Manon", phone="0612345678"))
    assert len(heard) == 2
    for change in heard:
        assert change.tables == {"participant"}
        assert change.people == {person}
        assert change.people_touched({"participant", "contract"}) == {person}
        assert change.touches() and not change.touches({"employer"})
    assert heard[1].serial > heard[0].serial == changes.current_serial() - 1


def test_an_event_names_its_person_and_a_bulk_update_does_not(
    db: Database, cohort_id: str, heard: list[changes.Change]
) -> None:
    person = create_participant(db, cohort_id, ParticipantData("Azéma", "Manon"))
    with db.write() as session:
        session.add(SelectionInterview(participant_id=person, held_on=date(2026, 3, 1)))
    assert heard[-1].tables == {"selection_interview"}
    assert heard[-1].people == {person}
    with db.write() as session:
        session.execute(update(Participant).where(Participant.cohort_id == cohort_id)
                        .values(coach_id=None))
    assert heard[-1].people_touched({"participant"}) is None
    assert heard[-1].people_touched({"employer"}) == frozenset()


def test_a_deletion_counts_what_the_database_deletes_with_the_person(
    db: Database, cohort_id: str, heard: list[changes.Change]
) -> None:
    person = create_participant(db, cohort_id, ParticipantData("Azéma", "Manon"))
    delete_participant(db, person)
    change = heard[-1]
    # Their contracts, visits, interviews… went with them (ON DELETE CASCADE): the views of
    # those tables are told, and whom it concerns is known.
    assert {"contract", "follow_up_visit", "selection_interview"} <= change.tables
    assert change.people_touched({"contract", "follow_up_visit"}) == {person}


def test_the_contact_import_is_announced_as_a_whole(
    db: Database, cohort_id: str, heard: list[changes.Change], tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("Nom;Prénom\nDUPONT;Marie\nGARCIA;Inès\n", encoding="utf-8")
    import_contacts(db, path, cohort="Promotion 2026")
    with db.read() as session:
        assert len(session.scalars(select(Participant.id)).all()) == 2
    # Its rows go to the driver in one batch: the lists of people are read again whole.
    assert heard[-1].tables == {"participant"}
    assert heard[-1].people_touched({"participant"}) is None
    assert not heard[-1].everything


def test_nothing_is_announced_for_a_rollback_or_a_transaction_that_wrote_nothing(
    db: Database, cohort_id: str, heard: list[changes.Change]
) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Cohort(name="Jamais", start_date=date(2026, 1, 1)))
        session.flush()
        raise RuntimeError("the coach's action failed")
    with db.write() as session:
        session.scalar(select(Cohort.id))
    assert heard == []


def test_changes_merge_and_travel_as_plain_values(
    db: Database, cohort_id: str, heard: list[changes.Change]
) -> None:
    first = create_participant(db, cohort_id, ParticipantData("Azéma", "Manon"))
    with db.write() as session:
        session.execute(update(Cohort).values(notes="Groupe du matin"))
    merged = heard[0].merged(heard[1])
    assert merged.tables == {"participant", "cohort"}
    assert merged.people == {first} and merged.unknown_people == {"cohort"}
    again = changes.publish_plain(merged.as_plain())
    assert again.serial > merged.serial
    assert (again.tables, again.people, again.unknown_people) == (
        merged.tables, merged.people, merged.unknown_people)


@pytest.mark.logs_warning
def test_a_failing_listener_never_makes_a_committed_write_fail(
    db: Database, cohort_id: str, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_change: changes.Change) -> None:
        raise ValueError("Azéma")

    unsubscribe = changes.subscribe(broken)
    try:
        person = create_participant(db, cohort_id, ParticipantData("Azéma", "Manon"))
    finally:
        unsubscribe()
    with db.read() as session:
        assert session.get(Participant, person) is not None
    assert [record.getMessage() for record in caplog.records] == [
        "change listener failed: ValueError"]
