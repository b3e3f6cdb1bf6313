"""A promotion's set-up, coaches and training bodies as records, and follow-on files: the
services the window and the command line share, from an empty database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Outreach, Participant
from coachdesk.services import cohorts, follow_on
from coachdesk.services.coaches import CoachDraft, archive_coach, create_coach, list_coaches
from coachdesk.services.contact_import.importer import import_contacts
from coachdesk.services.recruitment import record_call
from coachdesk.services.training_bodies import TrainingBodyDraft, create_training_body
from tests import builders as b


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "vide.sqlite3")
    yield db
    db.dispose()


def test_a_promotion_set_up_edited_and_archived(database: Database) -> None:
    claire = create_coach(database, CoachDraft("Claire Vidal", "04 67 00 10 21"))
    nadia = create_coach(database, CoachDraft("Nadia Benali", structure="MLJAM"))
    cnam = create_training_body(database, TrainingBodyDraft("Cnam LR", uai="0341234G"))
    draft = cohorts.CohortDraft(
        name="  Promotion   2011 ", start_date=date(2011, 5, 25), training_title="APGPME",
        training_body_id=cnam, bilan_start_date=date(2011, 3, 21),
        bilan_end_date=date(2011, 5, 4), end_date=date(2012, 4, 30),
        enrolment_deadline=date(2011, 7, 15), visit_interval_weeks=4, target_size=15,
        coach_ids=(nadia, claire),
    )
    cohort_id = cohorts.create_cohort(database, draft)
    details = cohorts.get_cohort(database, cohort_id)
    assert details.draft.name == "Promotion 2011"
    assert (details.training_body, details.coaches) == ("Cnam LR", ("Claire Vidal",
                                                                   "Nadia Benali"))
    assert details.draft.bilan_end_date == date(2011, 5, 4)
    cohorts.update_cohort(database, cohort_id, details.draft.__class__(
        **{**{name: getattr(details.draft, name) for name in details.draft.__slots__},
           "coach_ids": (claire,), "target_size": 12}))
    again = cohorts.get_cohort(database, cohort_id)
    assert (again.coaches, again.draft.target_size) == (("Claire Vidal",), 12)

    other = b.cohort(database, "Promotion 2010", date(2010, 5, 26))
    cohorts.archive_cohort(database, cohort_id)
    assert [row.id for row in cohorts.cohort_choices(database)] == [other]
    with database.read() as session:
        # Still found by its name; no longer the default.
        assert cohorts.find_cohort(session, "promotion 2011").archived
        assert cohorts.find_cohort(session, None).id == other
    cohorts.archive_cohort(database, cohort_id, archived=False)
    assert [row.id for row in cohorts.cohort_choices(database)] == [cohort_id, other]


@pytest.mark.parametrize(("changes", "said"), [
    ({"name": " "}, "Le champ « Nom de la promotion » est obligatoire."),
    ({"end_date": date(2011, 1, 1)}, "La formation ne peut pas finir avant d'avoir commencé."),
    ({"bilan_start_date": date(2011, 5, 1), "bilan_end_date": date(2011, 3, 1)},
     "Le bilan ne peut pas finir avant d'avoir commencé."),
    ({"end_date": date(2011, 7, 1), "enrolment_deadline": date(2011, 7, 15)},
     "La date limite des inscriptions provisoires tombe après la fin de la formation."),
    ({"visit_interval_weeks": 0}, "Intervalle entre deux visites : 0 semaines"),
    ({"target_size": 0}, "Effectif visé : « 0 »"),
    ({"name": "PROMOTION 2010"}, "Une promotion s'appelle déjà « Promotion 2010 »."),
    ({"coach_ids": ("not-a-coach",)}, "Un·e des chargé·es choisi·es n'existe plus"),
])
def test_a_promotion_breaking_a_rule_is_refused_in_french(
    database: Database, changes: dict[str, object], said: str
) -> None:
    b.cohort(database, "Promotion 2010", date(2010, 5, 26))
    draft = cohorts.CohortDraft(name="Promotion 2011", start_date=date(2011, 5, 25))
    with pytest.raises(UserError) as error:
        cohorts.create_cohort(database, cohorts.CohortDraft(
            **{**{name: getattr(draft, name) for name in draft.__slots__}, **changes}))
    assert str(error.value).startswith(said)
    assert [row.name for row in cohorts.cohort_choices(database)] == ["Promotion 2010"]


def test_coaches_are_records_with_checked_details(database: Database) -> None:
    with pytest.raises(UserError, match=r"Téléphone « 12 » : ce numéro n.est pas valable\."):
        create_coach(database, CoachDraft("Claire Vidal", phone="12"))
    with pytest.raises(UserError, match="Courriel « claire@ » : cette adresse n'est pas"):
        create_coach(database, CoachDraft("Claire Vidal", email="claire@"))
    claire = create_coach(database, CoachDraft("Claire Vidal", phone="0467001021"))
    with pytest.raises(UserError, match=r"Un·e chargé·e s.appelle déjà « Claire Vidal »\."):
        create_coach(database, CoachDraft("CLAIRE  VIDAL"))
    assert [(c.name, c.phone) for c in list_coaches(database)] == [
        ("Claire Vidal", "04 67 00 10 21")]
    cohort = b.cohort(database)
    person = b.person(database, cohort, "Azéma", "Manon", coach_id=claire)
    record_call(database, person, "interesse", date(2010, 2, 15), coach_id=claire)
    # A coach who leaves is archived: no longer offered, still named where they acted.
    archive_coach(database, claire)
    assert list_coaches(database) == []
    with database.read() as session:
        assert session.scalar(select(Participant.coach_id)) == claire
        assert session.scalar(select(Outreach.coach_id)) == claire


def test_a_training_body_is_checked_siret_and_uai(database: Database) -> None:
    with pytest.raises(UserError, match="SIRET « 123 » : il doit compter 14 chiffres"):
        create_training_body(database, TrainingBodyDraft("Cnam", siret="123"))
    with pytest.raises(UserError, match="UAI"):
        create_training_body(database, TrainingBodyDraft("Cnam", uai="0341234A"))
    assert create_training_body(database, TrainingBodyDraft("Cnam", uai="0341234g"))


def test_a_follow_on_file_keeps_both_histories_and_a_move_carries_the_file(
    database: Database,
) -> None:
    first = b.cohort(database, "Promotion 2010", date(2010, 5, 26))
    second = b.cohort(database, "Promotion 2011", date(2011, 5, 25))
    person = b.person(database, first, "Azéma", "Manon", birth_date=date(1990, 4, 2),
                      phone="0612345678")
    record_call(database, person, "interesse", date(2010, 2, 15))
    copy = follow_on.copy_to_cohort(database, person, second, on=date(2011, 1, 10))
    with database.read() as session:
        again = session.get(Participant, copy)
        assert again is not None
        assert (again.cohort_id, again.follows_from_id, again.phone) == (
            second, person, "06 12 34 56 78")
        # The call stays in 2010's file, counted in 2010's figures.
        assert session.scalar(select(func.count()).select_from(Outreach).where(
            Outreach.participant_id == copy)) == 0
    assert [f.cohort_name for f in follow_on.linked_files(database, copy)] == [
        "Promotion 2010", "Promotion 2011"]
    with pytest.raises(UserError, match="a déjà un dossier dans la promotion « Promotion 2011 »"):
        follow_on.copy_to_cohort(database, person, second)

    wrong = b.person(database, first, "Bernard", "Chloé")
    record_call(database, wrong, "interesse", date(2010, 2, 15))
    follow_on.move_to_cohort(database, wrong, second)
    with database.read() as session:
        moved = session.get(Participant, wrong)
        assert moved is not None and moved.cohort_id == second
        assert session.scalar(select(func.count()).select_from(Outreach).where(
            Outreach.participant_id == wrong)) == 1


def test_the_import_takes_a_person_of_another_promotion_as_a_follow_on(
    database: Database, tmp_path: Path
) -> None:
    first = b.cohort(database, "Promotion 2010", date(2010, 5, 26))
    earlier = b.person(database, first, "Azéma", "Manon", birth_date=date(1990, 4, 2))
    path = tmp_path / "bac2.csv"
    path.write_text("Nom;Prénom;Date de naissance;Ville\nAZEMA;Manon;02/04/1990;Sète\n"
                    "Bernard;Chloé;05/06/1991;Agde\n", encoding="utf-8")
    report = import_contacts(database, path, cohort="Promotion 2011", today=date(2011, 1, 10))
    assert report.imported == 2 and report.duplicates == []
    assert [(f.name, f.earlier_cohort) for f in report.followed_on] == [
        ("AZEMA Manon", "Promotion 2010")]
    with database.read() as session:
        follows = session.scalar(select(Participant.follows_from_id).where(
            Participant.last_name == "AZEMA"))
    assert follows == earlier
    # Imported again into the same promotion, the same person is a duplicate there.
    again = import_contacts(database, path, cohort="Promotion 2011", today=date(2011, 1, 11))
    assert again.imported == 0 and len(again.duplicates) == 2
