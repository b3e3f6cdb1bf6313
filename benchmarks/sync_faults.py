"""Randomised fault injection of team mode, 1,000 runs (CI runs 100 of the same).

    python benchmarks/sync_faults.py [--runs 1000] [--seed N] [--database-url URL]

Two laptop processes and the team server process, a proxy that drops, duplicates and delays
requests, SIGKILLs of laptops mid-synchronisation and of the server; after each run the
invariants of ``tests/sync/faults.py`` are checked (convergence, no lost local edit, nothing
applied twice). Prints the counts of faults and the time taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coachdesk.server.admin import engine_for, init_schema  # noqa: E402
from tests.sync.conftest import schema_url  # noqa: E402
from tests.sync.faults import run_campaign  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=os.environ.get(
        "COACHDESK_TEST_POSTGRES_URL",
        "postgresql+psycopg://coachdesk:coachdesk@localhost/coachdesk_test"))
    args = parser.parse_args()
    schema = f"faults_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.database_url)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    database_url = schema_url(args.database_url, schema)
    engine = engine_for(database_url)
    try:
        init_schema(engine, "Équipe")
        result = run_campaign(args.runs, args.seed, engine, database_url,
                              Path(tempfile.mkdtemp(prefix="coachdesk-faults-")), log=print)
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    print(f"{result.runs} runs in {result.seconds:.0f} s, every invariant held: "
          f"{result.created} people created and {result.edits} edits under faults, "
          f"{result.syncs} synchronisations ({result.failed_syncs} cut short), "
          f"{result.laptop_kills} laptop kills, {result.server_kills} server kills, "
          f"{result.conflicts} conflicts kept, network faults {result.faults}")


if __name__ == "__main__":
    main()
