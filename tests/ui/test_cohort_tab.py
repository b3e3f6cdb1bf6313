"""The Cohorte list as a coach uses it: search as you type, filter, sort, create, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Participant
from coachdesk.services.cohorts import cohort_choices
from coachdesk.services.contact_import.importer import import_contacts
from coachdesk.services.recruitment import schedule_selection_interview
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.cohort.tab import CohortTab
from coachdesk.ui.widgets import messages
from tests.ui import cohort_support
from tests.ui.cohort_support import person_id

# The shared fixtures of the Cohorte screens.
cohort, french = cohort_support.cohort, cohort_support.french

# Showing a window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_tab(qtbot: QtBot, database: Database, cohort_id: str) -> CohortTab:
    tab = CohortTab(database)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_cohort(cohort_id)
    return tab


def shown_names(tab: CohortTab) -> list[str]:
    """The last names of the rows shown, as typed (the column shows them in capitals)."""
    return [getattr(tab.model.whole_row(row), "last_name", "")
            for row in range(tab.model.rowCount())]


def search(qtbot: QtBot, tab: CohortTab, text: str) -> None:
    tab.search.setText(text)
    qtbot.waitUntil(lambda: not tab._debounce.isActive())


def test_search_as_you_type_ignores_accents_case_and_phone_spacing(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    tab = make_tab(qtbot, database, cohort_id)
    assert tab.model.rowCount() == 4
    assert tab.count_label.text().startswith("4 participants affichés sur 4 — Contact : 4")
    assert "à partir de 2 caractères" in tab.search_hint.text()
    qtbot.keyClicks(tab.search, "lefevre")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert shown_names(tab) == ["LEFÈVRE"]
    search(qtbot, tab, "ELODIE")
    assert shown_names(tab) == ["LEFÈVRE"]
    # One character is too broad to filter: everyone stays, as the hint says.
    search(qtbot, tab, "e")
    assert tab.model.rowCount() == 4
    search(qtbot, tab, "06 12.34")
    assert shown_names(tab) == ["LEFÈVRE"]
    search(qtbot, tab, "chloe@exemple")
    assert shown_names(tab) == ["N'Guyen"]
    search(qtbot, tab, "théo dub")
    assert shown_names(tab) == ["Dubois"]
    assert tab.count_label.text().startswith("1 participant affiché sur 4")


def test_stage_filter_and_sort(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    from datetime import date

    schedule_selection_interview(database, person_id(database, "Martin"), date(2010, 3, 1))
    tab = make_tab(qtbot, database, cohort_id)
    assert "Entretien de sélection : 1" in tab.count_label.text()
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findText("Entretien de sélection"))
    assert shown_names(tab) == ["Martin"]
    tab.stage_filter.setCurrentIndex(0)
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(tab) == ["N'Guyen", "Martin", "LEFÈVRE", "Dubois"]
    tab.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert shown_names(tab)[0] == "Martin"


def test_ctrl_n_creates_a_participant_in_one_go(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    tab = make_tab(qtbot, database, cohort_id)
    tab.create_new()
    dialog = tab.dialog
    assert isinstance(dialog, ParticipantFileDialog)
    assert dialog.windowTitle() == "Nouveau participant"
    dialog.last_name.setText("  Garcia ")
    dialog.first_name.setText("Inès")
    dialog.phone.setText("0611223344")
    dialog.save()
    assert not dialog.isVisible()
    with database.read() as session:
        row = session.execute(
            select(Participant.last_name, Participant.phone, Participant.cohort_id)
            .where(Participant.first_name == "Inès")
        ).one()
    assert tuple(row) == ("Garcia", "06 11 22 33 44", cohort_id)
    assert "Garcia" in shown_names(tab)


def test_delete_from_the_list_asks_first(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    tab = make_tab(qtbot, database, cohort_id)
    search(qtbot, tab, "martin")
    tab.view.selectionModel().select(
        tab.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    tab.delete_selected()
    assert messages.last_messages[-1].kind == "question"
    assert "MARTIN Lucas" in messages.last_messages[-1].text
    with database.read() as session:
        gone = session.scalar(select(Participant.id).where(Participant.last_name == "Martin"))
    assert gone is None
    assert tab.model.rowCount() == 0
    assert tab.count_label.text().startswith("0 participant affiché sur 3")


def test_counts_are_written_as_a_french_reader_reads_them(
        qtbot: QtBot, db: Database, tmp_path: Path, french: None) -> None:
    """From an empty database, 1,234 contacts imported (as the wizard and the command line do):
    « 1 234 participants affichés sur 1 234 », grouped with a narrow no-break space."""
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("Nom;Prénom;Téléphone\n" + "".join(
        f"Nom{number};Prénom{number};06{number:08d}\n" for number in range(1234)),
        encoding="utf-8")
    report = import_contacts(db, contacts, cohort="Promotion 2010", today=date(2010, 2, 1))
    assert report.imported == 1234
    tab = make_tab(qtbot, db, cohort_choices(db)[0].id)
    assert tab.count_label.text() == (
        "1\u202f234 participants affichés sur 1\u202f234 — Contact : 1\u202f234")
    search(qtbot, tab, "Nom12")  # Nom12, Nom120…Nom129, Nom1200…Nom1233
    assert tab.count_label.text().startswith("45 participants affichés sur 1\u202f234")
