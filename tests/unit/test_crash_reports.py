"""Crash reports and the log: what the team needs to find the fault, nothing about people.

A report keeps the exception types, the code path and the SQL statements; it never holds SQL
parameters, values quoted in messages, local variables or file names; it is private (0600),
has a name of its own, and writing it never raises.
"""

from __future__ import annotations

import logging
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from coachdesk import logs, paths
from coachdesk.db import Database
from coachdesk.models import Participant
from tests import canary

# Every test here writes a report or logs a failure on purpose: each report is also logged as
# an error (logs.write_crash_report), which would fail any other test.
pytestmark = pytest.mark.logs_warning


def _failed_insert(db: Database) -> IntegrityError:
    """What a failed write raises: SQLAlchemy's error, the person's data in its parameters."""
    with pytest.raises(IntegrityError) as caught, db.write() as session:
        session.execute(
            insert(Participant),
            [
                {
                    "cohort_id": "promotion-inexistante",  # the foreign key fails
                    "last_name": canary.LAST_NAME,
                    "first_name": canary.FIRST_NAME,
                    "phone": canary.PHONE,
                    "email": canary.EMAIL,
                    "listed_on": date(2010, 2, 1),
                    "search_text": "zoe canariwski",
                }
            ],
        )
    return caught.value


def test_report_of_a_failed_insert_has_the_sql_but_no_person(db: Database, home: Path) -> None:
    error = _failed_insert(db)
    assert canary.LAST_NAME in str(error)  # what SQLAlchemy itself would print
    path = logs.write_crash_report(type(error), error, error.__traceback__)
    assert path is not None and path.parent == paths.log_dir()
    text = path.read_text(encoding="utf-8")
    assert "FOREIGN KEY constraint failed" in text
    assert "[SQL: INSERT INTO participant" in text
    assert "sqlalche.me" not in text
    assert canary.leaks(home) == {}
    assert os.name != "posix" or stat.S_IMODE(path.stat().st_mode) == 0o600


def test_values_in_messages_and_locals_stay_out(home: Path) -> None:
    def convert(cell: str) -> int:
        person = f"{canary.FIRST_NAME} {canary.LAST_NAME}"  # a local: never in a report
        assert person
        return int(cell)

    with pytest.raises(ValueError) as caught:
        convert(canary.PHONE)
    error = caught.value
    assert canary.PHONE in str(error)
    with pytest.raises(OSError) as no_space:
        raise OSError(28, "No space left on device", f"/exports/Fiche {canary.LAST_NAME}.xlsx")
    error.__context__ = no_space.value
    path = logs.write_crash_report(type(error), error, error.__traceback__)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "ValueError: invalid literal for int() with base 10: <valeur>" in text
    assert "[Errno 28] No space left on device : <fichier .xlsx>" in text
    assert canary.leaks(home) == {}


def test_two_failures_in_the_same_second_keep_both_reports(home: Path) -> None:
    first = logs.write_crash_report(RuntimeError, RuntimeError("première"), None)
    second = logs.write_crash_report(RuntimeError, RuntimeError("seconde"), None)
    assert first is not None and second is not None and first != second
    assert "première" in first.read_text(encoding="utf-8")
    assert "seconde" in second.read_text(encoding="utf-8")
    assert len(list(paths.log_dir().glob("rapport-erreur-*.txt"))) == 2


def test_a_report_that_cannot_be_written_does_not_raise(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = home / "pas-un-dossier"
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("")
    monkeypatch.setattr(paths, "log_dir", lambda: blocked)
    assert logs.write_crash_report(RuntimeError, RuntimeError("disque plein"), None) is None


def test_the_log_file_is_private_and_keeps_no_parameters(db: Database, home: Path) -> None:
    root = logging.getLogger("coachdesk")
    saved = list(root.handlers)
    old_umask = os.umask(0)
    try:
        path = logs.setup_logging()
        error = _failed_insert(db)
        logging.getLogger("coachdesk.test").error("failed: %s", error, exc_info=error)
        for handler in root.handlers:
            handler.flush()
    finally:
        os.umask(old_umask)
        for handler in root.handlers:
            if handler not in saved:
                handler.close()
                root.removeHandler(handler)
    text = path.read_text(encoding="utf-8")
    assert "FOREIGN KEY constraint failed" in text
    assert canary.leaks(home) == {}
    assert os.name != "posix" or stat.S_IMODE(path.stat().st_mode) == 0o600
