"""Short ways for tests to record a programme's events, through the same public services the
window and the command line call (one transaction each): a test states only what matters to it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from coachdesk.db import Database
from coachdesk.services import (
    bilan,
    cohorts,
    contracts,
    employers,
    enrolment,
    offers,
    outcomes,
    visits,
)
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.participants import ParticipantData, create_participant


def cohort(db: Database, name: str = "Promotion 2010", start: date = date(2010, 5, 26),
           **fields: Any) -> str:
    return cohorts.create_cohort(db, cohorts.CohortDraft(name=name, start_date=start, **fields))


def person(db: Database, cohort_id: str, last_name: str, first_name: str, *,
           listed_on: date = date(2010, 2, 1), **data: Any) -> str:
    return create_participant(db, cohort_id, ParticipantData(last_name, first_name, **data),
                              listed_on=listed_on)


def employer(db: Database, name: str, **fields: Any) -> str:
    return employers.create_employer(db, employers.EmployerDraft(name=name, **fields))


def contact(db: Database, employer_id: str, last_name: str, first_name: str = "",
            **fields: Any) -> str:
    return employers.add_contact(
        db, employer_id, employers.ContactDraft(last_name=last_name, first_name=first_name,
                                                **fields)
    )


def offer(db: Database, cohort_id: str, employer_id: str, title: str, rome_code: str,
          received_on: date, **fields: Any) -> str:
    return offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=employer_id, title=title, rome_code=rome_code, received_on=received_on,
        **fields,
    ))


def bilan_group(db: Database, cohort_id: str, people: list[str], name: str = "Printemps",
                start: date = date(2010, 3, 22), end: date = date(2010, 5, 5)) -> str:
    """A bilan group that these young people joined on its first day (only they, and adults,
    may then be enrolled in the training)."""
    group = bilan.create_group(db, cohort_id=cohort_id, name=name, start_date=start,
                               end_date=end)
    for participant_id in people:
        bilan.add_member(db, group, participant_id, start)
    return group


def enrol(db: Database, participant_id: str, on: date) -> str:
    return enrolment.enrol(db, [participant_id], on)[0]


def contract(db: Database, participant_id: str, employer_id: str, start: date,
             **terms: Any) -> str:
    return contracts.record_contract(
        db, participant_id, ContractDraft(start_date=start, employer_id=employer_id, **terms)
    )


def rupture(db: Database, contract_id: str, on: date, by: str, category: str,
            reason: str = "") -> visits.RuptureNotice:
    return visits.record_rupture(db, contract_id, visits.RuptureDraft(on, by, category, reason))


def visit(db: Database, contract_id: str, **fields: Any) -> str:
    if "difficulty_categories" in fields:
        fields["difficulty_categories"] = tuple(fields["difficulty_categories"])
    return visits.record_visit(db, contract_id, visits.VisitDraft(**fields))


def outcome(db: Database, participant_id: str, kind: str, on: date, **fields: Any) -> str:
    return outcomes.record_outcome(
        db, participant_id, outcomes.OutcomeDraft(kind=kind, recorded_on=on, **fields)
    )
