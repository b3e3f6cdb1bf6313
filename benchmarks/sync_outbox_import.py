"""What team mode costs the contact import: 80,000 rows, with and without the outbox.

    python benchmarks/sync_outbox_import.py [--rows 80000] [--rounds 2]

A database that joined a team records every imported person in its outbox, in the import's
own transaction (``coachdesk.sync.capture``). The same workbook is imported into a plain
database and into one marked as joined; the best time of each is printed, with the number of
outbox rows written. No server is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.import_contacts import write_workbook  # noqa: E402
from coachdesk.db import open_database  # noqa: E402
from coachdesk.models import SyncState  # noqa: E402
from coachdesk.services.contact_import import import_contacts  # noqa: E402


def one_import(workbook: Path, database_path: Path, *,
               joined: bool) -> tuple[float, float, int]:
    database = open_database(database_path)
    try:
        if joined:
            with database.write() as session:
                session.add(SyncState(id=1, server_url="http://127.0.0.1:9",
                                      device_id=str(uuid.uuid4()), device_token="-",
                                      coach_id=str(uuid.uuid4()), structure_id=str(uuid.uuid4())))
            database.team_capture = None
        started, cpu = time.perf_counter(), time.process_time()
        import_contacts(database, workbook, cohort="Import")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        with database.read() as session:
            from sqlalchemy import text

            outbox = session.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one()
        return elapsed, cpu, int(outbox)
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=80_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-outbox-bench-"))
    workbook = folder / "contacts.xlsx"
    write_workbook(workbook, args.rows)
    plain: list[tuple[float, float]] = []
    team: list[tuple[float, float]] = []
    outbox_rows = 0
    for round_ in range(args.rounds):
        wall, cpu, _ = one_import(workbook, folder / f"plain-{round_}.sqlite3", joined=False)
        plain.append((wall, cpu))
        wall, cpu, outbox_rows = one_import(workbook, folder / f"team-{round_}.sqlite3",
                                            joined=True)
        team.append((wall, cpu))
    for label, index in (("wall time", 0), ("CPU time of the importing process", 1)):
        best_plain = min(t[index] for t in plain)
        best_team = min(t[index] for t in team)
        print(f"import of {args.rows:,} rows, {label}: plain {best_plain:.1f} s, team mode "
              f"{best_team:.1f} s ({outbox_rows:,} outbox rows), "
              f"{(best_team / best_plain - 1) * 100:+.0f} %")
    print(f"load average: {os.getloadavg()[0]:.1f} (other work on the machine slows rounds)")


if __name__ == "__main__":
    main()
