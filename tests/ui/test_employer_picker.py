"""The employer picker of the offer dialog: typed letters search the directory in SQL (accents
and case ignored), Return takes the first match, and the offer saved names that employer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.services import employers, offers
from coachdesk.services.cohorts import list_cohorts
from coachdesk.ui.employers.tab import EmployersTab
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.employer_picker import RESULT_LIMIT, EmployerPicker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def database(demo_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(demo_path)
    yield db
    db.dispose()


@pytest.fixture
def translated(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_offer_for_an_employer_found_by_typing(
    qtbot: QtBot, database: Database, translated: None
) -> None:
    tab = EmployersTab(database)
    qtbot.addWidget(tab)
    with database.read() as session:
        cohort_id = list_cohorts(session)[0].id
    tab.set_cohort(cohort_id)
    tab.show()
    tab.pages.setCurrentIndex(1)
    qtbot.mouseClick(tab.new_offer_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    picker = dialog.employer
    assert isinstance(picker, EmployerPicker)
    assert picker.chosen.text() == "Aucun employeur choisi pour l'instant."
    # « écusson » typed without its accent, in capitals, one key at a time.
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "ECUSS")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    assert picker.model.index(0).data() == "Agence immobilière Écusson — Montpellier"
    # Accented letters reach the search too (sent one by one: keyClicks cannot type them).
    picker.search.clear()
    for letter in "bâti":
        QTest.sendKeyEvent(QTest.KeyAction.Click, picker.search, Qt.Key.Key_unknown, letter,
                           Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: picker.model.rowCount() >= 1
                    and all("bati" in r.name.lower().replace("â", "a")
                            for r in picker.model.rows()))
    picker.search.clear()
    qtbot.keyClicks(picker.search, "optique")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # takes the first match
    assert dialog.isVisible()  # Return chose the employer, it did not press OK
    assert picker.current_name() == "Optique Comédie"
    assert picker.chosen.text().startswith("Choisi : Optique Comédie")

    qtbot.keyClicks(dialog.title, "Vendeur opticien")
    dialog.rome.set_code("D1214")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = offers.list_offers(database, cohort_id=cohort_id,
                                  employer_id=picker.employer_id())
    new = next(o for o in saved if o.title == "Vendeur opticien")
    assert (new.employer_name, new.rome_code, new.received_on) == (
        "Optique Comédie", "D1214", date(2010, 12, 31))  # the demo's day, not today

    # Editing the offer shows its employer already chosen.
    tab.select_in(tab.offer_view, tab.offer_model, lambda r: r.id == new.id)
    qtbot.mouseClick(tab.edit_offer_button, Qt.MouseButton.LeftButton)
    assert tab.dialog.employer.employer_id() == picker.employer_id()
    tab.dialog.reject()


def test_picker_shows_a_bounded_number_of_matches(
    qtbot: QtBot, db: Database, translated: None
) -> None:
    for number in range(RESULT_LIMIT + 5):
        employers.create_employer(db, employers.EmployerDraft(
            name=f"Boulangerie {number:03d}", city="Sète",
        ))
    employers.create_employer(db, employers.EmployerDraft(name="Pharmacie Sétoise", city="Sète"))
    picker = EmployerPicker(db)
    qtbot.addWidget(picker)
    assert picker.model.rowCount() == RESULT_LIMIT  # only the first ones, by name
    assert picker.model.row_at(0).name == "Boulangerie 000"
    picker.search.setText("setoise")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    assert picker.employer_id() is None  # nothing chosen until the coach picks
    picker.results.setCurrentIndex(picker.model.index(0))
    assert picker.current_name() == "Pharmacie Sétoise"
    picker.search.setText("zzz")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 0)
    assert picker.current_name() == "Pharmacie Sétoise"  # the choice stays
