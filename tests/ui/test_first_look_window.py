"""Start-up on a plain database: the Cohorte list is painted from the first look, before the
database is opened, and the list the coach sees is the one the window then works with."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators, open_in_window
from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import lists
from coachdesk.services.participants import ParticipantData, create_participant
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets import messages


@pytest.fixture
def window(qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.first_paint_time is not None)
    yield main
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[str]]:
    """The Cohorte list's reads through SQLAlchemy: of everyone, and the people whose whole
    rows were read by id (those shown, those read in the background, those a write changed)."""
    reads: list[object] = []
    read_by_id: list[str] = []
    original_rows, original_listed = lists.participant_rows, lists.listed_people

    def counted(database, cohort_id, *, people=None):  # type: ignore[no-untyped-def]
        if people is None:
            reads.append(cohort_id)
        else:
            read_by_id.extend(people)
        return original_rows(database, cohort_id, people=people)

    def counted_listed(database, cohort_id):  # type: ignore[no-untyped-def]
        reads.append(cohort_id)
        return original_listed(database, cohort_id)

    monkeypatch.setattr(lists, "participant_rows", counted)
    monkeypatch.setattr(lists, "listed_people", counted_listed)
    return reads, read_by_id


def test_the_list_is_painted_before_the_database_opens_and_is_not_read_again(
    window: MainWindow, demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads, read_by_id = _count_reads(monkeypatch)
    seen: dict[str, object] = {}

    def shown() -> None:
        tab = window.cohort_tab
        seen.update(database=window.database, rows=tab.model.rowCount(),
                    promotion=window.cohort_selector.currentText(),
                    count=tab.count_label.text(), new_enabled=tab.buttons["new"].isEnabled(),
                    # Scrolled to the end before the database opens: read from the file too.
                    last=[tab.model.index(274, column).data() for column in range(5)])

    open_in_window(window, demo_path, demo=False, on_shown=shown)
    # Painted from the file alone: no database yet, the list and its counts already there.
    assert seen["database"] is None
    assert seen["rows"] == 275
    last = window.cohort_tab.model.whole_row(274)
    assert last is not None and seen["last"] == [
        last.last_name.upper(), last.first_name, codes.STAGES[last.stage], last.phone, last.email]
    assert str(seen["promotion"]).startswith("Promotion 2010")
    assert str(seen["count"]).startswith("275 participants affichés sur 275")
    assert seen["new_enabled"] is False  # nothing to write into yet
    # The database is open behind it: same list, not read a second time, every action on.
    tab = window.cohort_tab
    assert window.database is not None
    assert tab.model.rowCount() == 275 and reads == []
    assert tab.buttons["new"].isEnabled()
    assert window.windowTitle() == f"CoachDesk — {demo_path.name}"
    # Then the whole rows not read yet (neither with the first look nor for the end of the
    # list, shown above) come from it, in the background.
    qtbot.waitUntil(lambda: len(read_by_id) > 0)
    qtbot.wait(100)
    calls = len(read_by_id)
    assert len(tab.model.whole_rows()) == 275 and len(read_by_id) == calls  # all in hand
    # And it is the live list: a new person recorded shows at once.
    create_participant(window.database, tab.cohort_id or "",
                       ParticipantData(last_name="Zidane", first_name="Inès"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 276)
    assert any(getattr(tab.model.whole_row(r), "last_name", "") == "Zidane"
               for r in range(276))


def test_a_database_that_then_fails_to_open_shows_nothing(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coachdesk.db

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise UserError("La base est utilisée par une autre application.")

    monkeypatch.setattr(coachdesk.db, "open_database", refuse)
    painted: list[int] = []
    open_in_window(window, demo_path, demo=False,
                   on_shown=lambda: painted.append(window.cohort_tab.model.rowCount()))
    assert painted == [275]  # the first look was shown…
    # …and taken back when the database could not be opened, with the reason in French.
    assert window.database is None
    assert window.cohort_tab.model.rowCount() == 0
    assert window.cohort_selector.count() == 0
    assert [m.text for m in messages.last_messages] == [
        "La base est utilisée par une autre application."]


def test_what_goes_wrong_while_reading_early_is_said_in_the_window(
    window: MainWindow, demo_path: Path
) -> None:
    """The path and the list are read on a thread from the start; a refusal there (the
    demo's copy could not be made, say) is said in the window like any other."""
    from coachdesk.ui.app_window.first_look_view import FirstLookReader

    def locate() -> Path:
        raise UserError("Impossible de préparer la base de démonstration : disque plein.")

    open_in_window(window, None, demo=True, early=FirstLookReader(locate))
    assert window.database is None
    assert [m.text for m in messages.last_messages] == [
        "Impossible de préparer la base de démonstration : disque plein."]
    # Read early, shown once the window opens it: the same list.
    early = FirstLookReader(lambda: demo_path)
    open_in_window(window, demo_path, demo=False, early=early)
    assert window.database is not None
    look = early.look()
    assert look is not None
    assert window.cohort_tab.model.rowCount() == len(look.people) == 275


def test_the_first_look_sizes_its_columns_as_the_list_always_does(
    window: MainWindow, demo_path: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    from coachdesk.db import open_database

    window.resize(1366, 768)
    open_in_window(window, demo_path, demo=False)
    other = MainWindow()
    qtbot.addWidget(other)
    other.resize(1366, 768)
    other.show()
    copy = tmp_path / "copie.sqlite3"
    copy.write_bytes(demo_path.read_bytes())
    other.attach_database(open_database(copy))
    try:
        first, usual = window.cohort_tab.view, other.cohort_tab.view
        # (The last column stretches to the view's edge: its width is the window's, not the
        # fitting's.)
        widths = [first.columnWidth(c) for c in range(first.model().columnCount() - 1)]
        assert widths == [usual.columnWidth(c) for c in range(usual.model().columnCount() - 1)]
        assert widths[0] != first.horizontalHeader().defaultSectionSize()
    finally:
        other.close()
