"""The training, followed: rhythm, absences, assessments, result, the training body's sheet,
the funnel's « qualification obtenue », erasure and right of access."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Training, TrainingAbsence, TrainingAssessment
from coachdesk.services import gdpr, training_bodies
from coachdesk.services.clock import set_clock
from coachdesk.services.funnel import compute_funnel
from coachdesk.services.training import (
    AbsenceDraft,
    AssessmentDraft,
    TrainingDraft,
    contract_training,
    contract_training_defaults,
    delete_absence,
    evening_classes_defaults,
    participant_trainings,
    record_absence,
    record_assessment,
    save_training,
    set_training_result,
)
from coachdesk.services.training_import import import_training_sheet
from tests import builders as b


class Programme:
    """A promotion at the Cnam with its training body, two young people under contract."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.body = training_bodies.create_training_body(
            db, training_bodies.TrainingBodyDraft(name="Cnam Languedoc-Roussillon"))
        self.cohort = b.cohort(db, training_title="Certificat professionnel Assistant de gestion",
                               training_body_id=self.body)
        employer = b.employer(db, "Imprimerie des Arceaux")
        self.lea = b.person(db, self.cohort, "Arnaud", "Léa", birth_date=date(1990, 4, 2))
        self.hugo = b.person(db, self.cohort, "Roux", "Hugo", birth_date=date(1991, 1, 9))
        self.lea_contract = b.contract(db, self.lea, employer, date(2010, 6, 1),
                                       end_date=date(2011, 4, 30))
        self.hugo_contract = b.contract(db, self.hugo, employer, date(2010, 6, 7),
                                        end_date=date(2011, 4, 30))
        self.lea_training = save_training(db, self.lea, _with_rhythm(
            contract_training_defaults(db, self.lea_contract)))
        self.hugo_training = save_training(db, self.hugo, contract_training_defaults(
            db, self.hugo_contract))


def _with_rhythm(draft: TrainingDraft) -> TrainingDraft:
    return TrainingDraft(draft.mode, draft.contract_id, draft.training_body_id,
                         draft.qualification, draft.start_date, draft.end_date, 2, 3)


@pytest.fixture
def programme(db: Database) -> Programme:
    return Programme(db)


def test_a_contracts_training_starts_as_the_promotions_and_keeps_its_rhythm(
    programme: Programme,
) -> None:
    training = contract_training(programme.db, programme.lea_contract)
    assert training is not None
    assert training.training_body == "Cnam Languedoc-Roussillon"
    assert training.qualification == "Certificat professionnel Assistant de gestion"
    assert (training.start_date, training.end_date) == (date(2010, 6, 1), date(2011, 4, 30))
    assert training.rhythm == "2 j centre / 3 j entreprise"
    # Saving the contract's training again changes the one it has, never makes a second.
    again = save_training(programme.db, programme.lea, contract_training_defaults(
        programme.db, programme.lea_contract))
    assert again == programme.lea_training
    with programme.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Training)) == 2


def test_absences_and_assessments_entered_are_shown_with_their_summary(
    programme: Programme,
) -> None:
    db, tid = programme.db, programme.lea_training
    record_absence(db, tid, AbsenceDraft(date(2010, 10, 4), hours=3.5, justified=True,
                                         reason="Rendez-vous médical"))
    first = record_absence(db, tid, AbsenceDraft(date(2010, 11, 8), half_days=1))
    record_assessment(db, tid, AssessmentDraft(date(2010, 12, 10), "Comptabilité", grade=13.5))
    record_assessment(db, tid, AssessmentDraft(date(2010, 12, 10), "Bureautique",
                                               result="Acquis"))
    training = contract_training(db, programme.lea_contract)
    assert training is not None
    assert [a.absent_on for a in training.absences] == [date(2010, 10, 4), date(2010, 11, 8)]
    assert training.absence_summary == "2 absences (3,5 h et 1 demi-journée), dont 1 non justifiée"
    assert [(a.subject, a.result, a.grade) for a in training.assessments] == [
        ("Bureautique", "Acquis", None), ("Comptabilité", "", 13.5)]
    delete_absence(db, first)
    training = contract_training(db, programme.lea_contract)
    assert training is not None and len(training.absences) == 1


@pytest.mark.parametrize(("draft", "message"), [
    (AbsenceDraft(date(2010, 10, 4)), "en heures ou en demi-journées"),
    (AbsenceDraft(date(2010, 10, 4), hours=2, half_days=1), "en heures ou en demi-journées"),
    (AbsenceDraft(date(2010, 10, 4), half_days=3), "une ou deux demi-journées"),
    (AbsenceDraft(date(2010, 10, 4), hours=14), "de 0,5 à 12 heures"),
    (AbsenceDraft(date(2010, 5, 20), hours=2), "L'absence du 20/05/2010 est en dehors de la "
     "formation (du 01/06/2010 au 30/04/2011)."),
])
def test_an_absence_that_cannot_be_is_refused_in_french(
    programme: Programme, draft: AbsenceDraft, message: str,
) -> None:
    with pytest.raises(UserError) as error:
        record_absence(programme.db, programme.lea_training, draft)
    assert message in str(error.value)
    with programme.db.read() as s:
        assert s.scalar(select(func.count()).select_from(TrainingAbsence)) == 0


def test_the_result_has_its_date_never_in_the_future(programme: Programme) -> None:
    db = programme.db
    set_clock(db, date(2011, 5, 15))
    with pytest.raises(UserError, match="après aujourd'hui"):
        set_training_result(db, programme.lea_training, "obtenu", date(2011, 6, 1))
    with pytest.raises(UserError, match="date du résultat"):
        set_training_result(db, programme.lea_training, "obtenu", None)
    set_training_result(db, programme.lea_training, "obtenu", date(2011, 5, 10))
    training = contract_training(db, programme.lea_contract)
    assert training is not None
    assert (training.result_label, training.result_on) == ("Certificat obtenu", date(2011, 5, 10))


def test_the_funnel_counts_qualifications_obtained_on_their_day(programme: Programme) -> None:
    db = programme.db
    set_clock(db, date(2011, 6, 30))
    set_training_result(db, programme.lea_training, "obtenu", date(2011, 5, 10))
    set_training_result(db, programme.hugo_training, "non_obtenu", date(2011, 5, 10))
    # Evening classes beside a job count too: the certificate is the programme's aim.
    evening_person = b.person(db, programme.cohort, "Pons", "Martin")
    evening = save_training(db, evening_person, TrainingDraft(
        mode="cours_du_soir", training_body_id=programme.body, qualification="Certificat",
        start_date=date(2010, 10, 1)))
    set_training_result(db, evening, "obtenu", date(2011, 6, 20))
    with db.read() as s:
        assert compute_funnel(s, programme.cohort, date(2011, 5, 9)).qualifications_obtained == 0
        assert compute_funnel(s, programme.cohort, date(2011, 5, 10)).qualifications_obtained == 1
        assert compute_funnel(s, programme.cohort, date(2011, 6, 30)).qualifications_obtained == 2


def test_evening_classes_are_a_training_with_its_body_and_no_contract(
    programme: Programme,
) -> None:
    db = programme.db
    set_clock(db, date(2010, 9, 20))
    person = b.person(db, programme.cohort, "Pons", "Martin")
    defaults = evening_classes_defaults(db, person)
    assert (defaults.mode, defaults.training_body_id, defaults.start_date) == (
        "cours_du_soir", programme.body, date(2010, 9, 20))
    save_training(db, person, defaults)
    [training] = participant_trainings(db, person)
    assert (training.mode, training.contract_id, training.training_body) == (
        "cours_du_soir", None, "Cnam Languedoc-Roussillon")
    with pytest.raises(UserError, match="se rattache à un contrat"):
        save_training(db, person, TrainingDraft(mode="alternance"))


# --- the training body's sheet ----------------------------------------------------------------

HEADER = ["Nom", "Prénom", "Date de naissance", "Date", "Nature", "Heures", "Demi-journées",
          "Justifiée", "Motif", "Matière", "Résultat", "Note sur 20"]


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Cnam LR — relevé d'assiduité et d'évaluations"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD_ROWS: list[list[object]] = [
    ["ARNAUD", "Léa", date(1990, 4, 2), date(2010, 10, 4), "Absence", 3.5, None, "oui",
     "Médecin", None, None, None],
    ["Roux", "Hugo", "09/01/1991", "08/11/2010", "absence", None, 1, "non", "", None, None, None],
    ["Arnaud", "Lea", None, date(2010, 12, 10), "Évaluation", None, None, None, None,
     "Comptabilité", "", 13.5],
]


def test_the_training_bodys_sheet_is_imported_and_a_second_import_adds_nothing(
    programme: Programme, tmp_path: Path,
) -> None:
    path = _sheet(tmp_path / "assiduite.xlsx", [*GOOD_ROWS, [None] * 12])
    report = import_training_sheet(programme.db, path)
    assert (report.absences, report.assessments, report.already_recorded, report.rejected) == (
        2, 1, 0, ())
    training = contract_training(programme.db, programme.lea_contract)
    assert training is not None
    assert [(a.absent_on, a.hours, a.justified, a.reason, a.source) for a in training.absences] \
        == [(date(2010, 10, 4), 3.5, True, "Médecin", "Feuille de l'organisme de formation")]
    assert [(a.subject, a.grade) for a in training.assessments] == [("Comptabilité", 13.5)]
    again = import_training_sheet(programme.db, path)
    assert (again.absences, again.assessments, again.already_recorded) == (0, 0, 3)
    with programme.db.read() as s:
        assert s.scalar(select(func.count()).select_from(TrainingAbsence)) == 2


def test_bad_rows_are_named_with_file_row_column_and_what_to_do(
    programme: Programme, tmp_path: Path,
) -> None:
    path = tmp_path / "assiduite.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerow(["Arnaud", "Léa", "", "31/02/2010", "absence", "2", "", "", "", "", "",
                         ""])
        writer.writerow(["Martin", "Zoé", "", "04/10/2010", "absence", "2", "", "", "", "", "",
                         ""])
        writer.writerow(["Roux", "Hugo", "", "05/10/2010", "absence", "2", "", "peut-être", "",
                         "", "", ""])
        writer.writerow(["Roux", "Hugo", "", "06/10/2010", "évaluation", "", "", "", "",
                         "Droit", "", "24"])
        writer.writerow(["Roux", "Hugo", "", "07/10/2010", "congé", "", "", "", "", "", "", ""])
        writer.writerow(["Roux", "Hugo", "", "07/10/2010", "absence", "7", "", "non", "", "", "",
                         ""])
    report = import_training_sheet(programme.db, path)
    assert report.absences == 1
    assert [(r.row, r.column) for r in report.rejected] == [
        (2, "Date"), (3, "Nom"), (4, "Justifiée"), (5, "Note sur 20"), (6, "Nature")]
    assert report.rejected[0].message == (
        "« assiduite.csv », ligne 2, colonne « Date » : « 31/02/2010 » n'est pas une date "
        "(JJ/MM/AAAA). Corrigez la ligne dans le fichier puis importez-le de nouveau.")
    assert "personne ne s'appelle MARTIN Zoé dans CoachDesk" in report.rejected[1].message
    assert "La note doit être comprise entre 0 et 20." in report.rejected[3].message
    with programme.db.read() as s:
        assert s.scalar(select(func.count()).select_from(TrainingAbsence)) == 1
        assert s.scalar(select(func.count()).select_from(TrainingAssessment)) == 0


def test_a_dry_run_writes_nothing_and_a_sheet_without_dates_is_refused_whole(
    programme: Programme, tmp_path: Path,
) -> None:
    report = import_training_sheet(programme.db, _sheet(tmp_path / "a.xlsx", GOOD_ROWS),
                                   dry_run=True)
    assert (report.absences, report.assessments, report.dry_run) == (2, 1, True)
    with programme.db.read() as s:
        assert s.scalar(select(func.count()).select_from(TrainingAbsence)) == 0
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nom", "Prénom", "Nature"])
    sheet.append(["Arnaud", "Léa", "absence"])
    book.save(tmp_path / "b.xlsx")
    with pytest.raises(UserError, match=r"« b\.xlsx » n.a pas de colonne « Date »"):
        import_training_sheet(programme.db, tmp_path / "b.xlsx")


def test_two_people_with_one_name_need_their_birth_date(
    programme: Programme, tmp_path: Path,
) -> None:
    b.person(programme.db, programme.cohort, "Arnaud", "Léa", birth_date=date(1989, 7, 7))
    rows = [row[:] for row in GOOD_ROWS]
    rows[2][2] = None
    report = import_training_sheet(programme.db, _sheet(tmp_path / "a.xlsx", rows))
    assert [(r.row, r.column) for r in report.rejected] == [(5, "Date de naissance")]
    assert "plusieurs personnes s'appellent ARNAUD Lea" in report.rejected[0].message
    assert report.absences == 2


# --- GDPR -----------------------------------------------------------------------------------


def test_erasure_and_right_of_access_cover_the_training(programme: Programme) -> None:
    db = programme.db
    record_absence(db, programme.lea_training, AbsenceDraft(date(2010, 10, 4), hours=2))
    record_assessment(db, programme.lea_training,
                      AssessmentDraft(date(2010, 12, 10), "Comptabilité", grade=12))
    with db.read() as s:
        report = gdpr.access_report(s, programme.lea)
    headers, rows = report["Formations"]
    assert rows[0][headers.index("Qualification préparée")] == (
        "Certificat professionnel Assistant de gestion")
    assert rows[0][headers.index("Type de formation")] == "Formation en alternance"
    headers, rows = report["Absences en formation"]
    assert rows[0][headers.index("Absent·e le")] == date(2010, 10, 4)
    headers, rows = report["Évaluations en formation"]
    assert rows[0][headers.index("Matière")] == "Comptabilité"
    gdpr.erase_for_good(db, programme.lea)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Training)) == 1  # Hugo's
        assert s.scalar(select(func.count()).select_from(TrainingAbsence)) == 0
        assert s.scalar(select(func.count()).select_from(TrainingAssessment)) == 0


# --- schema ---------------------------------------------------------------------------------

TESTS_DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_first_release_database_gains_the_training_tables_and_records_one(
    tmp_path: Path,
) -> None:
    """Revision 0015 on the committed first-release database: the three tables arrive empty,
    and the first release's contract can be given its training, an absence and a result."""
    import shutil
    import sqlite3

    from coachdesk.db import HEAD_REVISION, open_database
    from coachdesk.models.base import canonical_id

    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        with database.read() as s:
            contract_id, person = s.connection().exec_driver_sql(
                "SELECT id, participant_id FROM contract LIMIT 1").one()
            assert s.scalar(select(func.count()).select_from(Training)) == 0
        contract_id, person = canonical_id(contract_id), canonical_id(person)
        draft = contract_training_defaults(database, contract_id)
        training = save_training(database, person, draft)
        start = draft.start_date
        assert start is not None
        record_absence(database, training, AbsenceDraft(start, half_days=1))
    finally:
        database.dispose()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
        assert connection.execute(
            "SELECT half_days, justified, source FROM training_absence").fetchall() == [
            (1, 0, "saisie")]
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(training_absence)")}
    connection.close()
    assert "ix_training_absence_training_id" in indexes


def test_in_a_team_the_training_goes_to_the_outbox(programme: Programme) -> None:
    """Shared with the person's scope in a team: recording the training, an absence and an
    assessment of a team database puts each change in the outbox, and nothing is lost on the
    laptop (the journey to another laptop is tested against a real server in tests/sync)."""
    from coachdesk.models import SyncOutboxOp
    from coachdesk.sync.tables import LOCAL_ONLY, PERSON_SCOPED
    from tests.sync.test_outbox import fake_join

    assert not {"training", "training_absence", "training_assessment"} & set(LOCAL_ONLY)
    assert PERSON_SCOPED["training"] == ("participant_id", "participant")
    assert PERSON_SCOPED["training_absence"] == ("training_id", "training")
    assert PERSON_SCOPED["training_assessment"] == ("training_id", "training")
    db = programme.db
    fake_join(db)
    absence = record_absence(db, programme.hugo_training,
                             AbsenceDraft(date(2010, 10, 4), hours=1))
    assessment = record_assessment(db, programme.hugo_training,
                                   AssessmentDraft(date(2010, 12, 10), "Comptabilité", "Acquis"))
    save_training(db, programme.hugo, _with_rhythm(contract_training_defaults(
        db, programme.hugo_contract)))
    with db.read() as s:
        queued = {(r.table_name, r.row_id, r.kind) for r in s.execute(
            select(SyncOutboxOp.table_name, SyncOutboxOp.row_id, SyncOutboxOp.kind))}
    assert {("training_absence", absence, "insert"),
            ("training_assessment", assessment, "insert"),
            ("training", programme.hugo_training, "update")} <= queued
    training = contract_training(db, programme.hugo_contract)
    assert training is not None and training.rhythm == "2 j centre / 3 j entreprise"


def test_the_demo_follows_its_training_as_the_note_tells_it(demo_path: Path) -> None:
    """Every contract has its training at the note's rhythm (80 % at work); the three broken
    contracts left the training on the day of their rupture; three young people with a job
    outside the programme follow evening classes at the Cnam; no certificate by 31/12/2010."""
    from coachdesk.db import open_database
    from coachdesk.models import Contract

    database = open_database(demo_path)
    try:
        with database.read() as s:
            trainings = s.execute(select(Training.mode, Training.days_at_work,
                                         Training.result, Training.result_on,
                                         Contract.rupture_on)
                                  .outerjoin(Contract, Contract.id == Training.contract_id)).all()
            absences = s.scalar(select(func.count()).select_from(TrainingAbsence))
            assessments = s.scalar(select(func.count()).select_from(TrainingAssessment))
            latest = max(s.scalars(select(TrainingAbsence.absent_on)))
    finally:
        database.dispose()
    work_study = [t for t in trainings if t.mode == "alternance"]
    assert len(work_study) == 13 and {t.days_at_work for t in work_study} == {4}
    assert sorted((t.result, t.result_on) for t in work_study if t.result) == [
        ("abandon", day) for day in (date(2010, 6, 18), date(2010, 7, 23), date(2010, 10, 15))]
    assert all(t.result_on == t.rupture_on for t in work_study if t.result)
    assert [t.mode for t in trainings].count("cours_du_soir") == 3
    assert absences and assessments and latest <= date(2010, 12, 31)


def test_the_training_body_and_start_are_one_fact_for_the_cerfa_and_the_follow_up(
    programme: Programme,
) -> None:
    """Set in the training follow-up, the body and the start are the contract's CERFA ones
    (OPCO file included); set on the contract, they are the training's."""
    from dataclasses import replace

    from coachdesk.services.cerfa import opco_file
    from coachdesk.services.contract_board import contract_on_file
    from coachdesk.services.contracts import update_contract

    db = programme.db
    other = training_bodies.create_training_body(
        db, training_bodies.TrainingBodyDraft(name="Greta Montpellier"))
    draft = contract_training_defaults(db, programme.hugo_contract)
    save_training(db, programme.hugo, replace(draft, training_body_id=other,
                                              start_date=date(2010, 6, 14)))
    on_file = contract_on_file(db, programme.hugo_contract).draft
    assert (on_file.training_body_id, on_file.training_start_on) == (other, date(2010, 6, 14))
    values = {line.label: line.value for line in opco_file(db, programme.hugo_contract).lines}
    assert "Greta Montpellier" in values.values() and "14/06/2010" in values.values()
    # The other way: the contract's CERFA names the Cnam from 21/06: the follow-up says so.
    update_contract(db, programme.hugo_contract, replace(
        on_file, training_body_id=programme.body, training_start_on=date(2010, 6, 21)))
    training = contract_training(db, programme.hugo_contract)
    assert training is not None
    assert (training.training_body, training.start_date) == (
        "Cnam Languedoc-Roussillon", date(2010, 6, 21))
