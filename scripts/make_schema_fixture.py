"""Write tests/data/schema-<revision>.sqlite3: a small database of the current schema.

Run once when a schema revision is released; every later migration is tested against it
(tests/unit/test_db.py). The data is invented and small on purpose.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

from coachdesk.db import HEAD_REVISION, open_database
from coachdesk.services import recording as rec

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    target = ROOT / "tests" / "data" / f"schema-{HEAD_REVISION}.sqlite3"
    if target.exists():
        print(f"{target} existe déjà : il décrit une version publiée, on ne le remplace pas.")
        return 1
    database = open_database(target)
    with database.write() as session:
        cohort = rec.add_cohort(
            session, "Promotion 2011", date(2011, 5, 2), enrolment_deadline=date(2011, 7, 15)
        )
        person = rec.add_participant(
            session, cohort, "Fabre", "Élodie", listed_on=date(2011, 2, 1), phone="06 12 34 56 78"
        )
        rec.record_outreach(session, person, date(2011, 2, 10), "telephone", "interesse")
        employer = rec.add_employer(session, "Cabinet Garrigues Expertise", siret="43219876000014")
        rec.record_contract(
            session, person, employer, date(2011, 6, 1), end_date=date(2012, 4, 30)
        )
    database.dispose()
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("VACUUM")
    connection.close()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
