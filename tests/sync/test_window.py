"""Team mode through the window, against a real team server on PostgreSQL: joining from
Fichier ▸ Rejoindre une équipe…, Synchroniser in the worker process while the window stays
usable, and a conflict between two laptops settled from the Conflits dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.sync import engine, hlc
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.app_window.team_dialogs import ConflictsDialog, JoinTeamDialog
from coachdesk.ui.widgets import background, messages
from tests.sync.support import add_person, edit, person

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture(autouse=True)
def french() -> object:
    app = QApplication.instance()
    if app is None:
        app = QApplication([])
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    yield app
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[messages.Shown]:
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    return messages.last_messages


def window_on(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach_database(database)
    return window


def test_joining_from_the_window_receives_the_team_and_sends_what_the_laptop_held(
    qtbot: QtBot, team_server: Any, laptop_factory: Any, tmp_path: Path,
    shown: list[messages.Shown], monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.setattr(background, "run_in_process", False)
    structure = f"Mission Locale Nord {request.node.name[:40]}"
    colleague = laptop_factory("Bruno", "Mission Locale Nord")
    shared = add_person(colleague, "Roux", "Hugo")
    engine.synchronise(colleague)
    laptop = open_database(tmp_path / "camille.sqlite3")
    try:
        mine = add_person(laptop, "Petit", "Inès", cohort="2011")
        window = window_on(qtbot, laptop)
        code = team_server.add_coach("Camille", structure)

        def fill_and_join() -> None:
            dialog = window.findChild(JoinTeamDialog)
            assert dialog is not None
            dialog.address_edit.setText(team_server.url)
            dialog.code_edit.setText(code)
            dialog.accept()

        QTimer.singleShot(0, fill_and_join)
        window.team.join_action.trigger()
        assert shown[-1].kind == "info", shown
        assert shown[-1].text.startswith(
            f"Ce poste a rejoint l'équipe « Équipe de test » ({structure}, Camille) : ")
        assert shown[-1].text.endswith(" modifications de ce poste envoyées à l'équipe.")
        assert person(laptop, shared) is not None  # received from the team
        assert window.team.status_label.text() == (
            "synchronisé à l'instant · 0 modification à envoyer")
        assert not window.team.join_action.isEnabled() and window.team.sync_action.isEnabled()
        # The promotions came too: the selector shows the team's.
        names = [window.cohort_selector.itemText(i) for i in range(window.cohort_selector.count())]
        assert any(name.startswith("Promo ") for name in names)
        engine.synchronise(colleague)
        assert person(colleague, mine) is not None  # what this laptop held went to the team
    finally:
        laptop.dispose()


def test_synchronise_runs_in_the_worker_process_and_a_conflict_is_settled_in_the_window(
    qtbot: QtBot, team_server: Any, laptop_factory: Any, shown: list[messages.Shown]
) -> None:
    anne, bruno = laptop_factory("Anne"), laptop_factory("Bruno")
    lea = add_person(anne)
    engine.synchronise(anne)
    engine.synchronise(bruno)
    edit(anne, lea, phone="0611111111")  # Anne, offline
    with pytest.MonkeyPatch.context() as later:
        # Bruno, a minute later (well within the clock skew the server accepts), online.
        start = hlc.wall_ms()
        later.setattr(hlc, "wall_ms", lambda: start + 60_000)
        edit(bruno, lea, phone="0622222222")
        engine.synchronise(bruno)
    window = window_on(qtbot, anne)
    team = window.team
    assert team.status_label.text().endswith(" · 1 modification à envoyer")
    team.sync_action.trigger()  # a real worker process, as for the coach
    # The window keeps running meanwhile: the status line says so, Synchroniser waits.
    assert team.running and not team.sync_action.isEnabled()
    # Nothing swaps the database's file meanwhile.
    assert not window.restore_action.isEnabled() and not window.protect_action.isEnabled()
    assert team.status_label.text().startswith("synchronisation en cours… · ")
    qtbot.waitUntil(lambda: not team.running, timeout=120_000)
    assert window.restore_action.isEnabled() and window.protect_action.isEnabled()
    assert shown == []
    assert team.status_label.text() == (
        "synchronisé à l'instant · 0 modification à envoyer · 1 conflit")
    assert window.statusBar().currentMessage() == (
        "Synchronisation terminée : 1 modification(s) envoyée(s), 1 reçue(s), "
        "1 nouveau(x) conflit(s).")
    assert person(anne, lea).phone == "0622222222"  # the later change won
    dialog = team.show_conflicts()
    assert isinstance(dialog, ConflictsDialog)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.item(0, c).text() for c in range(table.columnCount())] == [
        "FABRE Léa", "Téléphone", "0622222222", "0611111111", "ce poste"]
    assert dialog.keep_lost_button.text() == "Garder la mienne : « 0611111111 »"
    dialog.keep_lost_button.click()
    assert person(anne, lea).phone == "0611111111"
    assert team.status_label.text() == (
        "synchronisé à l'instant · 2 modifications à envoyer")
    background.run_in_process = False
    try:
        team.sync_action.trigger()
    finally:
        background.run_in_process = True
    assert team.status_label.text() == "synchronisé à l'instant · 0 modification à envoyer"
    engine.synchronise(bruno)
    assert person(bruno, lea).phone == "0611111111"
    assert engine.conflicts(bruno) == [] and engine.status(bruno).open_conflicts == 0
