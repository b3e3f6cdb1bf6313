"""Provisional enrolment from an empty database: enrol, the deadline, lapsed when read, final with
a contract, a person's own deadline, the solution of a lapsed place, and every reader agreeing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Enrolment, Outcome
from coachdesk.services import bilan
from coachdesk.services.agenda import compute_agenda
from coachdesk.services.enrolment import (
    SolutionDraft,
    change_deadline,
    check_enrolments,
    effective_status,
    enrol,
    enrolment_board,
    enrolment_of,
    provisional_on,
    record_solution,
)
from coachdesk.services.lists import bilan_rows
from coachdesk.services.participants import (
    ParticipantData,
    create_participant,
    participant_timeline,
)
from tests import builders as b

D = date
DEADLINE = D(2010, 7, 15)
TESTS_DATA = Path(__file__).resolve().parent.parent / "data"


class Programme:
    """A promotion with a deadline on 15/07/2010, a bilan group of three young people (Ana,
    Bruno, Chloé), Dan who never came to the bilan, an adult (Eve), and an employer."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self.cohort = b.cohort(database, "Promotion 2010", D(2010, 5, 26),
                               enrolment_deadline=DEADLINE)
        people = {}
        for last, first, adult in (("Durand", "Ana", False), ("Martin", "Bruno", False),
                                   ("Petit", "Chloé", False), ("Roux", "Dan", False),
                                   ("Vidal", "Ève", True)):
            people[first] = create_participant(
                database, self.cohort, ParticipantData(last, first, is_adult=adult),
                listed_on=D(2010, 2, 1),
            )
        self.ana, self.bruno, self.chloe = people["Ana"], people["Bruno"], people["Chloé"]
        self.dan, self.eve = people["Dan"], people["Ève"]
        self.group = bilan.create_group(database, cohort_id=self.cohort, name="Printemps",
                                        start_date=D(2010, 3, 22), end_date=D(2010, 5, 5))
        for person in (self.ana, self.bruno, self.chloe):
            bilan.add_member(database, self.group, person, D(2010, 3, 22))
        self.employer = b.employer(database, "Optique Comédie")

    def contract(self, person: str, signed_on: date) -> str:
        return b.contract(self.db, person, self.employer, signed_on, signed_on=signed_on,
                          end_date=D(2011, 5, 31), training_hours=400)

    def status(self, person: str, on: date) -> str:
        line = enrolment_of(self.db, person, on)
        assert line is not None
        return line.state.status


@pytest.fixture
def programme(db: Database) -> Programme:
    return Programme(db)


def test_enrol_a_selection_then_it_lapses_when_read_and_the_file_never_changes(
    programme: Programme, db: Database
) -> None:
    ids = enrol(db, [programme.ana, programme.bruno, programme.eve], D(2010, 5, 26))
    assert len(ids) == 3
    with db.read() as s:
        rows = s.execute(select(Enrolment.participant_id, Enrolment.enrolled_on,
                                Enrolment.deadline_override)).all()
    assert sorted(rows) == sorted((p, D(2010, 5, 26), None)
                                  for p in (programme.ana, programme.bruno, programme.eve))
    # Ana signs on 09/07, before the deadline: final from that day.
    programme.contract(programme.ana, D(2010, 7, 9))
    assert db.path is not None
    files = [db.path, db.path.with_name(db.path.name + "-wal")]

    def on_disk() -> list[str]:
        return [hashlib.sha256(f.read_bytes()).hexdigest() if f.exists() else "" for f in files]

    before = on_disk()

    on_day = {day: {line.participant: (line.state.status, line.state.days_left)
                    for line in enrolment_board(db, programme.cohort, day)}
              for day in (D(2010, 6, 1), D(2010, 7, 9), D(2010, 7, 15), D(2010, 7, 16),
                          D(2026, 1, 5))}
    assert on_day[D(2010, 6, 1)] == {"DURAND Ana": ("provisoire", 44),
                                     "MARTIN Bruno": ("provisoire", 44),
                                     "VIDAL Ève": ("provisoire", 44)}
    assert on_day[D(2010, 7, 9)]["DURAND Ana"] == ("confirmee", None)
    assert on_day[D(2010, 7, 15)]["MARTIN Bruno"] == ("provisoire", 0)
    # From the day after the deadline, without a contract: lapsed, on any later day.
    for day in (D(2010, 7, 16), D(2026, 1, 5)):
        assert on_day[day] == {"DURAND Ana": ("confirmee", None),
                               "MARTIN Bruno": ("caduque", None),
                               "VIDAL Ève": ("caduque", None)}
    bruno = enrolment_of(db, programme.bruno, D(2010, 7, 16))
    assert bruno is not None and bruno.needs_outcome and bruno.state.since == D(2010, 7, 16)
    assert bruno.state.warning is not None and bruno.state.warning.message_fr == (
        "L'inscription provisoire est caduque faute de contrat au 15/07/2010 : enregistrez la "
        "solution trouvée."
    )
    # The Bilan list, the timeline and the agenda read the same, and reading wrote nothing.
    rows = {row.name: row.enrolment for row in bilan_rows(db, programme.cohort, D(2010, 7, 20))}
    assert rows["MARTIN Bruno"] is not None and rows["MARTIN Bruno"].status_label == "Caduque"
    assert rows["PETIT Chloé"] is None
    timeline = [(e.on, e.title) for e in participant_timeline(db, programme.bruno,
                                                              D(2010, 8, 1))
                if e.kind == "enrolment"]
    assert timeline == [(D(2010, 5, 26), "Inscription provisoire à la formation"),
                        (D(2010, 7, 16), "Inscription caduque")]
    assert [(e.on, e.title) for e in participant_timeline(db, programme.ana)
            if e.kind == "enrolment"] == [
        (D(2010, 5, 26), "Inscription provisoire à la formation"),
        (D(2010, 7, 9), "Inscription confirmée"),
    ]
    compute_agenda(db, D(2010, 7, 12))
    assert on_disk() == before
    with db.read() as s:
        stored = dict(s.execute(select(Enrolment.participant_id, Enrolment.lapsed_on)).all())
    assert set(stored.values()) == {None}


def test_who_cannot_be_enrolled_is_refused_in_french_and_nothing_is_written(
    programme: Programme, db: Database
) -> None:
    enrol(db, [programme.ana], D(2010, 5, 26))
    checks = check_enrolments(db, [programme.ana, programme.bruno, programme.dan, programme.eve],
                              D(2010, 5, 26))
    assert (checks.cohort_name, checks.promotion_deadline, checks.training_start) == (
        "Promotion 2010", DEADLINE, D(2010, 5, 26))
    refusals = {c.name: c.refusal for c in checks.people}
    assert refusals == {
        "DURAND Ana": "DURAND Ana est déjà inscrit·e à la formation depuis le 26/05/2010 : "
                      "changez sa date limite plutôt que de l'inscrire à nouveau.",
        "MARTIN Bruno": None,
        "ROUX Dan": "ROUX Dan n'est pas dans le bilan de la promotion « Promotion 2010 » : seuls "
                    "les jeunes entrés en bilan (et les adultes) peuvent être inscrits "
                    "provisoirement.",
        "VIDAL Ève": None,
    }
    assert checks.enrollable == [programme.bruno, programme.eve]
    with pytest.raises(UserError) as refused:
        enrol(db, [programme.bruno, programme.dan, programme.ana], D(2010, 5, 26))
    message = str(refused.value)
    assert message.startswith("Aucune inscription n'a été enregistrée : 2 personne(s) sur 3 ne "
                              "peuvent pas être inscrites.")
    assert "• ROUX Dan n'est pas dans le bilan" in message
    assert "• DURAND Ana est déjà inscrit·e" in message
    assert "Retirez-les de la sélection" in message
    with pytest.raises(UserError, match=r"^ROUX Dan n'est pas dans le bilan"):
        enrol(db, [programme.dan], D(2010, 5, 26))
    with pytest.raises(UserError, match="entré·e en bilan le 22/03/2010 : l'inscription du "
                                        "01/03/2010 ne peut pas précéder"):
        enrol(db, [programme.bruno], D(2010, 3, 1))
    with pytest.raises(UserError, match=r"La date limite de MARTIN Bruno \(15/07/2010\) "
                                        "précède son inscription du 20/07/2010"):
        enrol(db, [programme.bruno], D(2010, 7, 20))
    bilan.set_member_status(db, programme.group, programme.chloe, "abandon", D(2010, 4, 2))
    with pytest.raises(UserError, match="PETIT Chloé a abandonné le bilan"):
        enrol(db, [programme.chloe], D(2010, 5, 26))
    with pytest.raises(UserError, match="Personne introuvable"):
        enrol(db, ["0" * 32], D(2010, 5, 26))
    with pytest.raises(UserError, match="Sélectionnez au moins une personne"):
        enrol(db, [], D(2010, 5, 26))
    with db.read() as s:
        assert s.scalars(select(Enrolment.participant_id)).all() == [programme.ana]


def test_a_promotion_without_a_deadline_asks_for_one(db: Database) -> None:
    cohort = b.cohort(db, "Promotion sans date", D(2011, 5, 2))
    person = create_participant(db, cohort, ParticipantData("Blanc", "Lou", is_adult=True),
                                listed_on=D(2011, 1, 3))
    with pytest.raises(UserError, match="« Promotion sans date » n'a pas de date limite "
                                        "d'inscription provisoire : indiquez la date limite de "
                                        "BLANC Lou"):
        enrol(db, [person], D(2011, 5, 2))
    enrol(db, [person], D(2011, 5, 2), deadline=D(2011, 7, 1))
    line = enrolment_of(db, person, D(2011, 6, 20))
    assert line is not None and line.own_deadline
    assert (line.state.deadline, line.state.days_left) == (D(2011, 7, 1), 11)


def test_a_contract_signed_on_the_deadline_counts_one_day_later_does_not(
    programme: Programme, db: Database
) -> None:
    enrol(db, [programme.ana, programme.bruno], D(2010, 5, 26))
    programme.contract(programme.ana, DEADLINE)
    programme.contract(programme.bruno, D(2010, 7, 16))
    assert programme.status(programme.ana, D(2010, 8, 1)) == "confirmee"
    bruno = enrolment_of(db, programme.bruno, D(2010, 8, 1))
    assert bruno is not None and bruno.state.status == "caduque" and not bruno.needs_outcome
    assert bruno.state.warning is not None and bruno.state.warning.message_fr == (
        "Contrat signé le 16/07/2010, après la date limite du 15/07/2010 : l'inscription est "
        "caduque. Repoussez la date limite de la personne pour la rendre définitive."
    )
    # The coach gives Bruno until 20/07: his contract of 16/07 makes the place final.
    change_deadline(db, [programme.bruno], D(2010, 7, 20))
    bruno = enrolment_of(db, programme.bruno, D(2010, 8, 1))
    assert bruno is not None and bruno.own_deadline
    assert (bruno.state.status, bruno.state.since) == ("confirmee", D(2010, 7, 16))


def test_a_persons_own_deadline_moves_the_lapse_and_the_agenda(
    programme: Programme, db: Database
) -> None:
    enrol(db, [programme.ana, programme.bruno], D(2010, 5, 26))
    change_deadline(db, [programme.bruno], D(2010, 7, 30))
    with db.read() as s:
        own = dict(s.execute(select(Enrolment.participant_id, Enrolment.deadline_override)).all())
    assert own == {programme.ana: None, programme.bruno: D(2010, 7, 30)}
    assert programme.status(programme.bruno, D(2010, 7, 20)) == "provisoire"
    assert programme.status(programme.ana, D(2010, 7, 20)) == "caduque"
    week = [(i.day, i.participant) for i in compute_agenda(db, D(2010, 7, 12))
            if i.kind == "enrolment_deadline"]
    assert week == [(D(2010, 7, 15), "DURAND Ana"), (D(2010, 7, 15), "MARTIN Bruno")]
    # Bruno's own D-15 is 15/07 too; his D-7 is 23/07 and his deadline 30/07.
    assert [(i.day, i.detail) for i in compute_agenda(db, D(2010, 7, 19))
            if i.kind == "enrolment_deadline"] == [
        (D(2010, 7, 23), "Plus que 7 jours pour signer un contrat : l'inscription provisoire "
                         "devient caduque après le 30/07/2010.")]
    # Back to the promotion's deadline (typing it counts the same), with checks.
    change_deadline(db, [programme.bruno], DEADLINE)
    with db.read() as s:
        assert s.scalar(select(Enrolment.deadline_override)
                        .where(Enrolment.participant_id == programme.bruno)) is None
    with pytest.raises(UserError, match="précéder l'inscription"):
        change_deadline(db, [programme.bruno], D(2010, 5, 1))
    with pytest.raises(UserError, match="PETIT Chloé n'est pas inscrit·e à la formation"):
        change_deadline(db, [programme.chloe, programme.bruno], D(2010, 8, 1))


def test_the_solution_of_a_lapsed_place(programme: Programme, db: Database) -> None:
    enrol(db, [programme.ana, programme.bruno], D(2010, 5, 26))
    programme.contract(programme.ana, D(2010, 6, 1))
    draft = SolutionDraft(("emploi_hors_dispositif", "cours_du_soir"), D(2010, 9, 13),
                          notes="Employé administratif, Cnam le soir.")
    ids = record_solution(db, programme.bruno, draft)
    assert len(ids) == 2
    with db.read() as s:
        rows = s.execute(select(Outcome.kind, Outcome.recorded_on, Outcome.notes)
                         .where(Outcome.participant_id == programme.bruno)).all()
    notes = "Employé administratif, Cnam le soir."
    assert sorted(rows) == [("cours_du_soir", D(2010, 9, 13), notes),
                            ("emploi_hors_dispositif", D(2010, 9, 13), notes)]
    line = enrolment_of(db, programme.bruno, D(2010, 10, 1))
    assert line is not None and not line.needs_outcome
    assert line.solutions == ("Emploi hors dispositif", "Cours du soir")
    with pytest.raises(UserError, match="« Cours du soir » de MARTIN Bruno est déjà enregistrée"):
        record_solution(db, programme.bruno, SolutionDraft(("cours_du_soir",), D(2010, 10, 4)))
    with pytest.raises(UserError, match="DURAND Ana a signé un contrat le 01/06/2010"):
        record_solution(db, programme.ana, SolutionDraft(("cours_du_soir",), D(2010, 10, 4)))
    with pytest.raises(UserError, match="n'est pas inscrite à la formation"):
        record_solution(db, programme.chloe, SolutionDraft(("cours_du_soir",), D(2010, 10, 4)))
    with pytest.raises(UserError, match="Cochez au moins une solution"):
        record_solution(db, programme.bruno, SolutionDraft((), D(2010, 10, 4)))
    with pytest.raises(UserError, match="n'est pas une solution"):
        record_solution(db, programme.bruno, SolutionDraft(("promesse_cdi",), D(2010, 10, 4)))
    with pytest.raises(UserError, match="la solution ne peut pas précéder l'inscription"):
        record_solution(db, programme.bruno, SolutionDraft(("perdu_de_vue",), D(2010, 5, 1)))


@pytest.mark.parametrize(
    ("on", "contract_on", "status", "since"),
    [
        (D(2010, 6, 29), None, "provisoire", D(2010, 5, 26)),
        (D(2010, 7, 15), None, "provisoire", D(2010, 5, 26)),
        (D(2010, 7, 16), None, "caduque", D(2010, 7, 16)),
        (D(2010, 7, 16), D(2010, 7, 15), "confirmee", D(2010, 7, 15)),
        (D(2010, 7, 14), D(2010, 7, 15), "provisoire", D(2010, 5, 26)),
        (D(2010, 9, 1), D(2010, 7, 16), "caduque", D(2010, 7, 16)),
        # A contract signed before the enrolment: final on the day of the enrolment.
        (D(2010, 5, 26), D(2010, 5, 20), "confirmee", D(2010, 5, 26)),
        (D(2010, 5, 25), None, "provisoire", D(2010, 5, 26)),
    ],
)
def test_the_rule_in_python_and_in_sql_agree(
    db: Database, on: date, contract_on: date | None, status: str, since: date
) -> None:
    """effective_status and its SQL twin provisional_on say the same, on a real database."""
    state = effective_status(enrolled_on=D(2010, 5, 26), deadline=DEADLINE,
                             first_contract_on=contract_on, on=on)
    assert (state.status, state.since) == (status, since)
    cohort = b.cohort(db, "P", D(2010, 5, 26), enrolment_deadline=DEADLINE)
    person = b.person(db, cohort, "Roux", "Léa", is_adult=True)
    employer = b.employer(db, "Hôtel Les Tilleuls")
    enrol(db, [person], D(2010, 5, 26))
    if contract_on is not None:
        b.contract(db, person, employer, contract_on, signed_on=contract_on,
                   end_date=D(2011, 5, 31))
    with db.read() as s:
        provisional = s.scalar(select(provisional_on(on)).select_from(Enrolment)
                               .join(Cohort, Cohort.id == Enrolment.cohort_id))
    line = enrolment_of(db, person, on)
    assert line is not None and line.state.status == status
    # Not yet enrolled on the day: the SQL twin does not count the place either.
    assert bool(provisional) == (status == "provisoire" and on >= D(2010, 5, 26))


def test_without_any_deadline_a_place_stays_provisional() -> None:
    state = effective_status(enrolled_on=D(2010, 5, 26), deadline=None, first_contract_on=None,
                             on=D(2030, 1, 1))
    assert (state.status, state.days_left, state.warning) == ("provisoire", None, None)


def test_upgrade_keeps_enrolments_and_gives_them_the_promotions_deadline(tmp_path: Path) -> None:
    """Revision 0012 on the first release's database: an enrolment stored then follows its
    promotion's deadline (no own deadline); the person's contract, started on 01/06/2011
    (no signature date), makes it final."""
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        person, cohort = connection.execute("SELECT id, cohort_id FROM participant").fetchone()
        connection.execute(
            "INSERT INTO enrolment (id, participant_id, cohort_id, enrolled_on, status, "
            "created_at, updated_at) VALUES (?, ?, ?, '2011-05-02', 'provisoire', "
            "'2011-05-02 10:00:00', '2011-05-02 10:00:00')",
            ("a" * 32, person, cohort),
        )
    connection.close()
    database = open_database(copy)
    try:
        person = enrolment_person(database)
        line = enrolment_of(database, person, D(2011, 5, 20))
        assert line is not None and not line.own_deadline
        assert (line.state.status, line.state.deadline, line.state.days_left) == (
            "provisoire", D(2011, 7, 15), 56)
        line = enrolment_of(database, person, D(2011, 7, 16))
        assert line is not None
        assert (line.state.status, line.state.since) == ("confirmee", D(2011, 6, 1))
    finally:
        database.dispose()


def enrolment_person(database: Database) -> str:
    with database.read() as s:
        return s.scalars(select(Enrolment.participant_id)).one()


def test_the_right_of_access_says_the_status_of_today(programme: Programme, db: Database) -> None:
    """The person's access workbook gives the place as computed, not a status stored once."""
    from coachdesk.services.gdpr import access_report

    enrol(db, [programme.bruno], D(2010, 5, 26), deadline=D(2010, 7, 30))
    with db.read() as s:
        headers, rows = access_report(s, programme.bruno)["Inscriptions"]
        stored = s.scalar(select(Enrolment.status))
    assert stored == "provisoire"
    assert headers[:5] == ["Inscrit·e le", "Date limite", "Date limite propre à la personne",
                           "Statut aujourd'hui", "Depuis le"]
    assert rows[0][:5] == [D(2010, 5, 26), D(2010, 7, 30), "oui", "Caduque", D(2010, 7, 31)]
