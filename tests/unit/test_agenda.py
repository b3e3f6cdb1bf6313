"""Enrolment status, visit plan, ruptures and the week's agenda, on small real databases."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.ics import write_ics
from coachdesk.models import Contract, Enrolment
from coachdesk.services import interviews, matching
from coachdesk.services.agenda import add_reminder, compute_agenda
from coachdesk.services.enrolment import effective_status, enrolment_of
from coachdesk.services.visits import next_visit_due
from coachdesk.services.weeks import IsoWeek
from tests import builders as b

D = date
DEADLINE = D(2010, 7, 15)


@pytest.fixture
def world(tmp_path: Path) -> tuple[Database, dict[str, str]]:
    """A cohort with a deadline, Ana under contract from 07/06/2010, Bruno still provisional,
    Chloé who left for a job on 12/04/2010, and a reminder."""
    database = open_database(tmp_path / "agenda.sqlite3")
    cohort = b.cohort(database, "Promo test", D(2010, 5, 26), enrolment_deadline=DEADLINE,
                      visit_interval_weeks=6)
    ana = b.person(database, cohort, "Durand", "Ana", listed_on=D(2010, 2, 1),
                   birth_date=D(1989, 3, 1), bac_type="professionnel")
    bruno = b.person(database, cohort, "Martin", "Bruno", listed_on=D(2010, 2, 1))
    chloe = b.person(database, cohort, "Petit", "Chloé", listed_on=D(2010, 2, 1))
    b.bilan_group(database, cohort, [ana, bruno])
    for person in (ana, bruno):
        b.enrol(database, person, D(2010, 5, 26))
    employer = b.employer(database, "Optique Comédie")
    b.outcome(database, chloe, "emploi_hors_dispositif", D(2010, 4, 12))
    add_reminder(database, bruno, D(2010, 7, 16), "Rappeler Bruno")
    contract = b.contract(
        database, ana, employer, D(2010, 6, 7), end_date=D(2011, 5, 31), signed_on=D(2010, 6, 3),
        weekly_hours=35, training_hours=400, gross_monthly_pay_cents=107502,
    )
    return database, {"ana": ana, "bruno": bruno, "chloe": chloe, "contract": contract}


def kinds(database: Database, week: str) -> list[tuple[date, str, str]]:
    monday = IsoWeek.parse(week).monday
    return [(i.day, i.kind, i.participant) for i in compute_agenda(database, monday)]


def test_week_of_the_trial_period_end_and_deadline_warning(world: tuple[Database, dict]) -> None:
    database, _ids = world
    # 05/07–11/07: the trial period (one month from 07/06) ends on 06/07; no visit was made, so
    # the first one is due that day too; Bruno is 7 days from the deadline.
    assert kinds(database, "2010-W27") == [
        (D(2010, 7, 6), "trial_period_end", "DURAND Ana"),
        (D(2010, 7, 6), "visit_due", "DURAND Ana"),
        (D(2010, 7, 8), "enrolment_deadline", "MARTIN Bruno"),
    ]


def test_week_of_the_deadline_followup_and_reminder(world: tuple[Database, dict]) -> None:
    database, _ids = world
    items = compute_agenda(database, D(2010, 7, 12))
    assert [(i.day, i.kind, i.participant) for i in items] == [
        # The first visit, due 06/07, was never made.
        (D(2010, 7, 6), "visit_overdue", "DURAND Ana"),
        (D(2010, 7, 12), "post_exit_followup", "PETIT Chloé"),
        (D(2010, 7, 15), "enrolment_deadline", "MARTIN Bruno"),
        (D(2010, 7, 16), "reminder", "MARTIN Bruno"),
    ]
    assert "en retard de 6 jour(s)" in items[0].detail
    assert "Suivi à 3 mois après la sortie du 12/04/2010" in items[1].detail
    assert "caduque" in items[2].detail
    assert items[0].record_table == "contract" and items[0].contract_id


def test_opco_deadline_and_visits_after_a_report(world: tuple[Database, dict]) -> None:
    database, ids = world
    assert (D(2010, 6, 12), "opco_deadline", "DURAND Ana") in kinds(database, "2010-W23")
    b.visit(database, ids["contract"], done_on=D(2010, 7, 5), next_visit_on=D(2010, 8, 16),
            rating=3, actions="RAS")
    week27 = compute_agenda(database, D(2010, 7, 5))
    visit = next(i for i in week27 if i.kind == "visit_due")
    assert visit.day == D(2010, 7, 6) and "Faite le 05/07/2010" in visit.detail
    assert "visit_overdue" not in {k for _d, k, _p in kinds(database, "2010-W28")}
    assert (D(2010, 8, 16), "visit_due", "DURAND Ana") in kinds(database, "2010-W33")
    assert (D(2010, 8, 16), "visit_overdue", "DURAND Ana") in kinds(database, "2010-W35")


def test_rupture_in_trial_period_ends_the_follow_up(world: tuple[Database, dict]) -> None:
    database, ids = world
    notice = b.rupture(database, ids["contract"], D(2010, 6, 20), "employeur", "periode_essai")
    assert notice.in_trial and notice.trial_end == D(2010, 7, 6)
    assert any("OPCO" in text and day == D(2010, 7, 20) for day, text in notice.reminders)
    with database.read() as s:
        contract = s.get(Contract, ids["contract"])
        assert contract is not None and contract.rupture_on == D(2010, 6, 20)
    assert [k for _d, k, _p in kinds(database, "2010-W27")] == ["enrolment_deadline"]


def test_contract_end_a_month_ahead_then_on_the_day(world: tuple[Database, dict]) -> None:
    database, _ids = world
    # Ana's contract ends on 31/05/2011: announced on 30/04/2011 (week 17), then on the day.
    [ahead] = [i for i in compute_agenda(database, D(2011, 4, 25)) if i.kind == "contract_end"]
    assert ahead.day == D(2011, 4, 30) and ahead.participant == "DURAND Ana"
    assert ahead.detail == ("Le contrat chez Optique Comédie se termine dans un mois, le "
                            "31/05/2011 : préparez la suite (embauche, études).")
    assert ahead.record_table == "contract" and ahead.contract_id == _ids["contract"]
    assert (D(2011, 5, 31), "contract_end", "DURAND Ana") in kinds(database, "2011-W22")
    assert "contract_end" not in {k for _d, k, _p in kinds(database, "2011-W16")}


def test_a_rupture_brings_its_notices_by_their_legal_delays(
    world: tuple[Database, dict]
) -> None:
    database, ids = world
    b.rupture(database, ids["contract"], D(2010, 10, 15), "jeune", "personnel")
    week = [i for i in compute_agenda(database, D(2010, 11, 8)) if i.kind == "rupture_notice"]
    # 30 days after 15/10/2010: the employer informs the OPCO by Sunday 14/11/2010.
    assert [(i.day, i.participant) for i in week] == [(D(2010, 11, 14), "DURAND Ana")]
    assert week[0].detail.startswith("Contrat chez Optique Comédie rompu par le jeune le "
                                     "15/10/2010. L'employeur informe l'OPCO de la rupture "
                                     "dans les 30 jours")
    first_week = {(d, k) for d, k, _p in kinds(database, "2010-W41")}
    assert (D(2010, 10, 15), "rupture_notice") in first_week  # certificate, attestation
    # A broken contract is not announced as ending, nor ends, in the agenda.
    assert "contract_end" not in {k for _d, k, _p in kinds(database, "2011-W17")}
    assert "contract_end" not in {k for _d, k, _p in kinds(database, "2011-W22")}


def test_a_birthday_raises_the_minimum_on_the_first_of_the_next_month(
    world: tuple[Database, dict]
) -> None:
    database, _ids = world
    cohort_id = b.cohort(database, "Promo 2", D(2010, 9, 1))
    eva = b.person(database, cohort_id, "Roux", "Éva", birth_date=D(1990, 3, 14),
                   bac_type="professionnel")
    b.contract(database, eva, b.employer(database, "Librairie Sauramps"), D(2010, 9, 6),
               end_date=D(2011, 8, 31), weekly_hours=35, training_hours=300,
               gross_monthly_pay_cents=90000)
    # 21 on 14/03/2011: 80 % of the SMIC (1 092,00 €) from Friday 01/04/2011.
    [rise] = [i for i in compute_agenda(database, D(2011, 3, 28)) if i.kind == "pay_rise"]
    assert (rise.day, rise.participant) == (D(2011, 4, 1), "ROUX Éva")
    assert "passe à 1\u202f092,00 € (80 % du SMIC, 21 à 25 ans)" in rise.detail
    # The SMIC rise of 01/01/2011 lifts Ana's minimum above her 1 075,02 €; Éva's 900,00 € stay
    # above hers (65 % of 1 365,00 € = 887,25 €).
    january = {(i.day, i.participant) for i in compute_agenda(database, D(2010, 12, 27))
               if i.kind == "pay_rise"}
    assert january == {(D(2011, 1, 1), "DURAND Ana")}
    assert not [i for i in compute_agenda(database, D(2011, 3, 21)) if i.kind == "pay_rise"]


def test_bad_records_raise_french_errors_and_change_nothing(world: tuple[Database, dict]) -> None:
    database, ids = world
    with pytest.raises(UserError, match="postérieure à la fin du contrat"):
        b.rupture(database, ids["contract"], D(2011, 7, 1), "jeune", "personnel")
    with pytest.raises(UserError, match="Contrat introuvable"):
        b.visit(database, "0" * 32, done_on=D(2010, 7, 1))
    with pytest.raises(UserError, match="appréciation"):
        b.visit(database, ids["contract"], done_on=D(2010, 7, 1), rating=9)
    with database.read() as s:
        contract = s.get(Contract, ids["contract"])
        assert contract is not None and contract.rupture_on is None


def test_a_contract_confirms_the_enrolment_and_reading_writes_nothing(
    world: tuple[Database, dict]
) -> None:
    database, ids = world

    def stored() -> list[tuple[object, ...]]:
        with database.read() as s:
            table = Enrolment.__table__
            return [tuple(row) for row in s.execute(select(table).order_by(table.c.id))]

    before = stored()
    compute_agenda(database, D(2010, 7, 19))  # after Bruno's deadline: lapsed when read
    assert stored() == before
    states = {who: enrolment_of(database, ids[who], D(2010, 7, 19)) for who in ("ana", "bruno")}
    assert {who: line.state.status for who, line in states.items() if line is not None} == {
        "ana": "confirmee", "bruno": "caduque"}


@pytest.mark.parametrize(
    ("on", "contract_on", "status", "warning"),
    [
        (D(2010, 6, 29), None, "provisoire", None),
        (D(2010, 6, 30), None, "provisoire", "enrolment_deadline_near"),
        (D(2010, 7, 15), None, "provisoire", "enrolment_deadline_near"),
        (D(2010, 7, 16), None, "caduque", "enrolment_lapsed"),
        (D(2010, 7, 16), D(2010, 7, 10), "confirmee", None),
        (D(2010, 7, 9), D(2010, 7, 10), "provisoire", "enrolment_deadline_near"),
        # Signed the day after the deadline: too late, the place lapsed.
        (D(2010, 7, 20), D(2010, 7, 16), "caduque", "enrolment_contract_after_deadline"),
    ],
)
def test_effective_enrolment_status(
    on: date, contract_on: date | None, status: str, warning: str | None
) -> None:
    state = effective_status(enrolled_on=D(2010, 5, 26), deadline=DEADLINE,
                             first_contract_on=contract_on, on=on)
    assert state.status == status
    assert (state.warning.code if state.warning else None) == warning


def test_next_visit_due() -> None:
    common = {"trial_end": D(2010, 7, 6), "interval_weeks": 6, "last_day": D(2011, 5, 31)}
    assert next_visit_due(last_done_on=None, next_visit_on=None, next_planned_on=None,
                          **common) == D(2010, 7, 6)
    assert next_visit_due(last_done_on=D(2010, 7, 1), next_visit_on=None, next_planned_on=None,
                          **common) == D(2010, 8, 12)
    assert next_visit_due(last_done_on=D(2010, 7, 1), next_visit_on=D(2010, 8, 1),
                          next_planned_on=D(2010, 7, 20), **common) == D(2010, 7, 20)
    assert next_visit_due(last_done_on=D(2011, 5, 1), next_visit_on=None, next_planned_on=None,
                          **common) is None


def test_ics_export(world: tuple[Database, dict], tmp_path: Path) -> None:
    database, _ids = world
    items = compute_agenda(database, D(2010, 7, 12))
    target = tmp_path / "semaine.ics"
    assert write_ics(items, target) == 4
    calendar = Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Visite en retard — DURAND Ana", "Suivi après la sortie — PETIT Chloé",
        "Date limite d'inscription — MARTIN Bruno", "Rappel — MARTIN Bruno",
    ]
    assert events[2].decoded("DTSTART") == D(2010, 7, 15)
    assert not list(tmp_path.glob(".agenda-*"))
    with pytest.raises(UserError, match="n'existe pas"):
        write_ics(items, tmp_path / "absent" / "x.ics")


def test_interview_in_the_agenda_and_ics(tmp_path: Path) -> None:
    database = open_database(tmp_path / "i.sqlite3")
    cohort = b.cohort(database, "P", D(2010, 5, 26))
    person = b.person(database, cohort, "Roux", "Léa", listed_on=D(2010, 2, 1))
    employer = b.employer(database, "Hôtel Les Tilleuls")
    offer = b.offer(database, cohort, employer, "Assistant·e", "M1607", received_on=D(2010, 5, 1))
    referral = matching.propose(database, offer, person, D(2010, 5, 10))
    interviews.schedule_interview(
        database, referral,
        interviews.InterviewDraft(starts_at=datetime(2010, 6, 2, 14, 30), place="Sète"),
        planned_on=D(2010, 5, 20),
    )
    [item] = compute_agenda(database, D(2010, 5, 31))
    assert (item.kind, item.day, item.participant) == ("recruitment_interview", D(2010, 6, 2),
                                                        "ROUX Léa")
    assert item.detail.startswith("14:30 : entretien chez Hôtel Les Tilleuls")
    write_ics([item], tmp_path / "e.ics")
    [event] = Calendar.from_ical((tmp_path / "e.ics").read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2010, 6, 2, 14, 30)


def test_demo_summer_2010_weeks(demo_path: Path) -> None:
    database = open_database(demo_path, create=False)
    summer = set()
    for week in ("2010-W26", "2010-W27", "2010-W28"):
        summer |= {kind for _d, kind, _p in kinds(database, week)}
    assert {"enrolment_deadline", "trial_period_end", "visit_due"} <= summer
    deadline_people = {p for d, k, p in kinds(database, "2010-W28")
                       if k == "enrolment_deadline" and d == D(2010, 7, 15)}
    # 22 validated projects, 11 signed: those still without a contract on the deadline.
    assert 0 < len(deadline_people) <= 11
