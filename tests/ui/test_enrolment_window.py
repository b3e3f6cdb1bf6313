"""Provisional enrolment from the window, as a coach does it on a new database: select people in
the Bilan list, « Inscrire provisoirement… », a date, OK; the deadline and days left in the list
and in the person's file; the place lapsing on the day after the deadline; a deadline moved;
the solution recorded; the agenda's D-15 and D-7."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import Enrolment, Outcome
from coachdesk.services import bilan
from coachdesk.services.enrolment import enrol
from coachdesk.services.participants import ParticipantData, create_participant
from coachdesk.ui.bilan.tab import BilanTab
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.dashboard.agenda_panel import AgendaPanel
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.enrolment import EnrolDialog, SolutionDialog
from tests import builders as b

# The offscreen platform cannot pass a window's size hints on; harmless, logged on every dialog.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

D = date
PROMOTION_DEADLINE = D(2010, 7, 15)


@pytest.fixture
def french(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    translators = install_translators(qapp)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def programme(tmp_path: Path, home: Path) -> Iterator[tuple[Database, str, dict[str, str]]]:
    """A new database: a promotion (deadline 15/07/2010), a bilan group of four young people,
    and an adult joining the training directly."""
    database = open_database(tmp_path / "coach.sqlite3")
    cohort = b.cohort(database, "Promotion 2010", D(2010, 5, 26),
                      training_title="Assistant de gestion de PME",
                      enrolment_deadline=PROMOTION_DEADLINE)
    people = {
        first: create_participant(database, cohort, ParticipantData(last, first, is_adult=adult),
                                  listed_on=D(2010, 2, 1))
        for last, first, adult in (("Durand", "Ana", False), ("Martin", "Bruno", False),
                                   ("Petit", "Chloé", False), ("Roux", "Dan", False),
                                   ("Vidal", "Ève", True))
    }
    group = bilan.create_group(database, cohort_id=cohort, name="Printemps 2010",
                               start_date=D(2010, 3, 22), end_date=D(2010, 5, 5))
    for first in ("Ana", "Bruno", "Chloé", "Dan"):
        bilan.add_member(database, group, people[first], D(2010, 3, 22))
    yield database, cohort, people
    database.dispose()


@pytest.fixture
def tab(qtbot: QtBot, programme: tuple[Database, str, dict[str, str]], french: None) -> BilanTab:
    database, cohort, _people = programme
    widget = BilanTab(database)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.set_cohort(cohort)
    widget.show()
    widget.enrolment_bar.set_today(D(2010, 5, 20))
    return widget


def row_of(tab: BilanTab, name: str) -> int:
    return next(number for number, row in enumerate(tab.model.rows()) if row.name == name)


def click_row(qtbot: QtBot, tab: BilanTab, name: str, *, add: bool = False) -> None:
    """Click a person's line in the list; with ``add``, Ctrl+click adds it to the selection."""
    index = tab.model.index(row_of(tab, name), 0)
    modifier = (Qt.KeyboardModifier.ControlModifier if add
                else Qt.KeyboardModifier.NoModifier)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     tab.view.visualRect(index).center())


def shown(tab: BilanTab, name: str) -> tuple[str, str, str]:
    row = row_of(tab, name)
    return tuple(tab.model.index(row, column).data() for column in (1, 2, 3))  # type: ignore[return-value]


def test_enrol_a_selection_from_the_bilan_list(
    qtbot: QtBot, tab: BilanTab, programme: tuple[Database, str, dict[str, str]]
) -> None:
    database, _cohort, people = programme
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Participant·e", "Inscription", "Date limite", "Jours restants"]
    assert shown(tab, "DURAND Ana") == ("", "", "")
    bar = tab.enrolment_bar
    assert not bar.enrol_action.isEnabled()  # nothing selected yet, and the button says why
    assert bar.buttons[0].toolTip() == ("Sélectionnez d'abord des personnes dans la liste "
                                        "(Ctrl+clic ou Maj+clic pour plusieurs).")
    # Ana, Bruno and Chloé: a click, then Ctrl+clicks.
    click_row(qtbot, tab, "DURAND Ana")
    click_row(qtbot, tab, "MARTIN Bruno", add=True)
    click_row(qtbot, tab, "PETIT Chloé", add=True)
    assert [row.name for row in tab.selected_rows()] == ["DURAND Ana", "MARTIN Bruno",
                                                        "PETIT Chloé"]
    assert bar.enrol_action.isEnabled() and not bar.deadline_action.isEnabled()
    # The list's context menu holds the same actions as the buttons.
    assert [action.text() for action in tab.view.actions()] == [
        "Inscrire provisoirement…", "Date limite…", "Solution…"]
    qtbot.mouseClick(bar.buttons[0], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, EnrolDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Inscription provisoire à la formation"
    assert dialog.promotion_label.text() == "Promotion 2010"
    assert dialog.deadline.promotion.text() == "Celle de la promotion : 15/07/2010"
    assert dialog.deadline.promotion.isChecked()
    # The training starts on 26/05: that is the day offered.
    assert dialog.enrolled_on.date() == QDate(2010, 5, 26)
    dialog.enrolled_on.setDate(QDate(2010, 5, 27))
    assert [dialog.people.item(i).text() for i in range(3)] == [
        "✔ DURAND Ana — date limite le 15/07/2010",
        "✔ MARTIN Bruno — date limite le 15/07/2010",
        "✔ PETIT Chloé — date limite le 15/07/2010",
    ]
    assert dialog.summary.text() == "3 personnes seront inscrites."
    assert dialog.ok_button.text() == "Inscrire (3)"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with database.read() as session:
        rows = session.execute(select(Enrolment.participant_id, Enrolment.enrolled_on,
                                      Enrolment.deadline_override)).all()
    assert sorted(rows) == sorted((people[p], D(2010, 5, 27), None)
                                  for p in ("Ana", "Bruno", "Chloé"))
    # The list shows each place, its deadline and the days left (on 20/05), selection kept.
    assert shown(tab, "DURAND Ana") == ("Provisoire", "15/07/2010", "56")
    assert shown(tab, "ROUX Dan") == ("", "", "")
    assert len(tab.selected_rows()) == 3
    assert bar.summary.text() == ("Inscriptions : 3 provisoire(s) (0 proche(s) de la date "
                                  "limite), 0 confirmée(s), 0 caduque(s) sans solution")
    # Ana again, with Dan: Ana is refused with her reason, Dan alone is enrolled.
    click_row(qtbot, tab, "DURAND Ana")
    click_row(qtbot, tab, "ROUX Dan", add=True)
    bar.enrol_action.trigger()  # from the context menu
    dialog = tab.dialog
    assert isinstance(dialog, EnrolDialog)
    assert dialog.people.item(0).text() == (
        "✘ DURAND Ana est déjà inscrit·e à la formation depuis le 27/05/2010 : changez sa date "
        "limite plutôt que de l'inscrire à nouveau.")
    assert dialog.summary.text() == ("1 personne sera inscrite. 1 ne peut pas l'être (voir "
                                     "pourquoi ci-dessus).")
    # A date after the deadline: nobody can be, OK is greyed out and says why.
    dialog.enrolled_on.setDate(QDate(2010, 7, 20))
    assert not dialog.ok_button.isEnabled()
    assert dialog.people.item(1).text() == (
        "✘ La date limite de ROUX Dan (15/07/2010) précède son inscription du 20/07/2010 : "
        "choisissez une date limite plus tardive.")
    # A deadline of his own makes it possible.
    dialog.deadline.own.setChecked(True)
    dialog.deadline.date.setDate(QDate(2010, 9, 30))
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "Inscrire (1)"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with database.read() as session:
        dan = session.execute(select(Enrolment.enrolled_on, Enrolment.deadline_override)
                              .where(Enrolment.participant_id == people["Dan"])).one()
    assert tuple(dan) == (D(2010, 7, 20), D(2010, 9, 30))
    assert shown(tab, "ROUX Dan") == ("Provisoire", "30/09/2010", "133")
    # Only enrolled people selected: nothing left to enrol.
    click_row(qtbot, tab, "DURAND Ana")
    assert not bar.enrol_action.isEnabled() and bar.deadline_action.isEnabled()
    assert bar.buttons[0].toolTip() == ("Toutes les personnes sélectionnées sont déjà "
                                        "inscrites : changez plutôt leur date limite.")


def test_the_place_lapses_the_day_after_the_deadline_then_its_solution(
    qtbot: QtBot, tab: BilanTab, programme: tuple[Database, str, dict[str, str]]
) -> None:
    database, _cohort, people = programme
    enrol(database, [people["Ana"], people["Bruno"], people["Chloé"]], D(2010, 5, 26))
    bar = tab.enrolment_bar
    bar.set_today(D(2010, 7, 8))
    assert shown(tab, "MARTIN Bruno") == ("Provisoire", "15/07/2010", "7")
    near = tab.model.index(row_of(tab, "MARTIN Bruno"), 3)
    assert near.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fff3d6"
    assert near.data(Qt.ItemDataRole.ToolTipRole) == (
        "Provisoire depuis le 26/05/2010. Encore 7 jour(s) pour signer un contrat : date limite "
        "le 15/07/2010, celle de la promotion.")
    # The date field of the bar: the day after the deadline, nobody signed.
    bar.as_of.setDate(QDate(2010, 7, 16))
    assert shown(tab, "MARTIN Bruno") == ("Caduque", "15/07/2010", "")
    lapsed = tab.model.index(row_of(tab, "MARTIN Bruno"), 1)
    assert lapsed.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde3e1"
    assert bar.summary.text().endswith("0 confirmée(s), 3 caduque(s) sans solution")
    # Bruno found a job outside the programme and evening classes.
    click_row(qtbot, tab, "MARTIN Bruno")
    assert bar.solution_action.isEnabled()
    qtbot.mouseClick(bar.buttons[2], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, SolutionDialog)
    assert dialog.windowTitle() == "Solution pour MARTIN Bruno"
    explanation = dialog.findChild(type(dialog.error), "solutionExplanation")
    assert explanation is not None and explanation.text() == (
        "Caduque depuis le 16/07/2010 (date limite de la promotion : 15/07/2010). L'inscription "
        "provisoire est caduque faute de contrat au 15/07/2010 : enregistrez la solution "
        "trouvée.")
    assert [check.text() for check in dialog.kinds.values()][:3] == [
        "Emploi hors dispositif", "Cours du soir", "Accompagnement poursuivi"]
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing ticked
    assert dialog.isVisible() and dialog.error.text() == "Cochez au moins une solution trouvée."
    dialog.kinds["emploi_hors_dispositif"].setChecked(True)
    dialog.kinds["cours_du_soir"].setChecked(True)
    dialog.on.setDate(QDate(2010, 9, 13))
    dialog.notes.setPlainText("Employé administratif ; le Cnam en cours du soir.")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with database.read() as session:
        outcomes = session.execute(select(Outcome.kind, Outcome.recorded_on)
                                   .where(Outcome.participant_id == people["Bruno"])).all()
    assert sorted(outcomes) == [("cours_du_soir", D(2010, 9, 13)),
                                ("emploi_hors_dispositif", D(2010, 9, 13))]
    bar.set_today(D(2010, 9, 20))
    assert bar.summary.text().endswith("2 caduque(s) sans solution")
    assert tab.model.index(row_of(tab, "MARTIN Bruno"), 1).data(
        Qt.ItemDataRole.BackgroundRole) is None
    # Chloé's contract is about to be signed: the coach gives her until 30/09.
    click_row(qtbot, tab, "PETIT Chloé")
    bar.deadline_action.trigger()
    dialog = tab.dialog
    dialog.deadline.own.setChecked(True)
    dialog.deadline.date.setDate(QDate(2010, 9, 30))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert shown(tab, "PETIT Chloé") == ("Provisoire", "30/09/2010", "10")


def test_the_participant_file_shows_and_enrols(
    qtbot: QtBot, programme: tuple[Database, str, dict[str, str]], french: None
) -> None:
    database, cohort, people = programme
    file = ParticipantFileDialog(database, cohort, people["Ève"])
    qtbot.addWidget(file)
    file.set_today(D(2010, 5, 20))
    file.show()
    assert file.enrolment_box.title() == "Inscription à la formation"
    assert file.enrolment_label.text() == "Pas inscrit·e à la formation."
    assert file.enrol_button.isVisible() and not file.solution_button.isVisible()
    changes: list[bool] = []
    file.changed.connect(lambda: changes.append(True))
    # Ève is an adult: not in the bilan, she may join the training directly.
    qtbot.mouseClick(file.enrol_button, Qt.MouseButton.LeftButton)
    dialog = file.enrolment_dialog
    assert isinstance(dialog, EnrolDialog)
    assert dialog.people.item(0).text() == "✔ VIDAL Ève — date limite le 15/07/2010"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert changes == [True]
    assert file.enrolment_label.text() == (
        "Provisoire depuis le 26/05/2010. Encore 56 jour(s) pour signer un contrat : date "
        "limite le 15/07/2010, celle de la promotion.")
    assert not file.enrol_button.isVisible() and file.solution_button.isVisible()
    file.set_today(D(2010, 8, 2))
    assert file.enrolment_label.text().startswith(
        "Caduque depuis le 16/07/2010 (date limite de la promotion : 15/07/2010).")
    timeline = [(file.timeline.index(r, 0).data(), file.timeline.index(r, 1).data())
                for r in range(file.timeline.rowCount())]
    assert ("26/05/2010", "Inscription provisoire à la formation") in timeline
    assert ("16/07/2010", "Inscription caduque") in timeline
    # What the coach typed in the file stays while the enrolment changes.
    file.city.setText("Sète")
    qtbot.mouseClick(file.solution_button, Qt.MouseButton.LeftButton)
    solution = file.enrolment_dialog
    assert isinstance(solution, SolutionDialog)
    assert solution.on.date() == QDate(2010, 8, 2)
    solution.kinds["accompagnement_poursuivi"].setChecked(True)
    qtbot.mouseClick(solution.ok_button, Qt.MouseButton.LeftButton)
    assert file.enrolment_label.text() == (
        "Caduque depuis le 16/07/2010 (date limite de la promotion : 15/07/2010). Solution : "
        "Accompagnement poursuivi.")
    assert file.city.text() == "Sète"
    # A young person who never came to the bilan cannot be enrolled: the dialog says why.
    newcomer = create_participant(database, cohort, ParticipantData("Blanc", "Lou"),
                                  listed_on=D(2010, 6, 1))
    other = ParticipantFileDialog(database, cohort, newcomer)
    qtbot.addWidget(other)
    other.set_today(D(2010, 6, 2))
    other.enrol_button.click()
    refused = other.enrolment_dialog
    assert isinstance(refused, EnrolDialog) and not refused.ok_button.isEnabled()
    assert refused.people.item(0).text().startswith(
        "✘ BLANC Lou n'est pas dans le bilan de la promotion « Promotion 2010 »")


def test_the_agenda_panel_warns_at_d15_and_d7(
    qtbot: QtBot, programme: tuple[Database, str, dict[str, str]], french: None
) -> None:
    database, cohort, people = programme
    enrol(database, [people["Ana"], people["Bruno"]], D(2010, 5, 26))
    employer = b.employer(database, "Optique Comédie")
    b.contract(database, people["Ana"], employer, D(2010, 7, 5), signed_on=D(2010, 7, 2),
               end_date=D(2011, 5, 31))
    panel = AgendaPanel(database)
    qtbot.addWidget(panel)
    panel.set_cohort(cohort)
    panel.show()
    panel.show_week(D(2010, 6, 30))
    deadlines = [(i.day, i.participant, i.detail) for i in panel.items()
                 if i.kind == "enrolment_deadline"]
    assert deadlines == [
        (D(2010, 6, 30), "DURAND Ana", "Plus que 15 jours pour signer un contrat : l'inscription "
                                       "provisoire devient caduque après le 15/07/2010."),
        (D(2010, 6, 30), "MARTIN Bruno", "Plus que 15 jours pour signer un contrat : "
                                         "l'inscription provisoire devient caduque après le "
                                         "15/07/2010."),
    ]
    # Ana signed on 02/07: at D-7 only Bruno is still waiting.
    panel.show_week(D(2010, 7, 8))
    assert [(i.day, i.participant) for i in panel.items() if i.kind == "enrolment_deadline"] == [
        (D(2010, 7, 8), "MARTIN Bruno")]
    row = next(r for r, item in enumerate(panel.items()) if item.kind == "enrolment_deadline")
    assert panel.model.index(row, 1).data() == "Date limite d'inscription"


def test_bilan_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, tab: BilanTab, programme: tuple[Database, str, dict[str, str]]
) -> None:
    database, _cohort, people = programme
    enrol(database, [people["Bruno"]], D(2010, 5, 26))
    tab.enrolment_bar.set_today(D(2010, 7, 16))
    qtmodeltester.check(tab.model)
    tab.model.sort(1, Qt.SortOrder.AscendingOrder)  # by enrolment: the not enrolled last
    assert tab.model.row_at(0).name == "MARTIN Bruno"
    qtmodeltester.check(tab.model)


def test_the_list_and_the_file_read_the_places_on_the_databases_day(
    qtbot: QtBot, programme: tuple[Database, str, dict[str, str]], french: None
) -> None:
    """A database living on 08/07/2010 (as the demo lives on 31/12/2010) shows each place on
    that day, in the Bilan list and in the person's file, until the coach picks another."""
    from coachdesk.services.clock import set_clock

    database, cohort, people = programme
    enrol(database, [people["Bruno"]], D(2010, 5, 26))
    set_clock(database, D(2010, 7, 8))
    tab = BilanTab(database)
    qtbot.addWidget(tab)
    tab.set_cohort(cohort)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    assert tab.enrolment_bar.as_of.date() == QDate(2010, 7, 8)
    assert shown(tab, "MARTIN Bruno") == ("Provisoire", "15/07/2010", "7")
    tab.enrolment_bar.set_today(D(2010, 7, 16))
    assert shown(tab, "MARTIN Bruno") == ("Caduque", "15/07/2010", "")
    tab.reload()  # the coach's day stays chosen
    assert tab.enrolment_bar.as_of.date() == QDate(2010, 7, 16)
    dialog = ParticipantFileDialog(database, cohort, people["Bruno"])
    qtbot.addWidget(dialog)
    assert dialog.today == D(2010, 7, 8)
    assert dialog.enrolment_label.text() == (
        "Provisoire depuis le 26/05/2010. Encore 7 jour(s) pour signer un contrat : date limite "
        "le 15/07/2010, celle de la promotion.")
