"""How long the week's agenda takes on an 80,000-participant database.

Builds (once, cached in a temporary folder unless --fresh) a database with 80,000 participants
in 20 cohorts over ten years and about 400,000 events spread over the tables (outreach,
enrolments, contracts, visits, interviews, outcomes, reminders) with Core ``executemany``, then
times ``compute_agenda`` on several weeks. Target: under 100 ms a week.

    python benchmarks/agenda.py [--fresh]

Measured on 6 December 2026, a shared 2-core machine (load average 1.7-1.9, another process
busy on one core when looked at), the two versions run alternately, median of the slowest
week (2016-01-04 or 2018-07-09):

* before (schema 0018), five runs: 216 to 248 ms;
* after (schema 0019: covering indexes for the running contracts and their visits; the
  contracts giving an item found before their names are read; each trial period computed once;
  ids made canonical by hand), five runs: 119 to 177 ms.

The target is not met on that machine: about 40 ms of the slowest week (2016-01-04, 2,924 items)
are SQLite reading the visit index for ~2,500 running contracts and the person and employer of
~1,600 of them, and about 20 ms the 1,950 provisional places of a promotion whose deadline is
near; the rest is building the items.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from coachdesk import paths
from coachdesk.db import HEAD_REVISION, open_database
from coachdesk.models import (
    Cohort,
    Contract,
    Employer,
    Enrolment,
    FollowUpVisit,
    JobOffer,
    Outcome,
    Outreach,
    Participant,
    RecruitmentInterview,
    Referral,
    Reminder,
    new_id,
    utcnow,
)
from coachdesk.services.agenda import compute_agenda

PARTICIPANTS = 80_000
COHORTS = 20
FIRST_YEAR = 2010
# One cached database per schema: a database built by an older CoachDesk is built again.
PATH = paths.cache_dir() / f"bench-agenda-{HEAD_REVISION}.sqlite3"
TARGET_MS = 100


def stamp() -> dict[str, object]:
    now = utcnow()
    return {"id": new_id(), "created_at": now, "updated_at": now}


def build(path: Path) -> dict[str, int]:
    rng = random.Random(2010)
    path.unlink(missing_ok=True)
    database = open_database(path)
    counts: dict[str, int] = {}
    with database.write() as s:
        cohorts = []
        for index in range(COHORTS):
            start = date(FIRST_YEAR + index // 2, 5 if index % 2 == 0 else 11, 26)
            cohorts.append({**stamp(), "name": f"Promotion {index + 1}", "start_date": start,
                            "end_date": start + timedelta(days=365),
                            "enrolment_deadline": start + timedelta(days=50),
                            "visit_interval_weeks": 6, "training_title": "", "notes": ""})
        s.execute(insert(Cohort), cohorts)
        employers = [{**stamp(), "name": f"Entreprise {i}", "search_text": ""} for i in range(2000)]
        s.execute(insert(Employer), employers)
        people, outreach, enrolments, contracts, visits = [], [], [], [], []
        offers, referrals, interviews, outcomes, reminders = [], [], [], [], []
        for i in range(PARTICIPANTS):
            cohort = cohorts[i % COHORTS]
            start: date = cohort["start_date"]  # type: ignore[assignment]
            person = {**stamp(), "cohort_id": cohort["id"], "last_name": f"Nom{i}",
                      "first_name": f"Prénom{i}", "listed_on": start - timedelta(days=120),
                      "birth_date": date(1988, 1, 1) + timedelta(days=rng.randrange(2500)),
                      "search_text": f"nom{i} prenom{i}"}
            people.append(person)
            pid = person["id"]
            for k in range(2):
                outreach.append({**stamp(), "participant_id": pid,
                                 "done_on": start - timedelta(days=100 - k * 7),
                                 "channel": "telephone", "outcome": "interesse"})
            if rng.random() < 0.5:
                # One in twenty has a deadline of their own, a few weeks after the promotion's.
                own = (start + timedelta(days=50 + rng.randrange(1, 40))
                       if rng.random() < 0.05 else None)
                enrolments.append({**stamp(), "participant_id": pid, "cohort_id": cohort["id"],
                                   "enrolled_on": start, "status": "provisoire",
                                   "deadline_override": own})
            if rng.random() < 0.3:
                c_start = start + timedelta(days=rng.randrange(60))
                contract = {**stamp(), "participant_id": pid,
                            "employer_id": rng.choice(employers)["id"], "contract_type": "cdd",
                            "start_date": c_start, "end_date": c_start + timedelta(days=364),
                            "sent_to_opco_on": c_start + timedelta(days=3)
                            if rng.random() < 0.9 else None}
                contracts.append(contract)
                for v in range(7):
                    day = c_start + timedelta(days=14 + 42 * v)
                    visits.append({**stamp(), "contract_id": contract["id"], "kind": "visite",
                                   "planned_on": day, "done_on": day,
                                   "next_visit_on": day + timedelta(weeks=6)})
            if rng.random() < 0.2:
                offer = {**stamp(), "cohort_id": cohort["id"],
                         "employer_id": rng.choice(employers)["id"], "title": "Assistant·e",
                         "rome_code": "M1607", "received_on": start}
                offers.append(offer)
                referral = {**stamp(), "offer_id": offer["id"], "participant_id": pid,
                            "proposed_on": start, "status_on": start}
                referrals.append(referral)
                interviews.append({**stamp(), "referral_id": referral["id"],
                                   "starts_at": datetime.combine(
                                       start + timedelta(days=rng.randrange(60)),
                                       datetime.min.time()) + timedelta(hours=10)})
            if rng.random() < 0.6:
                outcomes.append({**stamp(), "participant_id": pid,
                                 "kind": rng.choice(("cdi", "cours_du_soir",
                                                     "accompagnement_poursuivi")),
                                 "recorded_on": start + timedelta(days=rng.randrange(400))})
            if rng.random() < 0.3:
                reminders.append({**stamp(), "participant_id": pid, "text": "Rappeler",
                                  "due_on": start + timedelta(days=rng.randrange(400))})
        for model, rows in ((Participant, people), (Outreach, outreach), (Enrolment, enrolments),
                            (Contract, contracts), (FollowUpVisit, visits), (JobOffer, offers),
                            (Referral, referrals), (RecruitmentInterview, interviews),
                            (Outcome, outcomes), (Reminder, reminders)):
            if rows:
                s.execute(insert(model), rows)
            counts[model.__tablename__] = len(rows)
    database.dispose()
    return counts


def main() -> int:
    if "--fresh" in sys.argv or not PATH.exists():
        began = time.perf_counter()
        counts = build(PATH)
        events = sum(v for k, v in counts.items() if k != "participant")
        print(f"built {PATH} in {time.perf_counter() - began:.1f} s: "
              f"{counts['participant']} participants, {events} events {counts}")
    database = open_database(PATH)
    weeks = [date(2010, 7, 12), date(2013, 6, 3), date(2016, 1, 4), date(2018, 7, 9),
             date(2019, 9, 2)]
    medians = []
    for monday in weeks:
        timings = []
        for _ in range(7):
            began = time.perf_counter()
            items = compute_agenda(database, monday)
            timings.append((time.perf_counter() - began) * 1000)
        medians.append(statistics.median(timings))
        print(f"week of {monday}: {len(items):4d} items, median {medians[-1]:6.1f}"
              f" ms, worst {max(timings):6.1f} ms")
    slowest = max(medians)
    verdict = "met" if slowest < TARGET_MS else "NOT met"
    print(f"target {TARGET_MS} ms a week: {verdict} (slowest week's median {slowest:.1f} ms)")
    database.dispose()
    return 0 if slowest < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
