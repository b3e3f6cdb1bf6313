"""Team mode in the window without a team server: joining refused by an unreachable address,
an offline synchronisation on the status line, a conflict settled from the Conflits dialog.

The same window against a real server on PostgreSQL is in ``tests/sync/test_window.py``.
"""

from __future__ import annotations

import json
import socket
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import Cohort, Participant
from coachdesk.models.sync import SyncConflict, SyncState
from coachdesk.sync import engine
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.app_window.team_dialogs import ConflictsDialog, JoinTeamDialog
from coachdesk.ui.widgets import background, messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def french() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    yield app
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[messages.Shown]:
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(background, "run_in_process", False)
    messages.last_messages.clear()
    return messages.last_messages


def closed_port_url() -> str:
    """An address on this machine where nothing listens: the laptop is offline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def database(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "base.sqlite3")
    yield database
    database.dispose()


def add_lea(database: Database) -> str:
    with database.write() as session:
        cohort = Cohort(name="Promotion 2010", start_date=date(2010, 5, 26))
        session.add(cohort)
        session.flush()
        person = Participant(cohort_id=cohort.id, last_name="Fabre", first_name="Léa",
                             listed_on=date(2010, 2, 1), phone="0622222222",
                             birth_date=date(1991, 3, 4))
        session.add(person)
        session.flush()
        return person.id


def joined_offline(database: Database, device: str, last_sync: datetime | None) -> None:
    """The state ``sync join`` leaves, for a server that is now out of reach."""
    with database.write() as session:
        session.add(SyncState(
            id=1, server_url=closed_port_url(), device_id=device, device_token="t" * 40,
            coach_id=str(uuid.uuid4()), coach_name="Camille Martin",
            structure_id=str(uuid.uuid4()), structure_name="Mission Locale d'Amiens",
            team_key="00" * 32, cursor=7, last_sync_at=last_sync, clock_last="",
            clock_offset_ms=0, restored=False, blocked_message=""))
    database.team_capture = None  # asks again whether it joined, as after a real join


def window_on(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach_database(database)
    return window


def test_a_database_outside_any_team_offers_to_join_and_nothing_else(
    qtbot: QtBot, database: Database, shown: list[messages.Shown]
) -> None:
    window = window_on(qtbot, database)
    team = window.team
    file_menu = window.menuBar().actions()[0].menu()
    assert [a.text() for a in file_menu.actions()[:3]] == [
        "&Rejoindre une équipe…", "&Synchroniser", "&Conflits…"]
    assert team.join_action.isEnabled()
    assert not team.sync_action.isEnabled() and not team.conflicts_action.isEnabled()
    assert team.status_label.isHidden()


def test_the_join_dialog_asks_the_address_and_the_code(
    qtbot: QtBot, shown: list[messages.Shown]
) -> None:
    dialog = JoinTeamDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Rejoindre une équipe"
    assert dialog.join_button.text() == "Rejoindre"
    dialog.accept()
    assert shown[-1].text.startswith("Saisissez l'adresse du serveur de l'équipe")
    dialog.address_edit.setText(" https://equipe.example.org ")
    dialog.accept()
    assert shown[-1].text.startswith("Saisissez le code à usage unique")
    assert dialog.result() != JoinTeamDialog.DialogCode.Accepted
    dialog.code_edit.setText("ABCD-EFGH-JKLM ")
    dialog.accept()
    assert dialog.result() == JoinTeamDialog.DialogCode.Accepted
    assert (dialog.address(), dialog.code()) == ("https://equipe.example.org", "ABCD-EFGH-JKLM")


def test_joining_an_unreachable_server_says_so_and_changes_nothing(
    qtbot: QtBot, database: Database, shown: list[messages.Shown]
) -> None:
    add_lea(database)
    window = window_on(qtbot, database)
    url = closed_port_url()

    def fill_and_join() -> None:
        dialog = window.findChild(JoinTeamDialog)
        assert dialog is not None
        dialog.address_edit.setText(url)
        dialog.code_edit.setText("ABCD-EFGH-JKLM")
        dialog.accept()

    QTimer.singleShot(0, fill_and_join)
    assert window.team.join()
    assert shown[-1].kind == "warning"
    assert shown[-1].text.startswith(f"Le serveur de l'équipe ({url}) ne répond pas "
                                     "(connexion impossible)")
    assert not engine.status(database).joined
    assert window.team.join_action.isEnabled() and window.team.status_label.isHidden()


def test_an_offline_synchronisation_shows_on_the_status_line_and_keeps_the_changes(
    qtbot: QtBot, database: Database, shown: list[messages.Shown]
) -> None:
    joined_offline(database, str(uuid.uuid4()),
                   datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=4))
    add_lea(database)  # a promotion and a person: two changes waiting for the team
    window = window_on(qtbot, database)
    team = window.team
    assert team.sync_action.isEnabled() and not team.join_action.isEnabled()
    assert not team.status_label.isHidden()
    assert team.status_label.text() == "synchronisé il y a 4 min · 2 modifications à envoyer"
    assert "Mission Locale d'Amiens, Camille Martin" in team.status_label.toolTip()
    team.sync_action.trigger()
    assert team.status_label.text() == (
        "hors ligne · synchronisé il y a 4 min · 2 modifications à envoyer")
    assert "ne répond pas" in team.status_label.toolTip()
    # Offline is no error to acknowledge: said on the status bar, no dialog.
    assert shown == []
    assert engine.status(database).pending == 2
    # Locked, the window starts nothing and shows no conflict until unlocked.
    window.lock()
    assert window.locker.locked
    assert not team.sync_action.isEnabled() and not team.conflicts_action.isEnabled()
    assert not team.synchronise()


def test_the_status_line_counts_in_french(qtbot: QtBot, database: Database) -> None:
    joined_offline(database, str(uuid.uuid4()), None)
    window = window_on(qtbot, database)
    team = window.team
    status = engine.status(database)
    assert team.status_text(status) == "jamais synchronisé · 0 modification à envoyer"
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    status.last_sync_at = "2026-12-04T11:59:40"
    status.pending, status.open_conflicts, status.duplicates, status.refused = 3, 1, 2, 1
    assert team.status_text(status, now) == (
        "synchronisé à l'instant · 3 modifications à envoyer · 1 conflit · 2 doublons "
        "possibles · 1 modification refusée")
    status.last_sync_at = "2026-12-04T09:00:00"
    status.open_conflicts, status.duplicates, status.refused = 2, 0, 0
    assert team.status_text(status, now) == (
        "synchronisé il y a 3 h · 3 modifications à envoyer · 2 conflits")


def test_a_conflict_lost_here_is_settled_by_keeping_mine(
    qtbot: QtBot, database: Database, shown: list[messages.Shown]
) -> None:
    device = str(uuid.uuid4())
    joined_offline(database, device, datetime.now(UTC).replace(tzinfo=None))
    lea = add_lea(database)
    with database.write() as session:
        session.execute(text("DELETE FROM sync_outbox"))  # as if pushed
        session.add(SyncConflict(
            id=str(uuid.uuid4()), table_name="participant", row_id=lea, column_name="phone",
            kept_value=json.dumps("0622222222"), lost_value=json.dumps("0611111111"),
            lost_hlc="", lost_device=device, reason="concurrent", seq=9, resolved=False))
        session.add(SyncConflict(
            id=str(uuid.uuid4()), table_name="participant", row_id=lea,
            column_name="birth_date", kept_value=json.dumps("1991-03-04"),
            lost_value=json.dumps(None), lost_hlc="", lost_device=str(uuid.uuid4()),
            reason="concurrent", seq=10, resolved=False))
    window = window_on(qtbot, database)
    assert window.team.status_label.text() == (
        "synchronisé à l'instant · 0 modification à envoyer · 2 conflits")
    dialog = window.team.show_conflicts()
    assert isinstance(dialog, ConflictsDialog)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Fiche", "Champ", "Valeur retenue", "Valeur perdue", "Perdue sur"]
    assert [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())] == [
        ["FABRE Léa", "Téléphone", "0622222222", "0611111111", "ce poste"],
        ["FABRE Léa", "Date de naissance", "04/03/1991", "(vide)", "un autre poste"],
    ]
    assert dialog.count_label.text() == "2 conflits à régler."
    assert dialog.keep_lost_button.text() == "Garder la mienne : « 0611111111 »"
    assert dialog.keep_kept_button.text() == "Garder la leur : « 0622222222 »"
    dialog.keep_lost_button.click()
    with database.read() as session:
        assert session.scalar(select(Participant.phone).where(Participant.id == lea)) == (
            "0611111111")
        ops = session.execute(text("SELECT table_name, kind FROM sync_outbox ORDER BY seq")
                              ).all()
    # The phone put back and the settled conflict both go to the team.
    assert sorted(tuple(op) for op in ops) == [("participant", "update"),
                                               ("sync_conflict", "resolve")]
    assert dialog.count_label.text() == (
        "Conflit réglé ; l'équipe le saura à la prochaine synchronisation. "
        "1 conflit à régler.")
    assert dialog.keep_kept_button.text() == "Garder la valeur retenue : « 04/03/1991 »"
    assert dialog.keep_lost_button.text() == "Remettre la valeur perdue : « (vide) »"
    assert window.team.status_label.text() == (
        "synchronisé à l'instant · 2 modifications à envoyer · 1 conflit")
    dialog.keep_kept_button.click()
    assert dialog.count_label.text().endswith("Aucun conflit à régler.")
    assert table.rowCount() == 0 and not dialog.keep_kept_button.isEnabled()
    with database.read() as session:
        birth = session.scalar(select(Participant.birth_date).where(Participant.id == lea))
    assert birth == date(1991, 3, 4)  # the retained value stays
    assert engine.conflicts(database) == []


def test_a_possible_duplicate_is_shown_with_both_names_and_marked_as_examined(
    qtbot: QtBot, database: Database, shown: list[messages.Shown]
) -> None:
    joined_offline(database, str(uuid.uuid4()), datetime.now(UTC).replace(tzinfo=None))
    lea = add_lea(database)
    with database.write() as session:
        cohort_id = session.scalar(select(Cohort.id))
        twin = Participant(cohort_id=cohort_id, last_name="FABRE", first_name="Lea",
                           listed_on=date(2010, 2, 3))
        session.add(twin)
        session.flush()
        session.add(SyncConflict(
            id=str(uuid.uuid4()), table_name="participant", row_id=twin.id, column_name="",
            kept_value=json.dumps(lea), lost_value=json.dumps(None), lost_hlc="",
            lost_device="", reason="duplicate", seq=0, resolved=False))
    window = window_on(qtbot, database)
    assert window.team.status_label.text().endswith(" · 1 doublon possible")
    dialog = window.team.show_conflicts()
    assert isinstance(dialog, ConflictsDialog)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(0, c).text() for c in range(3)] == [
        "FABRE Lea", "Doublon possible", "Même personne que FABRE Léa"]
    assert dialog.keep_kept_button.text() == "Marquer comme examiné"
    assert not dialog.keep_lost_button.isEnabled()
    dialog.keep_kept_button.click()
    assert dialog.table.rowCount() == 0
    assert not window.team.status_label.text().endswith("doublon possible")
    with database.read() as session:
        assert session.scalar(select(SyncConflict.resolved)) is True


def test_a_change_the_server_refused_stays_visible_in_the_conflicts_dialog(
    qtbot: QtBot, database: Database, shown: list[messages.Shown]
) -> None:
    joined_offline(database, str(uuid.uuid4()), datetime.now(UTC).replace(tzinfo=None))
    add_lea(database)
    refusal = ("Le numéro SIRET « 123 » n'a pas 14 chiffres : corrigez-le dans la fiche de "
               "l'employeur.")
    with database.write() as session:
        session.execute(text(
            "UPDATE sync_outbox SET status = 'refused', refusal_code = 'rule', "
            "refusal_message = :message WHERE table_name = 'participant'"), {"message": refusal})
    window = window_on(qtbot, database)
    assert window.team.status_label.text().endswith(
        " · 1 modification à envoyer · 1 modification refusée")
    dialog = window.team.show_conflicts()
    assert isinstance(dialog, ConflictsDialog)
    qtbot.addWidget(dialog)
    assert dialog.count_label.text() == "Aucun conflit à régler."
    assert not dialog.refusals_label.isHidden()
    assert dialog.refusals_label.text() == (
        "1 modification refusée par le serveur de l'équipe, gardée sur ce poste :\n"
        f"• {refusal}")


def test_the_timed_status_refresh_leaves_a_hidden_window_and_a_rewritten_file_alone(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every 30 s the status line is read again: not for a window off screen (a closed
    window's database may have been closed and its file rewritten since), and a failed read
    never reaches the coach as an error."""
    from coachdesk.sync import engine

    joined_offline(database, str(uuid.uuid4()), None)
    window = window_on(qtbot, database)
    read = engine.status
    reads: list[Database] = []
    monkeypatch.setattr(engine, "status", lambda db: reads.append(db) or read(db))
    window.team._tick()  # never shown: nothing read
    assert reads == []
    window.show()
    window.team._tick()
    assert reads == [database]
    label = window.findChild(QLabel, "syncStatus")
    assert label is not None and label.isVisible()
    # The file is rewritten under the window (as protecting it does): the tick stays quiet.
    database.dispose()
    path = tmp_path / "base.sqlite3"
    for extra in (path.with_name("base.sqlite3-wal"), path.with_name("base.sqlite3-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(b"\x00" * 4096)
    window.team._tick()  # raised "file is not a database" into Qt's event loop before
    assert len(reads) == 2
    window.detach_database()
    window.database = None
