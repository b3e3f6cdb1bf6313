"""Write tests/data/schema-<revision>.sqlite3: a small database of the current schema.

    python scripts/make_schema_fixture.py            # tests/data/schema-<head>.sqlite3
    python scripts/make_schema_fixture.py PATH       # anywhere else (to look at one)

Run once when a schema revision is released; every later migration is tested against it
(tests/unit/test_models_and_db.py). A fixture already written describes a released version and
is never replaced. The data is invented and small on purpose, recorded through the same
services the window uses.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

from coachdesk.db import HEAD_REVISION, open_database
from coachdesk.services.cohorts import CohortDraft, create_cohort
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.contracts import record_contract
from coachdesk.services.employers import EmployerDraft, create_employer
from coachdesk.services.participants import ParticipantData, create_participant
from coachdesk.services.recruitment import record_call

ROOT = Path(__file__).resolve().parent.parent


def write_fixture(target: Path) -> None:
    """The small database, written at ``target`` (which must not exist)."""
    database = open_database(target)
    try:
        cohort = create_cohort(database, CohortDraft(
            "Promotion 2011", date(2011, 5, 2), enrolment_deadline=date(2011, 7, 15)
        ))
        person = create_participant(
            database, cohort, ParticipantData("Fabre", "Élodie", phone="06 12 34 56 78"),
            listed_on=date(2011, 2, 1),
        )
        record_call(database, person, "interesse", date(2011, 2, 10))
        employer = create_employer(
            database, EmployerDraft("Cabinet Garrigues Expertise", siret="43219876000014")
        )
        record_contract(database, person, ContractDraft(
            date(2011, 6, 1), end_date=date(2012, 4, 30), employer_id=employer
        ))
    finally:
        database.dispose()
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("VACUUM")
    connection.close()


def main(argv: list[str]) -> int:
    released = ROOT / "tests" / "data" / f"schema-{HEAD_REVISION}.sqlite3"
    target = Path(argv[0]) if argv else released
    if target.exists():
        print(f"{target} existe déjà : il décrit une version publiée, on ne le remplace pas.")
        return 1
    write_fixture(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
