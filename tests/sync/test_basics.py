from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coachdesk.models import Participant
from coachdesk.sync import engine
from tests.sync.support import add_person, server_rows


def test_a_person_created_on_one_laptop_reaches_the_other(team_server: Any,
                                                           laptop_factory: Any) -> None:
    a, b = laptop_factory("Alice"), laptop_factory("Bruno")
    add_person(a, "Fabre", "Léa", phone="0601020304")
    assert engine.synchronise(a).sent == 2
    assert engine.synchronise(b).received == 2
    with b.read() as s:
        people = s.execute(select(Participant.last_name, Participant.phone)).all()
    assert people == [("Fabre", "0601020304")]


def test_a_row_created_and_deleted_offline_never_reaches_the_server(
    team_server: Any, laptop_factory: Any
) -> None:
    a = laptop_factory("Alice")
    gone = add_person(a, "Éphémère", "Eve")
    with a.write() as s:
        s.delete(s.get(Participant, gone))
    report = engine.synchronise(a)
    assert report.pending == 0
    assert server_rows(team_server, "SELECT count(*) FROM participant WHERE id = CAST(:i AS uuid)",
                       i=gone) == [(0,)]


def test_a_promotions_set_up_and_its_coaches_reach_the_other_laptop(
    team_server: Any, laptop_factory: Any
) -> None:
    from datetime import date

    from coachdesk.services import cohorts
    from coachdesk.services.coaches import CoachDraft, create_coach
    from coachdesk.services.training_bodies import TrainingBodyDraft, create_training_body

    a, b = laptop_factory("Alice"), laptop_factory("Bruno")
    claire = create_coach(a, CoachDraft("Claire Vidal", phone="0467001021"))
    body = create_training_body(a, TrainingBodyDraft("Cnam LR", uai="0341234G"))
    cohort_id = cohorts.create_cohort(a, cohorts.CohortDraft(
        name="Promotion 2011", start_date=date(2011, 5, 25), training_body_id=body,
        bilan_start_date=date(2011, 3, 21), target_size=15, coach_ids=(claire,)))
    engine.synchronise(a)
    engine.synchronise(b)
    details = cohorts.get_cohort(b, cohort_id)
    assert (details.training_body, details.coaches, details.draft.target_size) == (
        "Cnam LR", ("Claire Vidal",), 15)
    # Archived on the second laptop, archived on the first.
    cohorts.archive_cohort(b, cohort_id)
    engine.synchronise(b)
    engine.synchronise(a)
    assert cohort_id in {row.id for row in cohorts.cohort_choices(b, include_archived=True)}
    assert cohort_id not in {row.id for row in cohorts.cohort_choices(a)}
    assert cohorts.get_cohort(a, cohort_id).archived
