"""The funnel is counted from the events: the demo reproduces the 2010 progress note."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coachdesk.db import open_database
from coachdesk.services.cohorts import find_cohort
from coachdesk.services.contract_terms import trial_period_end
from coachdesk.services.funnel import FUNNEL_LABELS, compute_funnel, default_as_of
from tests import builders as b

# The progress note of 31 December 2010 (shared/seed), figure by figure.
PROGRESS_NOTE = {
    "contacts": 273,
    "info_sessions": 9,
    "info_session_attendees": 58,
    "selection_interviews": 49,
    "selected": 46,
    "bilan_started": 41,
    "projects_validated": 22,
    "job_offers": 40,
    "contracts_signed": 11,
    "contracts_broken": 3,
    "contracts_broken_in_trial": 2,
    "contracts_active": 8,
    "adults_in_training": 2,
    "employed_outside_programme": 3,
    "cdi_promises": 2,
    "hire_promises": 1,
    "further_study_wishes": 8,
    # The training runs until April 2011: no certificate yet on the note's day.
    "qualifications_obtained": 0,
}


def test_demo_reproduces_every_figure_of_the_progress_note(demo_path: Path) -> None:
    database = open_database(demo_path)
    with database.read() as session:
        cohort = find_cohort(session, None)
        at_note = compute_funnel(session, cohort.id, date(2010, 12, 31)).figures()
        by_default = compute_funnel(session, cohort.id).figures()
    database.dispose()
    assert list(at_note) == list(FUNNEL_LABELS)
    assert at_note == PROGRESS_NOTE
    assert by_default == PROGRESS_NOTE


def test_funnel_at_an_earlier_date_counts_only_what_had_happened(demo_path: Path) -> None:
    database = open_database(demo_path)
    with database.read() as session:
        cohort = find_cohort(session, None)
        march = compute_funnel(session, cohort.id, date(2010, 3, 5)).figures()
        before_anything = compute_funnel(session, cohort.id, date(2010, 1, 15)).figures()
    database.dispose()
    assert march["contacts"] == 273
    assert 0 < march["info_sessions"] < 9  # sessions of 22/02 to 05/03
    assert march["contracts_signed"] == 0 and march["bilan_started"] == 0
    assert set(before_anything.values()) == {0}


def test_adults_only_count_as_adults_in_training(db) -> None:  # type: ignore[no-untyped-def]
    cohort = b.cohort(db, "Promotion 2010", date(2010, 5, 26))
    young = b.person(db, cohort, "Roux", "Hugo", listed_on=date(2010, 2, 1))
    adult = b.person(db, cohort, "Pons", "Martine", listed_on=date(2010, 5, 1), is_adult=True
    )
    employer = b.employer(db, "Imprimerie des Arceaux")
    for person in (young, adult):
        b.contract(db, person, employer, date(2010, 6, 1), end_date=date(2011, 4, 30))
    with db.read() as s:
        figures = compute_funnel(s, cohort, date(2010, 9, 1)).figures()
    assert figures["contacts"] == 1
    assert figures["contracts_signed"] == 1
    assert figures["contracts_active"] == 1
    assert figures["adults_in_training"] == 1


def test_rupture_in_trial_period_follows_the_contract_length(db) -> None:  # type: ignore[no-untyped-def]
    cohort = b.cohort(db, "Promotion 2010", date(2010, 5, 26))
    employer = b.employer(db, "Imprimerie des Arceaux")
    short = b.person(db, cohort, "Roux", "Hugo", listed_on=date(2010, 2, 1))
    long_ = b.person(db, cohort, "Pons", "Léa", listed_on=date(2010, 2, 1))
    # Six months exactly: at most two weeks of trial period (ends 14/06).
    c1 = b.contract(db, short, employer, date(2010, 6, 1), end_date=date(2010, 11, 30))
    b.rupture(db, c1, date(2010, 6, 15), "employeur", "periode_essai")
    # Eleven months: one day per week, at most one month (ends 30/06).
    c2 = b.contract(db, long_, employer, date(2010, 6, 1), end_date=date(2011, 4, 30))
    b.rupture(db, c2, date(2010, 6, 30), "jeune", "periode_essai")
    with db.read() as s:
        figures = compute_funnel(s, cohort, date(2010, 12, 31)).figures()
    assert figures["contracts_broken"] == 2
    assert figures["contracts_broken_in_trial"] == 1


def test_trial_period_rules() -> None:
    assert trial_period_end("cdd", date(2010, 6, 1), date(2010, 11, 30)) == date(2010, 6, 14)
    assert trial_period_end("cdd", date(2010, 6, 1), date(2010, 7, 12)) == date(2010, 6, 6)
    assert trial_period_end("cdd", date(2010, 6, 1), date(2011, 4, 30)) == date(2010, 6, 30)
    assert trial_period_end("cdd", date(2010, 6, 1), date(2010, 12, 1)) == date(2010, 6, 26)
    override = date(2010, 6, 20)
    assert trial_period_end("cdd", date(2010, 6, 1), date(2011, 4, 30), override) == override


def test_default_date_is_today_or_the_end_of_a_finished_cohort() -> None:
    assert default_as_of(date(2011, 4, 30), today=date(2026, 11, 26)) == date(2011, 4, 30)
    assert default_as_of(date(2027, 4, 30), today=date(2026, 11, 26)) == date(2026, 11, 26)
    assert default_as_of(None, today=date(2026, 11, 26)) == date(2026, 11, 26)
