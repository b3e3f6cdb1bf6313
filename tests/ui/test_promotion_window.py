"""A promotion set up from the window on an empty database (Promotion ▸ New promotion…), its
coaches and training body typed on the way, the laptop's coach pre-filling « Chargé·e », then
edited, a person enrolled in a follow-on promotion, and the promotion archived."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.models import Cohort, CohortCoach, Participant, TrainingBody
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.cohort.promotion_dialogs import (
    CoachDialog,
    CoachesDialog,
    CohortDialog,
    FollowOnDialog,
    TrainingBodyDialog,
)
from tests.ui import cohort_support

french = cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, home: Path, french: None
           ) -> Iterator[tuple[MainWindow, Database]]:
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    database = open_database(tmp_path / "neuve.sqlite3")
    main.attach_database(database)
    yield main, database
    main.close()


def selector(main: MainWindow) -> list[str]:
    return [main.cohort_selector.itemText(i) for i in range(main.cohort_selector.count())]


def test_a_promotion_set_up_from_an_empty_database(qtbot: QtBot, window) -> None:
    main, database = window
    assert selector(main) == []
    # The coaches first: Claire uses this laptop.
    main.findChild(object, "coachesAction").trigger()
    coaches = main.promotion_actions.dialog
    assert isinstance(coaches, CoachesDialog) and coaches.windowTitle() == "Chargé·es"
    for name, phone in (("Claire Vidal", "0467001021"), ("Nadia Benali", "")):
        qtbot.mouseClick(coaches.findChild(object, "addCoach"), Qt.MouseButton.LeftButton)
        form = coaches.dialog
        assert isinstance(form, CoachDialog)
        form.name.setText(name)
        form.phone.setText(phone)
        form.ok_button.click()
    assert [coaches.list.item(i).text() for i in range(coaches.list.count())] == [
        "Claire Vidal — 04 67 00 10 21", "Nadia Benali"]
    coaches.laptop.setCurrentIndex(coaches.laptop.findText("Claire Vidal"))
    coaches.accept()

    main.findChild(object, "newCohortAction").trigger()
    dialog = main.findChild(CohortDialog, "cohortDialog")
    assert isinstance(dialog, CohortDialog) and dialog.windowTitle() == "Nouvelle promotion"
    # The laptop's coach is already ticked among the coaches in charge.
    assert dialog.checked_coaches() and dialog.coaches.item(0).text() == "Claire Vidal"
    dialog.name.setText("Promotion 2011 — Assistant de gestion")
    dialog.training_title.setText("Certificat professionnel Assistant de gestion de PME")
    qtbot.mouseClick(dialog.findChild(object, "newTrainingBody"), Qt.MouseButton.LeftButton)
    body = dialog.findChild(TrainingBodyDialog)
    body.name.setText("Cnam Languedoc-Roussillon")
    body.uai.setText("0341234A")  # a wrong key letter
    body.ok_button.click()
    assert body.isVisible() and body.error.text().startswith("UAI « 0341234A »")
    body.uai.setText("0341234G")
    body.ok_button.click()
    assert dialog.training_body.currentText() == "Cnam Languedoc-Roussillon"
    dialog.bilan_start.setDate(QDate(2011, 3, 21))
    dialog.bilan_end.setDate(QDate(2011, 5, 4))
    dialog.start.setDate(QDate(2011, 5, 25))
    dialog.end.setDate(QDate(2011, 4, 30))  # before the start
    dialog.deadline.setDate(QDate(2011, 7, 15))
    dialog.target_size.setValue(15)
    dialog.coaches.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "La formation ne peut pas finir avant d'avoir commencé.\n" \
        "Vérifiez les dates de début et de fin de la formation (JJ/MM/AAAA)."
    dialog.end.setDate(QDate(2012, 4, 30))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert selector(main) == ["Promotion 2011 — Assistant de gestion"]
    with database.read() as session:
        cohort = session.scalars(select(Cohort)).one()
        assert (cohort.bilan_start_date, cohort.end_date, cohort.enrolment_deadline,
                cohort.target_size, cohort.visit_interval_weeks) == (
            date(2011, 3, 21), date(2012, 4, 30), date(2011, 7, 15), 15, 6)
        assert session.scalar(select(TrainingBody.uai)) == "0341234G"
        assert len(session.scalars(select(CohortCoach)).all()) == 2

    # A new person's « Chargé·e » is this laptop's coach.
    file = ParticipantFileDialog(database, main.current_cohort_id() or "")
    qtbot.addWidget(file)
    assert file.coach.currentText() == "Claire Vidal"

    # The set-up, edited.
    main.findChild(object, "editCohortAction").trigger()
    edit = main.promotion_actions.dialog
    assert isinstance(edit, CohortDialog) and edit.windowTitle() == "Paramètres de la promotion"
    assert edit.name.text() == "Promotion 2011 — Assistant de gestion"
    assert edit.target_size.value() == 15 and len(edit.checked_coaches()) == 2
    edit.visit_interval.setValue(4)
    edit.ok_button.click()
    with database.read() as session:
        assert session.scalar(select(Cohort.visit_interval_weeks)) == 4

    main.findChild(object, "archiveCohortAction").trigger()
    assert cohort_support.messages.last_messages[-1].title == "Archiver la promotion"
    assert selector(main) == []
    with database.read() as session:
        assert session.scalar(select(Cohort.archived_at)) is not None
    # Shown with the archived ones, then brought back.
    main.findChild(object, "showArchivedAction").setChecked(True)
    assert selector(main) == ["Promotion 2011 — Assistant de gestion (archivée)"]
    main.findChild(object, "archiveCohortAction").trigger()
    main.findChild(object, "showArchivedAction").setChecked(False)
    assert selector(main) == ["Promotion 2011 — Assistant de gestion"]


def test_a_person_joins_next_years_promotion_from_their_file(qtbot: QtBot, window) -> None:
    from tests import builders as b

    main, database = window
    first = b.cohort(database, "Promotion 2010", date(2010, 5, 26))
    b.cohort(database, "Promotion 2011", date(2011, 5, 25))
    person = b.person(database, first, "Azéma", "Manon", phone="0612345678")
    main.refresh_cohorts(select=first)
    assert selector(main) == ["Promotion 2011", "Promotion 2010"]
    assert main.current_cohort_id() == first
    file = ParticipantFileDialog(database, first, person)
    qtbot.addWidget(file)
    file.show()
    qtbot.mouseClick(file.follow_on_button, Qt.MouseButton.LeftButton)
    dialog = file.follow_on
    assert isinstance(dialog, FollowOnDialog)
    assert [dialog.target.itemText(i) for i in range(dialog.target.count())] == [
        "Promotion 2011"]
    assert dialog.copy_file.isChecked()
    dialog.ok_button.click()
    assert not file.isVisible()
    with database.read() as session:
        rows = session.execute(select(Participant.cohort_id, Participant.follows_from_id,
                                      Participant.phone).order_by(Participant.listed_on)).all()
    assert len(rows) == 2
    assert rows[0] == (first, None, "06 12 34 56 78")
    assert rows[1].follows_from_id == person and rows[1].phone == "06 12 34 56 78"
    QApplication.processEvents()


def test_a_coach_who_left_stays_in_charge_until_unticked(qtbot: QtBot, window) -> None:
    from coachdesk.services import cohorts
    from coachdesk.services.coaches import CoachDraft, archive_coach, create_coach

    _main, database = window
    julien = create_coach(database, CoachDraft("Julien Roux"))
    claire = create_coach(database, CoachDraft("Claire Vidal"))
    cohort_id = cohorts.create_cohort(database, cohorts.CohortDraft(
        "Promotion 2010", date(2010, 5, 26), coach_ids=(julien, claire)))
    archive_coach(database, julien)
    dialog = CohortDialog(database, cohort_id)
    qtbot.addWidget(dialog)
    assert [dialog.coaches.item(i).text() for i in range(dialog.coaches.count())] == [
        "Claire Vidal", "Julien Roux"]
    dialog.ok_button.click()
    assert cohorts.get_cohort(database, cohort_id).coaches == ("Claire Vidal", "Julien Roux")
    # Not offered to a new promotion.
    fresh = CohortDialog(database)
    qtbot.addWidget(fresh)
    assert [fresh.coaches.item(i).text() for i in range(fresh.coaches.count())] == [
        "Claire Vidal"]
