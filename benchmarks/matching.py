"""Matching and employer lists at scale: 80,000 participants, 10,000 employers.

Run: ``.venv/bin/python benchmarks/matching.py`` — builds a throw-away database (Core bulk
inserts), then prints the time of each query a coach triggers from the Employeurs tab.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert

from coachdesk.db import Database, open_database
from coachdesk.models import Cohort, Employer, JobOffer, Participant, ProfessionalProject, new_id
from coachdesk.services import employers, matching, offers
from coachdesk.services.rome import rome_jobs
from coachdesk.services.text import fold

PARTICIPANTS, EMPLOYERS, OFFERS = 80_000, 10_000, 20_000
CITIES = ("Montpellier", "Béziers", "Sète", "Lunel", "Nîmes", "Pézenas", "Agde", "Lodève")


def timed(label: str, func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func()
    print(f"{label:<55} {1000 * (time.perf_counter() - start):8.1f} ms  ({len(result)} lignes)")
    return result


def build(db: Database, seed: int = 4) -> tuple[str, list[str]]:
    """Fill ``db`` with one cohort of 80,000 participants, 10,000 employers and 20,000 offers
    (Core bulk inserts); returns the cohort id and the participant ids. Also used by
    benchmarks/employers_tab.py."""
    rng = random.Random(seed)
    codes = [code for code in rome_jobs() if code[0] in "MDG"]
    cohort = new_id()
    people = [new_id() for _ in range(PARTICIPANTS)]
    firms = [new_id() for _ in range(EMPLOYERS)]
    with db.write() as s:
        s.execute(insert(Cohort), [{"id": cohort, "name": "Bench", "start_date": date(2010, 1, 1)}])
        s.execute(insert(Participant), [
            {"id": pid, "cohort_id": cohort, "last_name": f"Nom{i}", "first_name": "Prénom",
             "listed_on": date(2010, 1, 1), "search_text": f"nom{i}"}
            for i, pid in enumerate(people)
        ])
        s.execute(insert(ProfessionalProject), [
            {"id": new_id(), "participant_id": pid, "job_title": "Projet",
             "rome_code": rng.choice(codes), "decision": "valide", "decided_on": date(2010, 5, 1)}
            for pid in people if rng.random() < 0.6
        ])
        s.execute(insert(Employer), [
            {"id": eid, "name": f"Entreprise {i}", "city": (city := rng.choice(CITIES)),
             "search_text": fold(f"entreprise {i} | {city}")}
            for i, eid in enumerate(firms)
        ])
        s.execute(insert(JobOffer), [
            {"id": new_id(), "cohort_id": cohort, "employer_id": rng.choice(firms),
             "title": "Offre", "rome_code": rng.choice(codes), "city": rng.choice(CITIES),
             "received_on": date(2010, 3, 1), "status": rng.choice(("ouverte", "pourvue"))}
            for _ in range(OFFERS)
        ])
    return cohort, people


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-"))
    db = open_database(folder / "bench.sqlite3")
    start = time.perf_counter()
    _cohort, people = build(db)
    print(f"base construite en {time.perf_counter() - start:.1f} s ({folder})")
    offer = offers.list_offers(db, rome_code="M1607")[0]
    timed("candidats pour une offre (code puis famille)",
          lambda: matching.candidates_for_offer(db, offer.id, on=date(2010, 6, 1)))
    timed("offres ouvertes pour une personne",
          lambda: matching.offers_for_participant(db, people[0]))
    timed("annuaire complet (10 000 entreprises)", lambda: employers.list_employers(db))
    timed("annuaire, recherche « entreprise 12 »",
          lambda: employers.list_employers(db, "entreprise 12"))
    timed("offres ouvertes à Béziers", lambda: offers.list_offers(db, status="ouverte",
                                                                     city="beziers"))
    timed("offres de la famille M16", lambda: offers.list_offers(db, rome_code="M16"))
    db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
