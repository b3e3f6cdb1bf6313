"""Crash-test worker: imports CoachDesk once, then forks one child per job read on stdin.

Each child runs CoachDesk's real code for one kind of work (the wizard's import job, the
window's weekly export job, a backup, a migration, the keys file rewrite) in an endless loop
until the test kills it with SIGKILL; the worker reports the child's pid, then how it ended.
Forking from this single-threaded process keeps each kill cheap (no interpreter start-up per
kill), and the child runs exactly what the window's worker process runs.

Job lines are JSON: {"kind": ..., ...}; see ``KINDS``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

# Alembic is imported lazily by coachdesk.db.upgrade; importing it once here keeps the kill
# moments of the migration on the migration itself rather than on reading Alembic's modules.
import alembic.command  # noqa: F401
import zxcvbn  # noqa: F401  (the passphrase check's estimator, likewise)
from sqlalchemy import text

# Read by every opening of a database (is a protected one expected here?): imported once here
# for the same reason, so the kills land on the work.
import coachdesk.security.expected  # noqa: F401
from coachdesk.db import open_database, upgrade
from coachdesk.exports import jobs
from coachdesk.security.crypto import ScryptParams, write_json_atomically
from coachdesk.services import backups as _backups  # noqa: F401
from coachdesk.services import gdpr as _gdpr  # noqa: F401
from coachdesk.services import protection as _protection  # noqa: F401
from coachdesk.services import restoring as _restoring  # noqa: F401
from coachdesk.services.backups import write_backup
from coachdesk.services.import_job import run_import

IMPORT_COHORT = "Promotion crash"
# Cheap key derivation: the kills land on the encryption and the swaps, not on scrypt.
FAST = ScryptParams(n=2**10, r=8, p=1)


def _log(path: str, line: str) -> None:
    """Append one line once the work it names is committed (O_APPEND: whole lines only)."""
    handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(handle, f"{line}\n".encode())
    finally:
        os.close(handle)


def contact_import(job: dict) -> None:
    """The import wizard's job, file after file: each file is one transaction."""
    files = job["files"]
    for index in range(int(job["first"]), len(files)):
        report = run_import(
            job["db"], files[index], IMPORT_COHORT, "universite", None,
            progress=lambda *_: None, is_cancelled=lambda: False,
        )
        assert report is not None
        _log(job["log"], f"{index} {report.imported}")
    while True:  # every file imported: wait for the kill
        time.sleep(1)


def weekly_export(job: dict) -> None:
    """The window's weekly export job, again and again over the same file."""
    while True:
        done = jobs.weekly(job["db"], job["out"], job["week"], job["cohort"])
        assert done is not None
        _log(job["log"], done.sha256)


def backup(job: dict) -> None:
    """``coachdesk backup --out FILE``'s copy of the same database, again and again."""
    database = open_database(Path(job["db"]), create=False)
    while True:
        write_backup(database, Path(job["target"]))
        _log(job["log"], "backup")


def migration(job: dict) -> None:
    """The upgrade path on a schema-0001 database: the copy aside, Alembic to head, then a
    schema change rewriting every row in one transaction (what the next real migration will do
    to the participant table; revision 0001 is the only one released, so there is no real
    older-to-newer step to kill yet)."""
    path = Path(job["db"])
    db = open_database(path, create=False)
    upgrade(path, db.engine, "0001")
    with db.write() as session:
        session.execute(text("ALTER TABLE participant ADD COLUMN migrated INTEGER"))
        session.execute(text("UPDATE participant SET migrated = 1, notes = notes || ' migré'"))
        session.execute(text("CREATE INDEX ix_participant_migrated ON participant (migrated)"))
    _log(job["log"], "migrated")
    while True:  # done: wait for the kill
        time.sleep(1)


def keys_file(job: dict) -> None:
    """The keys file (wrapped data key) rewritten through a temporary file and a rename."""
    version = 0
    payload = "x" * int(job["size"])
    while True:
        version += 1
        write_json_atomically(Path(job["target"]), {"version": version, "payload": payload})
        _log(job["log"], str(version))


def protect(job: dict) -> None:
    """The window's and the CLI's protect: the database, then its copies."""
    from coachdesk.services import protection

    protection.protect(Path(job["db"]), job["passphrase"], params=FAST)
    _log(job["log"], "protected")
    while True:
        time.sleep(1)


def rekey(job: dict) -> None:
    """change-passphrase --new-key: a new data key, the database rekeyed in place."""
    from coachdesk.security import sqlcipher
    from coachdesk.services import protection

    path = Path(job["db"])
    key = sqlcipher.unlock(path, passphrase=job["passphrase"])
    protection.change_keys(path, key, job["new_passphrase"], new_key=True, params=FAST)
    _log(job["log"], "rekeyed")
    while True:
        time.sleep(1)


def restore(job: dict) -> None:
    """``coachdesk restore``: the backup checked, the database kept aside, then swapped."""
    from coachdesk.services import restoring

    restoring.restore(Path(job["backup"]), Path(job["db"]))
    _log(job["log"], "restored")
    while True:
        time.sleep(1)


def erase(job: dict) -> None:
    """GDPR erasure, person after person, each committed then logged."""
    from coachdesk.services import gdpr

    database = open_database(Path(job["db"]), create=False)
    for person in job["people"]:
        gdpr.erase_for_good(database, person)
        _log(job["log"], person)
    while True:
        time.sleep(1)


KINDS = {
    "protect": protect,
    "rekey": rekey,
    "restore": restore,
    "erase": erase,
    "import": contact_import,
    "export": weekly_export,
    "backup": backup,
    "migration": migration,
    "keys": keys_file,
}


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
