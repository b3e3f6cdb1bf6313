"""A coach's year replayed from an empty database through the window's own dialogs only: the
promotion, the contacts imported from a workbook, the calls, the information session, the
selection, the bilan, the employer and the offer, the referral and its interview, the provisional
enrolment and its lapse, the contract, a visit, a rupture and its outcome. The funnel the command
line then reports is the one this year implies, written below as plain numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.services.clock import set_clock
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.cohort.promotion_dialogs import CohortDialog
from coachdesk.ui.widgets import background, messages

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows

# Six contacts, sorted by name as every list shows them.
CONTACTS = [
    ("ARNAUD", "Léa", date(1991, 4, 2), "0611111111", "lea.arnaud@exemple.fr"),
    ("BLANC", "Hugo", date(1990, 9, 17), "0622222222", "hugo.blanc@exemple.fr"),
    ("COSTE", "Inès", date(1992, 1, 23), "0633333333", "ines.coste@exemple.fr"),
    ("DURAND", "Théo", date(1991, 6, 5), "0644444444", "theo.durand@exemple.fr"),
    ("ESTÈVE", "Manon", date(1990, 11, 30), "0655555555", "manon.esteve@exemple.fr"),
    ("FABRE", "Nathan", date(1992, 3, 8), "0666666666", "nathan.fabre@exemple.fr"),
]


@pytest.fixture
def window(qtbot: QtBot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[tuple[MainWindow, Database]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    monkeypatch.setattr(background, "run_in_process", False)
    database = open_database(tmp_path / "annee.sqlite3")
    # The year is replayed on its own days: the database lives on the day the coach works.
    set_clock(database, date(2011, 2, 1))
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 760)
    main.show()
    main.attach_database(database)
    yield main, database
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def button(parent, text: str) -> QAbstractButton:  # type: ignore[no-untyped-def]
    """The visible button of ``parent`` whose French label is ``text``."""
    found = [b for b in parent.findChildren(QAbstractButton) if b.text() == text]
    assert found, (text, sorted({b.text() for b in parent.findChildren(QAbstractButton)}))
    return found[0]


def click(qtbot: QtBot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(qtbot: QtBot, box) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def write_contacts(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Prénom", "Date de naissance", "Téléphone", "Courriel"])
    for last, first, born, phone, email in CONTACTS:
        sheet.append([last, first, born.strftime("%d/%m/%Y"), phone, email])
    book.save(path)


def funnel(path: Path, as_of: str) -> dict[str, int]:
    result = subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(path), "report", "funnel", "--json",
         "--as-of", as_of],
        capture_output=True, text=True, env=dict(os.environ), timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_year_replayed_through_the_window(
    qtbot: QtBot, window: tuple[MainWindow, Database], tmp_path: Path
) -> None:
    main, database = window

    # 1. The promotion (Promotion ▸ Nouvelle promotion…).
    main.findChild(object, "newCohortAction").trigger()
    dialog = main.findChild(CohortDialog, "cohortDialog")
    assert isinstance(dialog, CohortDialog) and dialog.windowTitle() == "Nouvelle promotion"
    dialog.name.setText("Promotion 2011")
    dialog.training_title.setText("Certificat professionnel Assistant de gestion de PME")
    dialog.bilan_start.setDate(QDate(2011, 3, 21))
    dialog.bilan_end.setDate(QDate(2011, 5, 4))
    dialog.start.setDate(QDate(2011, 5, 25))
    dialog.end.setDate(QDate(2012, 4, 30))
    dialog.deadline.setDate(QDate(2011, 7, 15))
    dialog.target_size.setValue(12)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert main.cohort_selector.currentText() == "Promotion 2011"

    # 2. The contacts, from a workbook, through the import wizard.
    contacts = tmp_path / "contacts.xlsx"
    write_contacts(contacts)
    main.first_run.page.import_button.click()
    wizard = main.cohort_tab.dialog
    assert wizard is not None and wizard.isVisible()
    assert wizard.file_page.cohort.text() == "Promotion 2011"
    wizard.file_page.path.setText(str(contacts))
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.finished_, timeout=30_000)
    summary = wizard.import_page.summary.toPlainText()
    assert summary.splitlines()[0] == "6 personnes importées dans la promotion « Promotion 2011 »."
    wizard.accept()
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.tabs)
    cohort_tab = main.cohort_tab
    assert cohort_tab.count_label.text().startswith("6 participants affichés sur 6")

    # 3. The calls: four interested, two not.
    set_clock(database, date(2011, 2, 14))
    click(qtbot, cohort_tab.buttons["calls"])
    sheet = cohort_tab.dialog
    assert sheet.remaining.text() == "6 contacts à appeler"
    for expected, outcome in zip(CONTACTS, ["interesse"] * 4 + ["pas_interesse"] * 2,
                                 strict=True):
        assert sheet.name.text() == f"{expected[0]} {expected[1]}"
        click(qtbot, sheet.outcome_buttons[outcome])
    assert sheet.name.text() == "Plus personne à appeler aujourd'hui."
    sheet.close()

    # 4. The information session: four invited, three came.
    click(qtbot, cohort_tab.buttons["sessions"])
    sessions = cohort_tab.dialog
    sessions.starts_at.setDateTime(QDateTime(datetime(2011, 2, 28, 14, 0)))
    sessions.place.setText("Cnam, salle 2, Montpellier")
    sessions.capacity.setValue(10)
    click(qtbot, button(sessions, "Créer la réunion"))
    click(qtbot, sessions.invite_button)
    invite = sessions.invite_dialog
    assert invite.model.rowCount() == 4
    invite.view.selectAll()
    click(qtbot, invite.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    assert "4 invité·e·s, 0 présent·e·s" in sessions.attendance_title.text()
    for row in range(3):
        sessions.attendance_view.selectRow(row)
        click(qtbot, sessions.mark_buttons["present"])
    assert "4 invité·e·s, 3 présent·e·s" in sessions.attendance_title.text()
    sessions.close()

    # 5. The bilan group the selected will join (Bilan ▸ Nouveau groupe…).
    set_clock(database, date(2011, 3, 7))
    main.show_tab(1)
    bilan_tab = main.bilan_tab
    click(qtbot, bilan_tab.new_group_button)
    group = bilan_tab.dialog
    assert group.windowTitle() == "Nouveau groupe de bilan"
    group.name.setText("Groupe bilan printemps 2011")
    group.start.setDate(QDate(2011, 3, 21))
    group.end.setDate(QDate(2011, 5, 4))
    click(qtbot, group.ok_button)
    assert not group.isVisible()

    # 6. The selection: the three who came are seen, two are kept and join the bilan.
    main.show_tab(0)
    click(qtbot, cohort_tab.buttons["selection"])
    selection = cohort_tab.dialog
    assert [selection.candidate.itemText(i) for i in range(selection.candidate.count())] == [
        "ARNAUD Léa", "BLANC Hugo", "COSTE Inès"]
    selection.interviewer.setText("Claire Vidal")
    for _ in range(3):
        click(qtbot, button(selection, "Programmer"))
    assert selection.candidate.count() == 0
    for row, decision in ((0, "Retenu·e"), (1, "Retenu·e"), (2, "Non retenu·e")):
        selection.view.selectRow(row)
        selection.decision.setCurrentIndex(selection.decision.findText(decision))
        click(qtbot, selection.decide_button)
        if decision == "Retenu·e":
            selection.started_on.setDate(QDate(2011, 3, 21))
            click(qtbot, selection.offer_button)
            assert not selection.offer_button.isEnabled()
    # Column « En bilan »: only the two kept were offered a place.
    assert [selection.model.index(r, 4).data() for r in range(3)] == ["Oui", "Oui", ""]
    assert "Non retenu·e" in [selection.model.index(2, c).data()
                              for c in range(selection.model.columnCount())]
    selection.close()

    # 7. The bilan: both projects validated, on a job of the ROME.
    main.show_tab(1)
    bilan_tab = main.bilan_tab
    qtbot.waitUntil(lambda: bilan_tab.model.rowCount() == 2)
    for number in range(2):
        bilan_tab.view.setCurrentIndex(bilan_tab.model.index(number, 0))
        click(qtbot, bilan_tab.project_button)
        project = bilan_tab.dialog
        project.rome.search.setText("comptable")
        qtbot.waitUntil(lambda project=project: project.rome.model.rowCount() >= 1)
        first = project.rome.model.index(0)
        qtbot.mouseClick(project.rome.results.viewport(), Qt.MouseButton.LeftButton,
                         pos=project.rome.results.visualRect(first).center())
        assert project.rome.code()
        project.decision.setCurrentIndex(project.decision.findData("valide"))
        project.decided_on.setDate(QDate(2011, 5, 4))
        click(qtbot, project.ok_button)
        assert not project.isVisible()
    assert [row.project_decision for row in bilan_tab.model.rows()] == ["Validé", "Validé"]
    people = {row.name: row.participant_id for row in bilan_tab.model.rows()}

    # 8. The employer and its tutor (Employeurs ▸ Nouvel employeur…).
    set_clock(database, date(2011, 5, 9))
    main.show_tab(2)
    employers_tab = main.employers_tab
    click(qtbot, employers_tab.new_employer_button)
    employer = employers_tab.dialog
    assert employer.windowTitle() == "Nouvel employeur"
    employer.name.setText("Cabinet Vautrin Conseil")
    employer.siret.setText("73282932000074")
    employer.city.setText("Montpellier")
    click(qtbot, employer.ok_button)
    assert not employer.isVisible()
    assert employers_tab.selected_employer().name == "Cabinet Vautrin Conseil"
    click(qtbot, employers_tab.add_contact_button)
    tutor = employers_tab.dialog
    tutor.last_name.setText("Pons")
    tutor.first_name.setText("Anne")
    tick(qtbot, tutor.is_tutor)
    tutor.experience.setValue(8)
    click(qtbot, tutor.ok_button)
    assert not tutor.isVisible()

    # 9. Its offer, on the same job as the projects.
    employers_tab.pages.setCurrentIndex(1)
    click(qtbot, employers_tab.new_offer_button)
    offer = employers_tab.dialog
    assert offer.employer.current_name() == "Cabinet Vautrin Conseil"
    offer.title.setText("Assistante comptable")
    offer.rome.search.setText("comptable")
    qtbot.waitUntil(lambda: offer.rome.model.rowCount() >= 1)
    first = offer.rome.model.index(0)
    qtbot.mouseClick(offer.rome.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=offer.rome.results.visualRect(first).center())
    offer.received_on.setDate(QDate(2011, 5, 9))
    offer.hours.setValue(35)
    click(qtbot, offer.ok_button)
    assert not offer.isVisible()
    assert employers_tab.offer_model.rowCount() == 1

    # 10. The referral: Léa is proposed to the offer (mise en relation).
    employers_tab.offer_view.setCurrentIndex(employers_tab.offer_model.index(0, 0))
    click(qtbot, employers_tab.candidates_button)
    candidates = employers_tab.dialog
    names = [row.participant_id for row in candidates.model.rows()]
    assert sorted(names) == sorted(people.values())
    lea = people["ARNAUD Léa"]
    candidates.view.setCurrentIndex(candidates.model.index(names.index(lea), 0))
    candidates.proposed_on.setDate(QDate(2011, 5, 10))
    click(qtbot, candidates.ok_button)
    assert not candidates.isVisible()

    # 11. Her recruitment interview, then its outcome: kept.
    employers_tab.pages.setCurrentIndex(2)
    assert employers_tab.referral_model.rowCount() == 1
    employers_tab.referral_view.setCurrentIndex(employers_tab.referral_model.index(0, 0))
    click(qtbot, employers_tab.plan_interview_button)
    interview = employers_tab.dialog
    interview.starts_at.setDateTime(QDateTime(datetime(2011, 5, 16, 10, 0)))
    interview.contact_person.setText("Mme Pons")
    click(qtbot, interview.ok_button)
    assert not interview.isVisible()
    assert employers_tab.interview_model.rowCount() == 1
    employers_tab.interview_view.setCurrentIndex(employers_tab.interview_model.index(0, 0))
    click(qtbot, employers_tab.checklist_button)
    sheet = employers_tab.dialog
    sheet.outcome.setCurrentIndex(sheet.outcome.findData("retenu"))
    sheet.notes.setPlainText("Commence en juin.")
    click(qtbot, sheet.ok_button)
    assert not sheet.isVisible()
    assert employers_tab.interview_model.rows()[0].outcome == "retenu"
    assert employers_tab.referral_model.rows()[0].status == "retenu"

    # 12. Both enrolled provisionally in the training (Bilan ▸ Inscrire provisoirement…).
    set_clock(database, date(2011, 5, 20))
    main.show_tab(1)
    bilan_tab = main.bilan_tab
    qtbot.waitUntil(lambda: bilan_tab.model.rowCount() == 2)
    bilan_tab.enrolment_bar.as_of.setDate(QDate(2011, 5, 20))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    bilan_tab.view.clearSelection()
    for row in range(2):
        bilan_tab.view.selectionModel().select(bilan_tab.model.index(row, 0), flags)
    click(qtbot, bilan_tab.enrolment_bar.buttons[0])
    enrol = bilan_tab.dialog
    assert enrol.windowTitle() == "Inscription provisoire à la formation"
    assert [enrol.people.item(i).text() for i in range(2)] == [
        "✔ ARNAUD Léa — date limite le 15/07/2011", "✔ BLANC Hugo — date limite le 15/07/2011"]
    enrol.enrolled_on.setDate(QDate(2011, 5, 25))
    click(qtbot, enrol.ok_button)
    assert not enrol.isVisible()
    assert bilan_tab.enrolment_bar.summary.text().startswith("Inscriptions : 2 provisoire(s)")

    # 13. Léa's contract with the employer who kept her (Suivi des contrats ▸ Nouveau…).
    set_clock(database, date(2011, 6, 3))
    main.show_tab(3)
    contracts_tab = main.contracts_tab
    click(qtbot, contracts_tab.new_button)
    contract = contracts_tab.dialog
    assert contract.windowTitle() == "Nouveau contrat de professionnalisation"
    contract.participant.setCurrentIndex(contract.participant.findText("ARNAUD Léa"))
    contract.employer.search.setFocus()
    qtbot.keyClicks(contract.employer.search, "vautrin")
    qtbot.keyClick(contract.employer.search, Qt.Key.Key_Return)
    assert contract.employer.current_name() == "Cabinet Vautrin Conseil"
    assert contract.tutor.currentText().startswith("PONS Anne")
    contract.start.setDate(QDate(2011, 6, 6))
    contract.end.set_value(date(2012, 4, 30))
    contract.signed_on.set_value(date(2011, 6, 3))
    contract.job_title.setText("Assistante comptable")
    contract.rome_code.setText("M1203")
    contract.qualification.setText("Certificat professionnel Assistant de gestion de PME")
    contract.training_hours.setValue(400)
    contract.pay.setText("1 400,00")
    click(qtbot, contract.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not contract.isVisible()
    assert contracts_tab.model.rowCount() == 1
    assert contracts_tab.current_contract().participant == "ARNAUD Léa"

    # 14. 16 July: Hugo has no contract, his place has lapsed; he found a job elsewhere.
    set_clock(database, date(2011, 7, 16))
    main.show_tab(1)
    bilan_tab = main.bilan_tab
    bilan_tab.enrolment_bar.as_of.setDate(QDate(2011, 7, 16))
    statuses = {row.name: row for row in bilan_tab.model.rows()}
    hugo = list(statuses).index("BLANC Hugo")
    assert bilan_tab.model.index(hugo, 1).data() == "Caduque"
    assert bilan_tab.enrolment_bar.summary.text().endswith(
        "1 confirmée(s), 1 caduque(s) sans solution")
    bilan_tab.view.clearSelection()
    bilan_tab.view.selectionModel().select(bilan_tab.model.index(hugo, 0), flags)
    click(qtbot, bilan_tab.enrolment_bar.buttons[2])
    solution = bilan_tab.dialog
    assert solution.windowTitle() == "Solution pour BLANC Hugo"
    solution.kinds["emploi_hors_dispositif"].setChecked(True)
    solution.on.setDate(QDate(2011, 7, 18))
    click(qtbot, solution.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not solution.isVisible()
    bilan_tab.enrolment_bar.as_of.setDate(QDate(2011, 7, 18))  # the day of his solution
    assert bilan_tab.enrolment_bar.summary.text().endswith("0 caduque(s) sans solution")

    # 15. A follow-up visit at Léa's employer.
    set_clock(database, date(2011, 7, 20))
    main.show_tab(3)
    contracts_tab = main.contracts_tab
    contracts_tab.as_of.setDate(QDate(2011, 7, 20))
    contracts_tab.view.selectRow(0)
    click(qtbot, contracts_tab.visit_button)
    visit = contracts_tab.dialog
    assert visit.windowTitle() == "Compte rendu de visite"
    visit.done_on.setDate(QDate(2011, 7, 20))
    visit.met_people.setText("La tutrice, Mme Pons, et Léa")
    visit.rating_group.button(3).setChecked(True)
    visit.actions_decided.setPlainText("Point dans six semaines.")
    click(qtbot, visit.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not visit.isVisible()
    assert contracts_tab.model.row_at(0).last_visit == date(2011, 7, 20)

    # 16. The rupture, after the trial period: Léa is promised a permanent job elsewhere.
    set_clock(database, date(2011, 9, 15))
    contracts_tab.as_of.setDate(QDate(2011, 9, 15))
    contracts_tab.view.selectRow(0)
    click(qtbot, contracts_tab.rupture_button)
    rupture = contracts_tab.dialog
    rupture.rupture_on.setDate(QDate(2011, 9, 15))
    assert rupture.trial_label.text().startswith("Après la période d'essai")
    rupture.by.setCurrentIndex(rupture.by.findData("jeune"))
    rupture.reason_category.setCurrentIndex(rupture.reason_category.findData("autre_emploi"))
    rupture.reason.setPlainText("Une promesse d'embauche en CDI dans une autre entreprise.")
    click(qtbot, rupture.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert messages.last_messages[-1].title == "Rupture enregistrée"

    # 17. Her outcome: the promise of a permanent job.
    outcome = contracts_tab.dialog
    assert outcome.windowTitle() == "La suite pour ARNAUD Léa"
    assert outcome.record_solution.isChecked()
    outcome.kind.setCurrentIndex(outcome.kind.findData("promesse_cdi"))
    outcome.recorded_on.setDate(QDate(2011, 9, 20))
    click(qtbot, outcome.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not outcome.isVisible()

    # 18. The funnel the command line reports, mid-year then at the end of the year.
    path = tmp_path / "annee.sqlite3"
    assert funnel(path, "2011-06-30") == {
        "contacts": 6, "info_sessions": 1, "info_session_attendees": 3,
        "selection_interviews": 3, "selected": 2, "bilan_started": 2, "projects_validated": 2,
        "job_offers": 1, "contracts_signed": 1, "contracts_broken": 0,
        "contracts_broken_in_trial": 0, "contracts_active": 1, "adults_in_training": 0,
        "employed_outside_programme": 0, "cdi_promises": 0, "hire_promises": 0,
        "further_study_wishes": 0, "qualifications_obtained": 0,
    }
    assert funnel(path, "2011-12-31") == {
        "contacts": 6, "info_sessions": 1, "info_session_attendees": 3,
        "selection_interviews": 3, "selected": 2, "bilan_started": 2, "projects_validated": 2,
        "job_offers": 1, "contracts_signed": 1, "contracts_broken": 1,
        "contracts_broken_in_trial": 0, "contracts_active": 0, "adults_in_training": 0,
        "employed_outside_programme": 1, "cdi_promises": 1, "hire_promises": 0,
        "further_study_wishes": 0, "qualifications_obtained": 0,
    }
