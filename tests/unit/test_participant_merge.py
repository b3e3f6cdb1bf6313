"""Duplicates by hand: a new file is checked as the import checks a row, and two files of one
person are merged into one, everything recorded moving to the kept file, in one transaction."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Attendance,
    AuditEvent,
    Cohort,
    Contract,
    Employer,
    FollowUpVisit,
    InfoSession,
    JobOffer,
    Outreach,
    Participant,
    RecruitmentInterview,
    Referral,
    Reminder,
    SelectionInterview,
)
from coachdesk.services.participant_merge import (
    merge_participants,
    merge_sides,
    review_participant,
)
from coachdesk.services.participants import ParticipantData, create_participant, get_participant


@pytest.fixture
def cohort_id(db: Database) -> str:
    with db.write() as session:
        cohort = Cohort(name="Promotion 2010", start_date=date(2010, 2, 1))
        session.add(cohort)
        session.flush()
        return cohort.id


def test_a_new_file_is_checked_as_the_import_checks_a_row(db: Database, cohort_id: str) -> None:
    known = create_participant(db, cohort_id, ParticipantData(
        "AZÉMA", "Manon", birth_date=date(1990, 5, 12), email="Manon.Azema@exemple.fr"))
    # The case of the issue: same person typed differently, an impossible phone and e-mail.
    review = review_participant(db, ParticipantData(
        "Azema", "Manon", birth_date=date(1990, 5, 12), phone="12", email="manon@"))
    assert [(d.participant_id, d.name, d.cohort_name, d.reason) for d in review.duplicates] == [
        (known, "AZÉMA Manon", "Promotion 2010", "mêmes nom, prénom et date de naissance")]
    assert review.problems == (
        "Le téléphone « 12 » n'est pas un numéro valide.",
        "L'adresse « manon@ » n'est pas une adresse de courriel valide.",
    )
    # Name and e-mail, whatever the case of the e-mail; a hyphen or an apostrophe changes
    # nothing (the import's keys).
    by_email = review_participant(db, ParticipantData(
        "Azéma", "Manon", email="manon.azema@exemple.fr", phone="06 12 34 56 78"))
    assert [d.reason for d in by_email.duplicates] == ["mêmes nom, prénom et courriel"]
    assert by_email.problems == ()
    # Another birth date and no e-mail: another person. Editing a file checks no duplicate.
    assert review_participant(db, ParticipantData(
        "Azéma", "Manon", birth_date=date(1991, 5, 12))).clean
    assert review_participant(db, ParticipantData(
        "AZÉMA", "Manon", birth_date=date(1990, 5, 12)), participant_id=known).clean


def _two_files_of_one_person(db: Database, cohort_id: str) -> tuple[str, str, dict[str, str]]:
    kept = create_participant(db, cohort_id, ParticipantData(
        "AZÉMA", "Manon", birth_date=date(1990, 5, 12), notes="Préfère être appelée le matin."))
    merged = create_participant(db, cohort_id, ParticipantData(
        "Azema", "Manon", phone="0612345678", city="Montpellier", notes="Permis B."))
    ids: dict[str, str] = {}
    with db.write() as session:
        both = InfoSession(cohort_id=cohort_id, starts_at=datetime(2010, 3, 1, 14))
        other = InfoSession(cohort_id=cohort_id, starts_at=datetime(2010, 3, 8, 14))
        employer = Employer(name="Garage Dupont")
        session.add_all([both, other, employer])
        session.flush()
        offer = JobOffer(cohort_id=cohort_id, employer_id=employer.id, title="Vendeuse",
                         rome_code="D1214", received_on=date(2010, 5, 1))
        session.add(offer)
        session.flush()
        session.add_all([
            Attendance(session_id=both.id, participant_id=kept, cohort_id=cohort_id),
            Attendance(session_id=both.id, participant_id=merged, cohort_id=cohort_id),
            Attendance(session_id=other.id, participant_id=merged, cohort_id=cohort_id),
            Outreach(participant_id=merged, done_on=date(2010, 2, 20), channel="telephone",
                     outcome="interesse"),
            SelectionInterview(participant_id=merged, held_on=date(2010, 3, 15)),
            Reminder(participant_id=merged, due_on=date(2010, 6, 1), text="Rappeler"),
        ])
        kept_referral = Referral(offer_id=offer.id, participant_id=kept,
                                 proposed_on=date(2010, 5, 3), status_on=date(2010, 5, 3))
        merged_referral = Referral(offer_id=offer.id, participant_id=merged,
                                   proposed_on=date(2010, 5, 4), status_on=date(2010, 5, 4))
        contract = Contract(participant_id=merged, employer_id=employer.id,
                            start_date=date(2010, 9, 1), end_date=date(2011, 9, 1))
        session.add_all([kept_referral, merged_referral, contract])
        session.flush()
        interview = RecruitmentInterview(referral_id=merged_referral.id,
                                         starts_at=datetime(2010, 5, 10, 9))
        visit = FollowUpVisit(contract_id=contract.id, planned_on=date(2010, 10, 1))
        session.add_all([interview, visit])
        session.flush()
        ids.update(kept_referral=kept_referral.id, interview=interview.id,
                   contract=contract.id, both=both.id, other=other.id)
    return kept, merged, ids


def test_merging_moves_everything_to_the_kept_file(db: Database, cohort_id: str) -> None:
    kept, merged, ids = _two_files_of_one_person(db, cohort_id)
    left, right = merge_sides(db, kept, merged)
    assert (left.records, right.records) == (2, 7)
    assert right.file.data.phone == "06 12 34 56 78" and right.cohort_name == "Promotion 2010"

    result = merge_participants(db, kept, merged)

    assert result.moved == 5 and result.twins_dropped == 2  # 7 records in all
    assert set(result.filled) == {"Téléphone", "Ville", "Observations"}
    with db.read() as session:
        assert session.get(Participant, merged) is None
        for model in (Outreach, SelectionInterview, Reminder, Contract, Referral, Attendance):
            owners = set(session.scalars(select(model.participant_id)))
            assert owners == {kept}, model.__name__
        # The same session twice: one attendance stays; the other session's came along.
        assert sorted(session.scalars(select(Attendance.session_id))) == sorted(
            [ids["both"], ids["other"]])
        # The same offer twice: the kept referral stays, the interview moved onto it.
        assert session.scalar(select(func.count()).select_from(Referral)) == 1
        interview = session.get(RecruitmentInterview, ids["interview"])
        assert interview is not None and interview.referral_id == ids["kept_referral"]
        # The contract keeps its visit.
        assert session.scalar(select(FollowUpVisit.contract_id)) == ids["contract"]
        audit = session.execute(select(AuditEvent.action, AuditEvent.detail, AuditEvent.count)
                                .where(AuditEvent.action == "participant_merge")).one()
    assert audit.detail == f"Fiche {merged} fusionnée dans la fiche {kept}"
    assert audit.count == 7
    assert "AZÉMA" not in audit.detail and "Manon" not in audit.detail
    file = get_participant(db, kept)
    assert (file.data.last_name, file.data.birth_date, file.data.phone, file.data.city) == (
        "AZÉMA", date(1990, 5, 12), "06 12 34 56 78", "Montpellier")
    assert file.data.notes == "Préfère être appelée le matin.\nPermis B."
    with db.read() as session:
        search = session.scalar(select(Participant.search_text).where(Participant.id == kept))
    assert search is not None and "0612345678" in search


def test_a_merge_that_cannot_be_done_changes_nothing(db: Database, cohort_id: str) -> None:
    kept = create_participant(db, cohort_id, ParticipantData("AZÉMA", "Manon"))
    with db.write() as session:
        other_cohort = Cohort(name="Promotion 2011", start_date=date(2011, 2, 1))
        session.add(other_cohort)
        session.flush()
        elsewhere = Participant(cohort_id=other_cohort.id, last_name="Azema",
                                first_name="Manon", listed_on=date(2011, 2, 1))
        session.add(elsewhere)
        session.flush()
        elsewhere_id = elsewhere.id
    with pytest.raises(UserError, match="promotions différentes"):
        merge_participants(db, kept, elsewhere_id)
    with pytest.raises(UserError, match="deux fiches différentes"):
        merge_participants(db, kept, kept)
    with pytest.raises(UserError, match="n'existe plus"):
        merge_participants(db, kept, "00000000-0000-4000-8000-000000000000")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 2
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0


def test_in_team_mode_the_merge_reaches_the_outbox(db: Database, cohort_id: str) -> None:
    import json
    import uuid

    from coachdesk.models import SyncOutboxOp, SyncState

    kept, merged, ids = _two_files_of_one_person(db, cohort_id)
    # Joined a team (no server needed: the sync state written directly).
    with db.write() as session:
        session.add(SyncState(id=1, server_url="http://127.0.0.1:9",
                              device_id=str(uuid.uuid4()), device_token="t",
                              coach_id=str(uuid.uuid4()), structure_id=str(uuid.uuid4()),
                              cursor=7))
    db.team_capture = None

    merge_participants(db, kept, merged)

    with db.read() as session:
        recorded = [(op.table_name, op.row_id, op.kind, json.loads(op.payload or "{}"))
                    for op in session.scalars(select(SyncOutboxOp).order_by(SyncOutboxOp.seq))]
        outreach = session.scalar(select(Outreach.id))
    assert ("participant", merged, "delete") in {(t, r, k) for t, r, k, _ in recorded}
    moved = [payload for table, row, kind, payload in recorded
             if (table, row, kind) == ("outreach", outreach, "update")]
    assert moved and moved[-1]["participant_id"] == kept
    # The twin referral (same offer) is deleted; its interview now hangs from the kept one.
    interview = [payload for table, row, kind, payload in recorded
                 if (table, row, kind) == ("recruitment_interview", ids["interview"], "update")]
    assert interview and interview[-1]["referral_id"] == ids["kept_referral"]
    assert {(t, k) for t, _r, k, _p in recorded} >= {("referral", "delete"),
                                                      ("attendance", "delete")}
