"""Crash-test worker: imports CoachDesk once, then forks one child per job on stdin.

Each child runs one kind of work in an endless loop until the test kills it with SIGKILL; the
worker reports the child's pid, then how it ended. Forking from this single-threaded process
keeps each kill cheap (no interpreter start-up per kill).

Job lines are JSON: {"kind": ..., "db": ..., ...}; see ``run_job``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select, text

from coachdesk.db import backup_sqlite, open_database, upgrade
from coachdesk.models import Cohort, Participant, new_id, utcnow
from coachdesk.security.crypto import write_json_atomically

BATCH_SIZE = 25


def bulk_write(job: dict) -> None:
    """An import-like writer: batches of people, one transaction each, logged after commit."""
    db = open_database(Path(job["db"]), create=False)
    with db.read() as session:
        cohort_id = session.scalar(select(Cohort.id))
    log = os.open(job["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    batch = int(job["first_batch"])
    while True:
        now = utcnow()
        rows = [
            {
                "id": new_id(),
                "created_at": now,
                "updated_at": now,
                "cohort_id": cohort_id,
                "last_name": f"Lot{batch}",
                "first_name": f"Personne{index}",
                "listed_on": date(2010, 2, 1),
                "notes": f"batch-{batch}",
            }
            for index in range(BATCH_SIZE)
        ]
        with db.write() as session:
            session.execute(insert(Participant), rows)
        os.write(log, f"{batch}\n".encode())
        batch += 1


def backup(job: dict) -> None:
    """Backups of the same database to the same file, again and again."""
    while True:
        backup_sqlite(Path(job["db"]), Path(job["target"]))


def migration(job: dict) -> None:
    """The upgrade path: copy aside, Alembic to head, then a schema change rewriting every row
    in one transaction (what a real migration does to the participant table)."""
    path = Path(job["db"])
    db = open_database(path, create=False)
    upgrade(path, db.engine, "0001")
    with db.write() as session:
        session.execute(text("ALTER TABLE participant ADD COLUMN migrated INTEGER"))
        session.execute(text("UPDATE participant SET migrated = 1, notes = notes || ' migré'"))
        session.execute(text("CREATE INDEX ix_participant_migrated ON participant (migrated)"))
    while True:  # done: wait for the kill
        time.sleep(1)


def atomic_file(job: dict) -> None:
    """The same output file rewritten through a temporary file and a rename."""
    version = 0
    payload = "x" * int(job["size"])
    while True:
        version += 1
        write_json_atomically(Path(job["target"]), {"version": version, "payload": payload})


KINDS = {"bulk": bulk_write, "backup": backup, "migration": migration, "atomic": atomic_file}


def main() -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: work until killed
            try:
                KINDS[job["kind"]](job)
            except BaseException as exc:
                os.write(2, f"child failed: {exc!r}\n".encode())
                os._exit(3)
            os._exit(0)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"status {status}", flush=True)


if __name__ == "__main__":
    main()
