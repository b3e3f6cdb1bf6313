"""The agenda's visits, summed up in SQL, match the plan computed from every visit row.

Random contracts with messy follow-ups (visits planned and never done, done without a plan,
stale plans older than the last visit, reports setting the next date or not, several visits
on one day, ruptures) — the SQL aggregates of services.agenda must give exactly what
``visits.next_visit_due`` gives when fed from all the rows, week after week.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from coachdesk.db import open_database
from coachdesk.models import Contract, FollowUpVisit
from coachdesk.services.agenda import compute_agenda
from coachdesk.services.contract_draft import draft_of
from coachdesk.services.contract_rules import trial_period_end
from coachdesk.services.visits import next_visit_due
from tests import builders as b

INTERVAL = 6


def expected_visits(contracts, visits, monday: date) -> set[tuple[str, date, str]]:  # type: ignore[no-untyped-def]
    """The reference: the plan from every visit row, as the agenda first computed it."""
    sunday = monday + timedelta(days=6)
    found = set()
    for contract in contracts:
        if contract.end_date < monday or (contract.rupture_on and contract.rupture_on < monday):
            continue
        own = [v for v in visits if v.contract_id == contract.id]
        done = [(v.done_on, v.next_visit_on) for v in own if v.done_on and v.done_on < monday]
        last_done = max(d for d, _n in done) if done else None
        next_on = max((n for d, n in done if d == last_done and n), default=None)
        planned = [v.planned_on for v in own if v.planned_on
                   and (v.done_on is None or v.done_on >= monday)
                   and (last_done is None or v.planned_on >= last_done)]
        in_week = [v.done_on for v in own if v.done_on and monday <= v.done_on <= sunday]
        trial = trial_period_end(draft_of(contract))
        due = next_visit_due(
            trial_end=trial, interval_weeks=INTERVAL, last_done_on=last_done,
            next_visit_on=next_on, next_planned_on=min(planned) if planned else None,
            last_day=contract.rupture_on or contract.end_date,
        )
        if due is None or due > sunday or (due < monday and in_week):
            continue
        found.add((contract.id, due, "visit_overdue" if due < monday else "visit_due"))
    return found


def test_visit_items_match_the_plan_from_every_row(tmp_path: Path) -> None:
    rng = random.Random(28)
    database = open_database(tmp_path / "visits.sqlite3")
    start = date(2010, 6, 7)
    cohort = b.cohort(database, "Promo", date(2010, 5, 26), visit_interval_weeks=INTERVAL)
    employer = b.employer(database, "Entreprise")
    for index in range(40):
        person = b.person(database, cohort, f"Nom{index}", "Prénom", listed_on=date(2010, 2, 1))
        begins = start + timedelta(days=rng.randrange(60))
        contract = b.contract(database, person, employer, begins,
                              end_date=begins + timedelta(days=300))
        if rng.random() < 0.2:
            b.rupture(database, contract, begins + timedelta(days=rng.randrange(20, 200)),
                      "jeune", "personnel")
        day = begins + timedelta(days=rng.randrange(5, 40))
        for _ in range(rng.randrange(0, 7)):
            kind = rng.random()
            if kind < 0.2:  # planned, never done
                b.visit(database, contract, planned_on=day)
            elif kind < 0.4:  # done without a plan nor a next date
                b.visit(database, contract, done_on=day)
            else:
                b.visit(
                    database, contract, planned_on=day - timedelta(days=rng.randrange(0, 5)),
                    done_on=day,
                    next_visit_on=day + timedelta(days=rng.randrange(7, 70))
                    if rng.random() < 0.7 else None,
                )
            day += timedelta(days=rng.choice((0, 10, 30, 45, 60)))
    with database.read() as s:
        contracts = list(s.scalars(select(Contract)))
        visits = list(s.scalars(select(FollowUpVisit)))
        s.expunge_all()
    checked = 0
    monday = date(2010, 6, 7)
    while monday < date(2011, 5, 2):
        got = {(i.contract_id, i.day, i.kind) for i in compute_agenda(database, monday)
               if i.kind in ("visit_due", "visit_overdue")}
        assert got == expected_visits(contracts, visits, monday), monday
        checked += len(got)
        monday += timedelta(weeks=1)
    assert checked > 100  # the weeks had visits to compare
    database.dispose()
