"""Canary: an export that was cancelled leaves nothing about the canary person in CoachDesk's
home, outside the encrypted database — neither a hidden half-written workbook nor a finished
one the coach was told did not exist.

The coach keeps the exports in CoachDesk's own folder (a USB key in portable mode), so every
file of the export lands where the grep looks.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from coachdesk import paths
from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.exports import jobs
from coachdesk.models import Participant
from coachdesk.security import sqlcipher
from coachdesk.ui.exports.dialogs import WeeklyExportDialog
from coachdesk.ui.widgets import background, messages
from tests import canary
from tests.security_support import FAST_SCRYPT, INFORMED_ON, PASSPHRASE, add_people

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PEOPLE = 400


@pytest.fixture
def protected(qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The coach's protected database, the canary among its people, opened as the window does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    path = paths.default_db_path()
    plain = open_database(path, create=True)
    add_people(plain, PEOPLE, last_name=canary.LAST_NAME, consent_on=INFORMED_ON)
    with plain.write() as session:
        session.execute(update(Participant).values(phone=canary.PHONE,
                                                   first_name=canary.FIRST_NAME))
    plain.dispose()
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    database = open_database(path, create=False, key=key)
    yield database, key
    database.dispose()
    for translator in translators:
        app.removeTranslator(translator)


def _dialog(qtbot: QtBot, database: Any, key: bytes, target: Path) -> WeeklyExportDialog:
    dialog = WeeklyExportDialog(database)
    dialog.database_key = lambda: key  # type: ignore[method-assign]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(target))
    return dialog


def _leaks(home: Path, database: Path) -> dict[str, list[str]]:
    return canary.leaks(home, except_files=canary.encrypted_files([database]))


def test_cancel_clicked_as_the_workbook_was_finished_is_told_the_truth(
    qtbot: QtBot, protected: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, key = protected
    monkeypatch.setattr(background, "run_in_process", False)
    original = jobs.weekly

    def finished_then_cancelled(*args: Any, **kwargs: Any) -> Any:
        done = original(*args, **kwargs)
        # The coach's click on "Annuler" lands just after the last row was written.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.cancel()
        return done

    monkeypatch.setattr(jobs, "weekly", finished_then_cancelled)
    target = home / "Exports" / "Mission Locale.xlsx"
    target.parent.mkdir()
    dialog = _dialog(qtbot, database, key, target)
    dialog.start_export()
    told = messages.last_messages[-1]
    found = _leaks(home, database.path)
    # Whatever holds the canary is a workbook the coach was told was written, by its name.
    for name in found:
        assert told.title == "Export terminé", (told, found)
        assert Path(name).name in told.text, (told, found)
    assert target.exists() == (told.title == "Export terminé")


def export_then_quit(*args: Any, progress: Any, is_cancelled: Any) -> Any:
    """The weekly export in the worker process, stopped by SIGTERM — what the worker gets when
    the window quits — once people are already in the hidden half-written workbook."""
    folder = Path(args[1]).parent

    def check() -> bool:
        if any(p.stat().st_size > 4096 for p in folder.glob(".*.partiel")):
            os.kill(os.getpid(), signal.SIGTERM)
        return bool(is_cancelled())

    return jobs.weekly(*args, progress=progress, is_cancelled=check)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix",
                    reason="SIGTERM of the worker process")
def test_export_stopped_by_quitting_leaves_no_hidden_workbook(
    qtbot: QtBot, protected: Any, home: Path
) -> None:
    database, key = protected
    target = home / "Exports" / "Mission Locale.xlsx"
    target.parent.mkdir()
    dialog = _dialog(qtbot, database, key, target)
    job = background.run_job(
        dialog, f"{__name__}.export_then_quit",
        (str(database.path), str(target), None, None, key), "Export",
        lambda _result: None,
    )
    stopped: list[bool] = []
    job.cancelled.connect(lambda: stopped.append(True))
    qtbot.waitUntil(lambda: not job._process.is_alive(), timeout=60_000)
    qtbot.waitUntil(lambda: job._finished, timeout=10_000)
    assert _leaks(home, database.path) == {}
    assert sorted(p.name for p in target.parent.iterdir()) == []
    assert stopped == [True]  # stopped half-way: "cancelled", nothing written
