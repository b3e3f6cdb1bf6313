"""Duplicates by hand, through the Cohorte tab's own widgets: « Nouveau participant » checks
the file as the contact import checks a row (and says so before anything is saved), offers to
open the existing file, and two files of one person are merged into one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from coachdesk.models import AuditEvent, Outreach, Participant
from coachdesk.services.recruitment import record_call
from coachdesk.ui.cohort.duplicates import DuplicateWarning, MergeDialog
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.cohort.tab import CohortTab
from coachdesk.ui.widgets import messages
from tests.ui import cohort_support
from tests.ui.cohort_support import person_id

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows


def _people(database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(Participant)) or 0)


def _new_file(qtbot: QtBot, tab: CohortTab, last: str, first: str, phone: str,
              email: str) -> ParticipantFileDialog:
    tab.buttons["new"].click()
    dialog = tab.dialog
    assert isinstance(dialog, ParticipantFileDialog) and dialog.isVisible()
    dialog.last_name.setText(last)
    dialog.first_name.setText(first)
    dialog.phone.setText(phone)
    dialog.email.setText(email)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    return dialog


def _tab(qtbot: QtBot, database, cohort_id: str) -> CohortTab:
    tab = CohortTab(database)
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    tab.set_cohort(cohort_id)
    return tab


def test_a_new_file_of_someone_listed_offers_the_existing_file(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    tab = _tab(qtbot, database, cohort_id)
    # « LEFÈVRE Élodie » is listed with elodie@exemple.fr; typed again without accents, with
    # the e-mail in capitals and an impossible phone.
    dialog = _new_file(qtbot, tab, "Lefevre", "Elodie", "12", "ÉLODIE@exemple.fr")
    warning = dialog.warning
    assert isinstance(warning, DuplicateWarning) and warning.isVisible()
    assert warning.windowTitle() == "Vérifier avant d'enregistrer"
    model = warning.model
    assert [[model.data(model.index(0, c)) for c in range(4)]] == [
        ["LEFÈVRE Élodie", "", "Promotion 2010", "mêmes nom, prénom et courriel"]]
    assert warning.problems.text() == "Le téléphone « 12 » n'est pas un numéro valide."
    assert (warning.open_button.text(), warning.save_button.text(),
            warning.back_button.text()) == (
        "Ouvrir la fiche existante", "Enregistrer quand même", "Revenir à la fiche")
    assert warning.open_button.isVisible() and warning.open_button.isDefault()
    assert _people(database) == 4  # nothing saved yet

    warning.open_button.click()
    assert not warning.isVisible() and not dialog.isVisible()
    opened = tab.dialog
    assert isinstance(opened, ParticipantFileDialog) and opened is not dialog
    assert opened.participant_id == person_id(database, "LEFÈVRE")
    assert opened.windowTitle() == "Fiche de LEFÈVRE Élodie"
    assert _people(database) == 4


def test_back_to_the_form_saves_nothing_and_a_clean_file_saves_at_once(
    qtbot: QtBot, cohort
) -> None:
    database, cohort_id = cohort
    tab = _tab(qtbot, database, cohort_id)
    dialog = _new_file(qtbot, tab, "Azema", "Manon", "06 12 00 00 01", "manon@")
    warning = dialog.warning
    assert isinstance(warning, DuplicateWarning)
    assert not warning.open_button.isVisible()  # nobody listed like her
    assert warning.problems.text() == (
        "L'adresse « manon@ » n'est pas une adresse de courriel valide.")
    assert warning.back_button.isDefault()
    warning.back_button.click()
    assert dialog.isVisible() and _people(database) == 4
    # Corrected, the file saves without a word.
    dialog.email.setText("manon.azema@exemple.fr")
    dialog.warning = None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.warning is None and not dialog.isVisible()
    assert _people(database) == 5


def test_saved_anyway_then_merged_into_one_file(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    tab = _tab(qtbot, database, cohort_id)
    dialog = _new_file(qtbot, tab, "Lefevre", "Elodie", "0611111111", "elodie@exemple.fr")
    assert isinstance(dialog.warning, DuplicateWarning)
    dialog.warning.save_button.click()
    assert not dialog.isVisible()
    assert _people(database) == 5
    second = str(dialog.participant_id)
    record_call(database, second, "interesse", date(2010, 2, 20))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5)

    # Merge needs two files selected: said, not greyed out.
    tab.buttons["merge"].click()
    assert messages.last_messages[-1].text.startswith(
        "Sélectionnez dans la liste les deux fiches de la même personne")
    tab.search.setText("lefevre")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    for row in range(2):
        tab.view.selectionModel().select(
            tab.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    tab.buttons["merge"].click()
    merge = tab.dialog
    assert isinstance(merge, MergeDialog) and merge.isVisible()
    assert merge.windowTitle() == "Fusionner deux fiches"
    names = {merge.findChild(QLabel, f"side{c}Row1").text() for c in (1, 2)}
    assert names == {"LEFÈVRE Élodie", "LEFEVRE Elodie"}
    records = {merge.findChild(QLabel, f"side{c}Row1").text():
               merge.findChild(QLabel, f"side{c}Row7").text() for c in (1, 2)}
    assert records == {"LEFÈVRE Élodie": "0 saisie", "LEFEVRE Elodie": "1 saisie"}
    # The coach keeps the first file, the one listed by the university.
    first = person_id(database, "LEFÈVRE")
    keep = next(c for c in (1, 2)
                if merge.findChild(QLabel, f"side{c}Row1").text() == "LEFÈVRE Élodie")
    merge.keep_buttons.button(keep - 1).click()
    assert merge.kept_and_merged() == (first, second)
    merge.merge_button.click()

    assert not merge.isVisible()
    assert messages.last_messages[-1].text == (
        "Les deux fiches n'en font plus qu'une : 1 saisie de l'autre fiche appartient à la "
        "fiche gardée.")
    assert _people(database) == 4
    with database.read() as session:
        assert set(session.scalars(select(Outreach.participant_id))) == {first}
        detail = session.scalar(select(AuditEvent.detail)
                                .where(AuditEvent.action == "participant_merge"))
    assert detail == f"Fiche {second} fusionnée dans la fiche {first}"
    # The list shows it at once: one Élodie left.
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.row_at(0).id == first
