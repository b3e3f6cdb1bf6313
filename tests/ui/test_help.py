"""Aide ▸ Guide de CoachDesk: the French guide opens offline from the menu (and F1), and the
shortcuts it lists are exactly the ones the window and the call sheet define."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.ui.app_window.help_dialog import GuideDialog
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.cohort.call_sheet import CallSheet

# The offscreen platform can neither pass size hints on nor raise a window: harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, home: Path, qapp: QApplication):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach_database(open_database(demo_path))
    yield main
    main.close()
    for translator in translators:
        qapp.removeTranslator(translator)


def listed_keys(text: str, section: str) -> set[str]:
    """The keys of the guide's table under the heading ``section``, one entry per key."""
    part = text.split(f"### {section}", 1)[1].split("###", 1)[0]
    keys: set[str] = set()
    for line in part.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0] or cells[0] in ("Touches",) or set(cells[0]) <= {"-"}:
            continue
        keys.update(key.strip() for key in re.split(r",| ou ", cells[0]))
    return keys


def defined_keys(widget: object) -> set[str]:
    """Every key sequence a widget answers: its shortcuts and its actions' (menus included)."""
    sequences: list[QKeySequence] = [s.key() for s in widget.findChildren(QShortcut)]  # type: ignore[attr-defined]
    for action in widget.findChildren(QAction):  # type: ignore[attr-defined]
        sequences.extend(action.shortcuts())
    return {sequence.toString(QKeySequence.SequenceFormat.PortableText)
            for sequence in sequences if not sequence.isEmpty()}


def test_the_guide_opens_from_the_help_menu_in_french(window: MainWindow) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Aide")
    assert [a.text() for a in help_menu.actions()] == ["&Guide de CoachDesk",
                                                       "À &propos de CoachDesk"]
    help_menu.actions()[0].trigger()
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    assert guide.windowTitle() == "Guide de CoachDesk"
    text = guide.browser.toPlainText()
    assert text.startswith("Guide de CoachDesk")
    for step in ("Les contacts", "Le bilan", "Les employeurs", "Les contrats",
                 "Protéger les données"):
        assert step in text
    # Opened again (F1 twice): the same window comes to the front.
    assert window.open_guide() is guide


def test_the_guide_lists_the_window_s_shortcuts_and_only_them(window: MainWindow) -> None:
    guide = window.open_guide()
    assert isinstance(guide, GuideDialog)
    markdown = guide.browser.toMarkdown()
    listed = listed_keys(markdown, "Dans la fenêtre")
    # « Ctrl+1 … Ctrl+5 » are one line each in the guide.
    defined = defined_keys(window)
    assert listed == defined, (f"in the guide only: {listed - defined}; "
                               f"defined only: {defined - listed}")
    assert {"Ctrl+1", "Ctrl+5", "Ctrl+F", "Ctrl+N", "Ctrl+L", "Ctrl+Q", "F1"} <= listed


def test_the_guide_lists_the_call_sheet_keys(window: MainWindow, qtbot: QtBot) -> None:
    assert window.database is not None
    sheet = CallSheet(window.database, window.current_cohort_id() or "")
    qtbot.addWidget(sheet)
    guide = window.open_guide()
    assert isinstance(guide, GuideDialog)
    listed = listed_keys(guide.browser.toMarkdown(), "Dans la fiche d'appels")
    assert listed == defined_keys(sheet) == {"1", "2", "3", "4", "5", "6", "S"}


def test_about_says_the_version_in_french(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk import __version__
    from coachdesk.ui.widgets import messages

    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Aide")
    help_menu.actions()[1].trigger()
    (shown,) = messages.last_messages
    assert shown.title == "À propos de CoachDesk"
    assert shown.text.startswith(f"CoachDesk {__version__}\nLe bureau des chargé·e·s")
