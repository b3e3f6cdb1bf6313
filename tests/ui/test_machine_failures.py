"""A full disk, a read-only medium, a failing disk: in the window they are French sentences the
coach can act on, not "Erreur inattendue"; real surprises get a report without personal data."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from coachdesk import app as app_module
from coachdesk import paths
from coachdesk.ui.widgets import background, messages
from tests import canary


@pytest.fixture
def hooked(qapp: QApplication, home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    translators = app_module.install_translators(qt_app)
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    saved = sys.excepthook
    app_module._install_error_hook(qt_app)
    yield
    sys.excepthook = saved
    for translator in translators:
        qt_app.removeTranslator(translator)


def _reports() -> list[Path]:
    return sorted(paths.log_dir().glob("rapport-erreur-*"))


def _sqlalchemy_error(message: str) -> OperationalError:
    """SQLAlchemy's wrapping of an SQLite failure during an insert of the canary person."""
    return OperationalError(
        "INSERT INTO participant (last_name, phone) VALUES (?, ?)",
        (canary.LAST_NAME, canary.PHONE),
        sqlite3.OperationalError(message),
    )


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (_sqlalchemy_error("database or disk is full"), "Le disque est plein"),
        (_sqlalchemy_error("attempt to write a readonly database"),
         "CoachDesk n'a pas le droit d'écrire"),
        (_sqlalchemy_error("disk I/O error"), "Erreur d'écriture sur le disque"),
        (OSError(errno.ENOSPC, "No space left on device", "/x/hebdo.xlsx"),
         "Le disque est plein : CoachDesk n'a pas pu écrire « /x/hebdo.xlsx »."),
        (OSError(errno.EROFS, "Read-only file system", "/cle/hebdo.xlsx"),
         "CoachDesk n'a pas le droit d'écrire « /cle/hebdo.xlsx »"),
        (OSError(errno.EFBIG, "File too large", "/x/copie.sqlite3"),
         "Erreur d'écriture sur le disque « /x/copie.sqlite3 »"),
        (_sqlalchemy_error("database disk image is malformed"), "illisible ou endommagée"),
    ],
    ids=["full", "read-only", "io", "ENOSPC", "EROFS", "EFBIG", "damaged"],
)
def test_machine_failures_are_explained_in_french_without_a_report(
    hooked: None, failure: BaseException, said: str
) -> None:
    sys.excepthook(type(failure), failure, None)
    shown = messages.last_messages[-1]
    assert shown.kind == "warning" and said in shown.text
    assert "Erreur inattendue" not in shown.title and "inattendue" not in shown.text
    assert canary.LAST_NAME not in shown.text
    assert _reports() == []


@pytest.mark.logs_warning  # the crash report is logged as an error too
def test_an_unexpected_error_gets_a_private_report_without_the_person(
    hooked: None, home: Path
) -> None:
    failure = OperationalError(
        "INSERT INTO participant (last_name, phone) VALUES (?, ?)",
        (canary.LAST_NAME, canary.PHONE),
        sqlite3.OperationalError("no such table: participant"),
    )
    sys.excepthook(type(failure), failure, None)
    shown = messages.last_messages[-1]
    assert shown.kind == "error" and shown.title == "Erreur inattendue"
    (report,) = _reports()
    assert str(report) in shown.text
    assert "no such table: participant" in report.read_text(encoding="utf-8")
    assert os.name != "posix" or stat.S_IMODE(report.stat().st_mode) == 0o600
    assert canary.leaks(home) == {}


def full_disk_job(*, progress: object, is_cancelled: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "/exports/hebdo.xlsx")


def leaking_job(*, progress: object, is_cancelled: object) -> None:
    raise _sqlalchemy_error("no such column: participant.canari")


@pytest.fixture
def inline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "run_in_process", False)


def test_background_job_on_a_full_disk_says_so_in_french(
    qtbot: QtBot, hooked: None, inline: None
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    background.run_job(parent, f"{__name__}.full_disk_job", (), "Export", lambda _r: None)
    shown = messages.last_messages[-1]
    assert shown.kind == "warning"
    assert shown.text.startswith(
        "Le disque est plein : CoachDesk n'a pas pu écrire « /exports/hebdo.xlsx »."
    )
    assert _reports() == []


def test_background_job_report_holds_no_person(
    qtbot: QtBot, hooked: None, inline: None, home: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    background.run_job(parent, f"{__name__}.leaking_job", (), "Export", lambda _r: None)
    shown = messages.last_messages[-1]
    assert shown.kind == "error"
    (report,) = _reports()
    assert "no such column: participant.canari" in report.read_text(encoding="utf-8")
    assert os.name != "posix" or stat.S_IMODE(report.stat().st_mode) == 0o600
    assert canary.leaks(home) == {}
