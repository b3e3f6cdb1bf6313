"""The Suivi des contrats tab on the demo cohort, driven as a coach would: record a contract, a
visit, a rupture and a solution, then check the database and the week's agenda."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import (
    Cohort,
    Contract,
    EmployerContact,
    Enrolment,
    FollowUpVisit,
    Outcome,
    Reminder,
)
from coachdesk.services.agenda import compute_agenda
from coachdesk.services.cerfa_checks import CerfaParties
from coachdesk.services.coaches import find_coach
from coachdesk.services.contract_board import contract_on_file
from coachdesk.services.contract_draft import DRAFT_FIELDS, ContractDraft
from coachdesk.services.enrolment import enrolment_of
from coachdesk.services.training_bodies import TrainingBodyDraft, create_training_body
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.contracts.contract_dialog import ContractDialog
from coachdesk.ui.contracts.tab import ContractsTab
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.employer_picker import EmployerPicker
from coachdesk.ui.widgets.fields import from_qdate, parse_euros
from tests import builders as b

# The offscreen platform says it cannot resize a shown top-level window to its new size hint
# (the tab and its dialogs are top-level windows here): harmless, not a CoachDesk warning.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def database(demo_path: Path, home: Path):  # type: ignore[no-untyped-def]
    database = open_database(demo_path)
    yield database
    database.dispose()


@pytest.fixture
def tab(qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    with database.read() as session:
        cohort_id = session.scalar(select(Cohort.id))
    widget = ContractsTab(database)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    widget.set_cohort(cohort_id)

    def no_file_dialog(suggested: str) -> None:
        pytest.fail(f"unexpected file dialog for {suggested}")

    monkeypatch.setattr(widget, "ask_save_path", no_file_dialog)
    yield widget
    for translator in translators:
        app.removeTranslator(translator)


def _cohort_id(database: Database) -> str:
    with database.read() as session:
        cohort_id = session.scalar(select(Cohort.id))
    assert cohort_id is not None
    return cohort_id


def row_of(tab: ContractsTab, participant: str) -> int:
    for row in range(tab.model.rowCount()):
        if tab.model.row_at(row).participant == participant:
            return row
    raise AssertionError(f"{participant} not listed")


def save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_contracts_show_warnings_and_overdue_visits(tab: ContractsTab) -> None:
    tab.set_today(date(2011, 2, 1))
    assert tab.model.rowCount() == 13
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(10)]
    assert headers[5] == "Fin d'essai" and headers[9] == "Prochaine visite"
    # The demo's pay follows the 2010 SMIC: from the 1 January 2011 raise, it is below the
    # minimum, and the contract shows the warning sign and the sentence saying so.
    first = tab.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "inférieur au minimum à partir du 01/01/2011" in first.data(Qt.ItemDataRole.ToolTipRole)
    # Urbain Dylan's visit was due on 03/01/2011: 29 days late, in red, said in French.
    urbain = row_of(tab, "URBAIN Dylan")
    late = tab.model.index(urbain, 9)
    assert late.data() == "03/01/2011"
    assert late.data(Qt.ItemDataRole.ToolTipRole) == "Visite en retard de 29 jour(s)"
    assert late.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    on_time = tab.model.index(row_of(tab, "AURIOL Lucie"), 9)
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) is None
    text = tab.count_label.text()
    # The ten running contracts; the three broken ones ended before the raise.
    assert text == "13 contrats — 3 rompus — 9 visites en retard — 10 avec alertes"
    weber = row_of(tab, "WEBER Pauline")
    rupture = tab.model.index(weber, 7)
    assert rupture.data(Qt.ItemDataRole.ToolTipRole) == "Pendant la période d'essai"
    assert tab.model.index(weber, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert tab.model.index(weber, 10).data() == ""
    assert tab.model.index(0, 10).data().startswith("Illégal")


def test_the_demo_opens_on_its_day_with_two_alerts_of_distinct_levels(
    tab: ContractsTab, qtbot: QtBot, database: Database
) -> None:
    """No date chosen: the tab shows the demo's day, where two contracts need the coach."""
    assert from_qdate(tab.as_of.date()) == date(2010, 12, 31)
    statuses = {tab.model.row_at(r).status for r in range(tab.model.rowCount())}
    assert statuses == {"En cours", "Rompu"}
    alerts = {tab.model.row_at(r).participant: tab.model.index(r, 10).data()
              for r in range(tab.model.rowCount()) if tab.model.row_at(r).flagged}
    assert alerts == {"URBAIN Dylan": "Illégal (2)", "VINCENT Gaëlle": "À vérifier (3)"}
    assert tab.count_label.text().endswith("— 2 avec alertes")
    urbain = tab.model.index(row_of(tab, "URBAIN Dylan"), 0)
    tip = urbain.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("• Illégal : Le salaire prévu (941,00 € brut par mois) est inférieur")
    assert "• Information : À partir du 01/01/2011, le salaire minimum passe à" in tip
    vincent = row_of(tab, "VINCENT Gaëlle")
    colours = {tab.model.index(row, 10).data(Qt.ItemDataRole.BackgroundRole).color().name()
               for row in (urbain.row(), vincent)}
    assert len(colours) == 2  # each level its own colour
    information = row_of(tab, "BARRAL Léa")
    assert tab.model.index(information, 10).data() == "Information"

    # The training above 25 % is allowed by the branch agreement: the coach sets it aside.
    tab.view.selectRow(vincent)
    tab.acknowledge_button.click()
    dialog = tab.dialog
    assert dialog.objectName() == "acknowledgeAlertDialog"
    assert dialog.alert.itemText(0).startswith("À vérifier — La formation (400 h) représente 27 %")
    save(dialog)  # no reason: refused in French, nothing recorded, the dialog stays open
    assert dialog.isVisible()
    assert "Le champ « Raison » est obligatoire." in messages.last_messages[-1].text
    dialog.reason.setText("accord de branche")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    line = tab.model.row_at(row_of(tab, "VINCENT Gaëlle"))
    assert not line.flagged and tab.model.index(row_of(tab, "VINCENT Gaëlle"), 10).data() == (
        "Information (2)")
    tip = tab.model.index(row_of(tab, "VINCENT Gaëlle"), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "• Mise de côté (accord de branche) : La formation (400 h)" in tip
    assert tab.count_label.text() == (
        "13 contrats — 3 rompus — 0 visite en retard — 1 avec alerte")
    with database.read() as session:
        from coachdesk.models import ContractAlertAck

        stored = session.execute(select(ContractAlertAck.code, ContractAlertAck.reason,
                                        ContractAlertAck.acknowledged_on)).all()
    assert [tuple(row) for row in stored] == [
        ("training_share_high", "accord de branche", date(2010, 12, 31))]


def test_an_alert_set_aside_by_mistake_is_restored_from_the_tab(
    tab: ContractsTab, qtbot: QtBot, database: Database
) -> None:
    """The coach set the wrong alert aside: « Rétablir une alerte mise de côté… » makes it flag
    the contract again, its reason gone from the tooltip and from the database."""
    from coachdesk.models import ContractAlertAck
    from coachdesk.services.contract_alerts import acknowledge_alert

    vincent = tab.model.row_at(row_of(tab, "VINCENT Gaëlle"))
    assert tab.restore_alert_button.text() == "Rétablir une alerte mise de côté…"
    # A contract with nothing set aside: said, no dialog.
    tab.view.selectRow(row_of(tab, "VINCENT Gaëlle"))
    tab.restore_alert_button.click()
    assert tab.dialog is None
    assert messages.last_messages[-1].text == "Aucune alerte de ce contrat n'est mise de côté."

    acknowledge_alert(database, vincent.id, "training_share_high", "accord de branche")
    qtbot.waitUntil(lambda: not tab.model.row_at(row_of(tab, "VINCENT Gaëlle")).flagged)
    assert tab.count_label.text().endswith("— 1 avec alerte")
    tab.view.selectRow(row_of(tab, "VINCENT Gaëlle"))
    tab.restore_alert_button.click()
    dialog = tab.dialog
    assert dialog.objectName() == "restoreAlertDialog"
    assert dialog.windowTitle() == "Rétablir une alerte — VINCENT Gaëlle"
    assert dialog.alert.count() == 1
    assert dialog.alert.itemText(0) == "À vérifier — mise de côté (accord de branche)"
    assert dialog.sentence.text().startswith("La formation (400 h) représente 27 %")
    assert dialog.ok_button.text() == "Rétablir l'alerte"
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    row = row_of(tab, "VINCENT Gaëlle")
    assert tab.model.row_at(row).flagged
    assert tab.model.index(row, 10).data() == "À vérifier (3)"
    tip = tab.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Mise de côté" not in tip
    assert "• À vérifier : La formation (400 h) représente 27 %" in tip
    assert tab.count_label.text().endswith("— 2 avec alertes")
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(ContractAlertAck)) == 0


def test_restoring_an_alert_restored_elsewhere_is_said_in_french(
    tab: ContractsTab, qtbot: QtBot, database: Database
) -> None:
    """The dialog was open while the alert was restored elsewhere: the coach reads why nothing
    happened, the dialog stays open."""
    from coachdesk.services.contract_alerts import acknowledge_alert, withdraw_acknowledgement

    vincent = tab.model.row_at(row_of(tab, "VINCENT Gaëlle"))
    acknowledge_alert(database, vincent.id, "training_share_high", "accord de branche")
    qtbot.waitUntil(lambda: not tab.model.row_at(row_of(tab, "VINCENT Gaëlle")).flagged)
    tab.view.selectRow(row_of(tab, "VINCENT Gaëlle"))
    tab.restore_alert_button.click()
    dialog = tab.dialog
    withdraw_acknowledgement(database, vincent.id, "training_share_high")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert messages.last_messages[-1].text.startswith(
        "Cette alerte n'est pas (ou plus) mise de côté pour ce contrat.")
    # The list shows what was done elsewhere: the alert flags the contract again.
    qtbot.waitUntil(lambda: tab.model.row_at(row_of(tab, "VINCENT Gaëlle")).flagged)


def test_record_a_contract_as_a_coach(
    tab: ContractsTab, database: Database, qtbot: QtBot
) -> None:
    # A young person still waiting for a contract one week before the deadline.
    cohort_id = _cohort_id(database)
    person = b.person(database, cohort_id, "Zidane", "Inès", birth_date=date(1990, 3, 14))
    b.bilan_group(database, cohort_id, [person], name="Rattrapage")
    b.enrol(database, person, date(2010, 5, 26))
    employer = b.employer(database, "Zénith Bureautique", opco="OPCALIA")
    b.contact(database, employer, "Roussel", "Claire", role="Gérante", is_tutor=True,
              tutor_experience_years=1)
    tab.set_today(date(2010, 7, 8))
    waiting = [tab.enrolment_model.row_at(r) for r in range(tab.enrolment_model.rowCount())]
    ines = next(line for line in waiting if line.participant == "ZIDANE Inès")
    assert ines.status_label == "Provisoire" and ines.state.days_left == 7
    assert "Plus que 7 jour(s) pour signer un contrat" in ines.state.warning.message_fr

    tab.new_button.click()
    dialog = tab.dialog
    assert dialog.windowTitle() == "Nouveau contrat de professionnalisation"
    dialog.participant.setCurrentIndex(dialog.participant.findText("ZIDANE Inès"))
    # The employer is found by typing a few letters (accent left out), Return takes it.
    picker = dialog.employer
    assert isinstance(picker, EmployerPicker)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "zenith")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Return chose the employer, it did not save
    assert picker.current_name() == "Zénith Bureautique"
    assert dialog.opco.text() == "OPCALIA"  # from the employer
    assert dialog.tutor.currentText() == "ROUSSEL Claire (Gérante)"
    dialog.start.setDate(QDate(2010, 7, 12))
    dialog.end.set_value(date(2011, 4, 30))
    dialog.signed_on.set_value(date(2010, 7, 9))
    dialog.job_title.setText("Assistante de gestion")
    dialog.rome_code.setText("m1607")
    dialog.qualification.setText("Certificat professionnel Assistant de gestion de PME")
    dialog.training_hours.setValue(400)
    dialog.pay.setText("800,00")
    # Checks shown live, never blocking: low pay, inexperienced tutor, the trial period.
    warnings = dialog.warnings_label.text()
    # 20 years old at the start, 21 on 14/03/2011: 70 % of the SMIC from 01/04/2011.
    # On 08/07/2010 that rise is to plan (information), in its own colour.
    assert ("<b>Information :</b> À partir du 01/04/2011, le salaire minimum passe à 955,50 €"
            in warnings)
    assert "color:#1f5fa8" in warnings
    assert "Le tuteur a 1 an(s) d'expérience" in warnings
    assert dialog.trial_label.text() == "Fin de la période d'essai le 11/08/2010 (calcul légal)."
    assert dialog.cost_label.text().startswith(
        "Coût estimé pour l'employeur : 904,00 € par mois (salaire brut 800,00 €"
    )
    dialog.pay.setText("1 100,00")
    assert "inférieur au minimum" not in dialog.warnings_label.text()
    dialog.pay.setText("onze cents")
    assert "n'est pas un montant" in dialog.cost_label.text()
    save(dialog)
    assert messages.last_messages[-1].text.startswith(
        "Champ « Salaire brut mensuel » : « onze cents » n'est pas un montant en euros."
    )
    assert dialog.isVisible()  # nothing typed is lost
    dialog.pay.setText("1 100,00")
    save(dialog)
    assert not dialog.isVisible()

    with database.read() as session:
        contract = session.scalars(
            select(Contract).where(Contract.participant_id == person)
        ).one()
        enrolment = session.scalars(
            select(Enrolment).where(Enrolment.participant_id == person)
        ).one()
    assert (contract.start_date, contract.end_date, contract.signed_on) == (
        date(2010, 7, 12), date(2011, 4, 30), date(2010, 7, 9)
    )
    assert contract.gross_monthly_pay_cents == 110000
    assert (contract.rome_code, contract.opco, contract.training_hours) == ("M1607", "OPCALIA", 400)
    assert contract.tutor_id is not None
    assert enrolment.enrolled_on <= date(2010, 7, 9)
    # The place is confirmed from the signature, as the Bilan list says.
    line = enrolment_of(database, person, date(2010, 7, 9))
    assert line is not None
    state = line.state
    assert (state.status, state.since) == ("confirmee", date(2010, 7, 9))
    # Listed and selected.
    assert tab.model.rowCount() == 14
    assert tab.current_contract().participant == "ZIDANE Inès"
    # Signed on 09/07: from that day the enrolment is confirmed and no longer waits.
    tab.set_today(date(2010, 7, 9))
    assert all(tab.enrolment_model.row_at(r).participant != "ZIDANE Inès"
               for r in range(tab.enrolment_model.rowCount()))
    # The week's agenda: OPCO deadline and, a month later, the end of the trial period.
    week = [(i.day, i.kind) for i in compute_agenda(database, date(2010, 7, 12))
            if i.participant == "ZIDANE Inès"]
    assert (date(2010, 7, 17), "opco_deadline") in week
    trial = [(i.day, i.kind) for i in compute_agenda(database, date(2010, 8, 9))
             if i.participant == "ZIDANE Inès"]
    assert (date(2010, 8, 11), "trial_period_end") in trial


def test_record_a_visit_and_print_it_for_the_tutor(
    tab: ContractsTab, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.set_today(date(2011, 2, 1))
    row = row_of(tab, "URBAIN Dylan")
    contract_id = tab.model.row_at(row).id
    tab.view.selectRow(row)
    target = tmp_path / "visite.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda suggested: target)
    julien = find_coach(database, "Julien Roux").id  # one of the demo's coaches
    tab.visit_button.click()
    dialog = tab.dialog
    assert dialog.windowTitle() == "Compte rendu de visite"
    dialog.done_on.setDate(QDate(2011, 2, 1))
    dialog.kind_call.setChecked(True)
    dialog.author.set_coach_id(julien)
    dialog.met_people.setText("Le tuteur, M. Ségur, et Dylan")
    dialog.rating_group.button(2).setChecked(True)
    dialog.category_boxes["transport"].setChecked(True)
    dialog.category_boxes["horaires"].setChecked(True)
    dialog.difficulties.setPlainText("Trois retards en janvier : le bus de 7 h 10 est supprimé.")
    dialog.actions_decided.setPlainText(
        "Horaires décalés d'un quart d'heure ; point dans 15 jours.")
    assert dialog.next_visit.value() == date(2011, 3, 15)  # every 6 weeks by default
    dialog.next_visit.set_value(date(2011, 2, 15))
    dialog.print_report.setChecked(True)
    save(dialog)

    with database.read() as session:
        visit = session.scalars(
            select(FollowUpVisit).where(FollowUpVisit.contract_id == contract_id,
                                        FollowUpVisit.done_on == date(2011, 2, 1))
        ).one()
    assert (visit.kind, visit.rating, visit.next_visit_on) == ("appel", 2, date(2011, 2, 15))
    assert visit.difficulty_categories == "horaires,transport"
    assert visit.met_people == "Le tuteur, M. Ségur, et Dylan"
    assert visit.coach_id == julien
    # The list caught up: last visit today, next one on the date set, no longer late.
    line = tab.model.row_at(row_of(tab, "URBAIN Dylan"))
    assert (line.last_visit, line.next_visit, line.visit_overdue) == (
        date(2011, 2, 1), date(2011, 2, 15), False
    )
    assert tab.current_contract().id == contract_id
    # The printed report, read back.
    text = PdfReader(target).pages[0].extract_text()
    assert "Compte rendu de visite de suivi" in text
    assert "Appel — Mardi 1er février 2011" in text
    assert "URBAIN Dylan" in text and "Julien Roux" in text
    assert "Horaires, assiduité, Transport" in text
    assert "le bus de 7 h 10 est supprimé" in text
    assert "Mardi 15 février 2011" in text
    assert messages.last_messages[-1].text == f"Compte rendu enregistré : {target}"
    # The agenda of that week shows the visit due.
    items = compute_agenda(database, date(2011, 2, 14))
    assert [(i.day, i.kind) for i in items if i.contract_id == contract_id] == [
        (date(2011, 2, 15), "visit_due")
    ]


def test_record_a_rupture_in_the_trial_period_then_back_to_matching(
    tab: ContractsTab, database: Database
) -> None:
    tab.set_today(date(2010, 7, 26))
    row = row_of(tab, "VINCENT Gaëlle")
    line = tab.model.row_at(row)
    tab.view.selectRow(row)
    tab.rupture_button.click()
    dialog = tab.dialog
    dialog.rupture_on.setDate(QDate(2010, 7, 30))
    assert dialog.trial_label.text() == (
        "Pendant la période d'essai (elle se termine le 11/08/2010)."
    )
    dialog.rupture_on.setDate(QDate(2010, 8, 16))
    assert dialog.trial_label.text() == (
        "Après la période d'essai (elle s'est terminée le 11/08/2010)."
    )
    dialog.rupture_on.setDate(QDate(2010, 7, 30))
    assert "29/08/2010" in dialog.reminders_label.text()  # the OPCO is told within 30 days
    dialog.by.setCurrentIndex(dialog.by.findData("jeune"))
    dialog.reason_category.setCurrentIndex(dialog.reason_category.findData("autre_emploi"))
    dialog.reason.setPlainText("A trouvé un CDI dans une autre entreprise.")
    save(dialog)

    with database.read() as session:
        contract = session.get(Contract, line.id)
        assert contract is not None
        assert (contract.rupture_on, contract.rupture_by, contract.rupture_reason_category) == (
            date(2010, 7, 30), "jeune", "autre_emploi"
        )
    told = messages.last_messages[-1]
    assert told.title == "Rupture enregistrée"
    assert told.text.startswith("Rupture enregistrée pendant la période d'essai.")
    assert "29/08/2010 : L'employeur informe l'OPCO de la rupture" in told.text
    assert tab.model.row_at(row_of(tab, "VINCENT Gaëlle")).status == "Rupture prévue"
    # What next: back to matching, a reminder lands in the agenda a week later.
    outcome = tab.dialog
    assert outcome.windowTitle() == "La suite pour VINCENT Gaëlle"
    outcome.back_to_matching.setChecked(True)
    save(outcome)
    with database.read() as session:
        reminder = session.scalars(
            select(Reminder).where(Reminder.participant_id == line.participant_id)
        ).one()
    assert reminder.due_on == date(2010, 8, 2)
    week = compute_agenda(database, date(2010, 8, 2))
    assert ("reminder", "Proposer une nouvelle mise en relation à VINCENT Gaëlle.") in [
        (i.kind, i.detail) for i in week if i.participant_id == line.participant_id
    ]
    # The follow-up stops: no more visits due after the rupture.
    later = compute_agenda(database, date(2010, 9, 6))
    assert not [i for i in later if i.contract_id == line.id]


def test_lapsed_enrolment_gets_its_solution(
    tab: ContractsTab, database: Database
) -> None:
    person = b.person(database, _cohort_id(database), "Yilmaz", "Enzo")
    b.bilan_group(database, _cohort_id(database), [person], name="Rattrapage")
    b.enrol(database, person, date(2010, 5, 26))
    tab.set_today(date(2010, 9, 20))
    rows = [tab.enrolment_model.row_at(r) for r in range(tab.enrolment_model.rowCount())]
    enzo = next(r for r in range(len(rows)) if rows[r].participant == "YILMAZ Enzo")
    assert rows[enzo].needs_outcome
    assert tab.enrolment_model.index(enzo, 5).data() == (
        "L'inscription provisoire est caduque faute de contrat au 15/07/2010 : enregistrez la "
        "solution trouvée."
    )
    assert tab.enrolment_model.index(enzo, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 caduque(s) sans solution" in tab.enrolment_title.text()
    assert tab.select_participant(person)
    tab.outcome_button.click()
    dialog = tab.dialog
    assert dialog.objectName() == "solutionDialog"
    assert dialog.windowTitle() == "Solution pour YILMAZ Enzo"
    dialog.kinds["poursuite_etudes_inscrit"].setChecked(True)
    dialog.on.setDate(QDate(2010, 9, 15))
    dialog.expected_on.set_value(date(2010, 10, 4))
    dialog.notes.setPlainText("BTS Assistant de manager en alternance.")
    save(dialog)
    with database.read() as session:
        outcome = session.scalars(select(Outcome).where(Outcome.participant_id == person)).one()
    assert (outcome.kind, outcome.recorded_on, outcome.expected_on) == (
        "poursuite_etudes_inscrit", date(2010, 9, 15), date(2010, 10, 4)
    )
    assert "0 caduque(s) sans solution" in tab.enrolment_title.text()
    # Three months after leaving, the follow-up call is in the agenda.
    items = compute_agenda(database, date(2010, 12, 13))
    assert (date(2010, 12, 15), "post_exit_followup") in [
        (i.day, i.kind) for i in items if i.participant_id == person
    ]


def test_actions_need_a_selection_and_a_visit(
    tab: ContractsTab, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = b.person(database, _cohort_id(database), "Yilmaz", "Enzo")
    employer = b.employer(database, "Zénith Bureautique")
    b.contract(database, person, employer, date(2010, 9, 6), end_date=date(2011, 6, 30),
               weekly_hours=35)
    tab.set_today(date(2010, 9, 8))
    tab.view.clearSelection()
    tab.visit_button.click()
    assert tab.dialog is None
    assert messages.last_messages[-1].text == "Sélectionnez d'abord un contrat dans la liste."
    tab.view.selectRow(row_of(tab, "YILMAZ Enzo"))
    assert tab.print_last_visit() is None
    assert messages.last_messages[-1].text == "Aucune visite faite pour ce contrat."
    # The coach cancels the file dialog: nothing is written, nothing is said.
    monkeypatch.setattr(tab, "ask_save_path", lambda suggested: None)
    tab.view.selectRow(row_of(tab, "BARRAL Léa"))
    told = len(messages.last_messages)
    assert tab.print_last_visit() is None
    assert len(messages.last_messages) == told
    tab.view.selectRow(row_of(tab, "WEBER Pauline"))
    tab.rupture_button.click()
    assert messages.last_messages[-1].text == "Ce contrat est déjà rompu."


def test_euros_are_read_as_coaches_type_them() -> None:
    assert parse_euros("1 343,77 €") == Decimal("1343.77")
    assert parse_euros("1343.7") == Decimal("1343.70")
    assert parse_euros("1.343,77") == Decimal("1343.77")
    assert parse_euros("  ") is None
    for bad in ("onze", "-5", "1,2,3"):
        with pytest.raises(ValueError):
            parse_euros(bad)


def test_contract_model_passes_qt_model_tester(tab: ContractsTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tab.set_today(date(2011, 2, 1))
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.enrolment_model)


def test_ctrl_n_in_the_window_opens_the_contract_dialog(
    qtbot: QtBot, demo_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "quiet", True)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    window.attach_database(open_database(demo_path))
    window.show_tab(3)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.contracts_tab.dialog is not None
    assert window.contracts_tab.dialog.objectName() == "contractDialog"
    window.contracts_tab.dialog.reject()
    assert window.contracts_tab.dialog is None
    window.close()


def test_finished_contracts_have_no_visit_due(tab: ContractsTab) -> None:
    # Years after the cohort ended, its contracts are over: no visit is due or late.
    tab.set_today(date(2026, 11, 26))
    assert tab.model.rowCount() == 13
    assert all(tab.model.index(row, 9).data() == "" for row in range(13))
    assert "0 visite en retard" in tab.count_label.text()


def _late_contract(database: Database) -> tuple[str, str, str]:
    """A 30-year-old's contract recorded in July 2010 with nothing yet about the OPCO."""
    person = b.person(database, _cohort_id(database), "Zoller", "Hélène",
                      birth_date=date(1980, 5, 1), is_adult=True)
    b.enrol(database, person, date(2010, 5, 26))
    employer = b.employer(database, "Zénith Bureautique", opco="OPCALIA")
    tutor = b.contact(database, employer, "Roussel", "Claire", role="Gérante", is_tutor=True,
                      tutor_experience_years=8)
    other = b.employer(database, "Yucca Conseil", opco="AGEFOS PME")
    b.contact(database, other, "Blanc", "Marc", role="Comptable", is_tutor=True,
              tutor_experience_years=5)
    contract_id = b.contract(
        database, person, employer, date(2010, 7, 19), end_date=date(2011, 6, 30),
        signed_on=date(2010, 7, 16), tutor_id=tutor, weekly_hours=35, training_hours=400,
        job_title="Assistante de gestion", rome_code="M1607",
        gross_monthly_pay_cents=140000, opco="OPCALIA",
    )
    return contract_id, person, tutor


def _tooltip(tab: ContractsTab, participant: str) -> str:
    return tab.model.index(row_of(tab, participant), 0).data(Qt.ItemDataRole.ToolTipRole) or ""


def test_edit_a_contract_weeks_later(
    tab: ContractsTab, database: Database, qtbot: QtBot
) -> None:
    contract_id, _person, tutor = _late_contract(database)
    tab.set_today(date(2010, 8, 20))
    before = _tooltip(tab, "ZOLLER Hélène")
    assert "n'est pas encore transmis à l'OPCO" in before
    assert "inférieur au minimum" not in before  # 1 400 € is above the 2010 SMIC

    # Enter on the selected contract opens it, as a coach does with the keyboard.
    tab.view.setFocus()
    tab.view.selectRow(row_of(tab, "ZOLLER Hélène"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Contrat de professionnalisation de ZOLLER Hélène"
    # Pre-filled with what was recorded.
    assert dialog.participant.currentText() == "ZOLLER Hélène"
    assert not dialog.participant.isEnabled()
    assert dialog.employer.current_name() == "Zénith Bureautique"
    assert dialog.tutor.currentData() == tutor
    assert from_qdate(dialog.start.date()) == date(2010, 7, 19)
    assert dialog.end.value() == date(2011, 6, 30)
    assert dialog.signed_on.value() == date(2010, 7, 16)
    assert dialog.pay.text() == "1 400,00"
    assert dialog.branch_minimum.text() == ""
    assert dialog.job_title.text() == "Assistante de gestion"
    assert dialog.sent_to_opco.value() is None and dialog.opco_decision.currentData() is None
    assert "n'est pas encore transmis à l'OPCO" in dialog.warnings_label.text()

    # Weeks later: the OPCO got it, accepted it; the branch minimum is known.
    dialog.sent_to_opco.set_value(date(2010, 7, 22))
    dialog.opco_decision.setCurrentIndex(dialog.opco_decision.findText("Accepté"))
    dialog.opco_decision_on.set_value(date(2010, 8, 5))
    assert "OPCO" not in dialog.warnings_label.text()
    dialog.branch_minimum.setText("1 800,00")
    # 85 % of 1 800 € is 1 530 €, more than the SMIC: the pay is now too low, said live.
    assert "inférieur au minimum" in dialog.warnings_label.text()
    assert "1\u202f530,00 €" in dialog.warnings_label.text()
    dialog.training_hours.setValue(450)
    save(dialog)
    assert not dialog.isVisible()

    with database.read() as session:
        contract = session.get(Contract, contract_id)
        assert contract is not None
        assert (contract.sent_to_opco_on, contract.opco_decision, contract.opco_decision_on) == (
            date(2010, 7, 22), "accepte", date(2010, 8, 5)
        )
        assert contract.branch_minimum_cents == 180000
        assert contract.gross_monthly_pay_cents == 140000
        assert (contract.training_hours, contract.tutor_id) == (450, tutor)
        assert session.scalar(select(func.count()).select_from(Contract)
                              .where(Contract.participant_id == contract.participant_id)) == 1
    # The tab recomputed its warnings: the OPCO one is gone, the branch minimum one shows.
    after = _tooltip(tab, "ZOLLER Hélène")
    assert "OPCO" not in after
    assert "inférieur au minimum" in after
    assert tab.current_contract().id == contract_id
    assert tab.model.rowCount() == 14


def test_edit_checks_like_a_new_contract_and_changes_employer(
    tab: ContractsTab, database: Database, qtbot: QtBot
) -> None:
    contract_id, person, _tutor = _late_contract(database)
    tab.set_today(date(2010, 8, 20))
    row = row_of(tab, "ZOLLER Hélène")
    tab.view.doubleClicked.emit(tab.model.index(row, 2))
    dialog = tab.dialog
    assert dialog.windowTitle() == "Contrat de professionnalisation de ZOLLER Hélène"
    # A decision dated before the contract reached the OPCO is refused, nothing is lost.
    dialog.sent_to_opco.set_value(date(2010, 8, 2))
    dialog.opco_decision.setCurrentIndex(dialog.opco_decision.findText("Refusé"))
    dialog.opco_decision_on.set_value(date(2010, 7, 30))
    save(dialog)
    assert messages.last_messages[-1].text.startswith("Champ « Date de la décision »")
    assert dialog.isVisible()
    with database.read() as session:
        assert session.get(Contract, contract_id).sent_to_opco_on is None  # type: ignore[union-attr]
    dialog.opco_decision_on.set_value(date(2010, 8, 12))
    # Another employer, picked by typing: its tutor comes with it.
    dialog.employer.search.clear()
    qtbot.keyClicks(dialog.employer.search, "yucca")
    qtbot.keyClick(dialog.employer.search, Qt.Key.Key_Return)
    assert dialog.employer.current_name() == "Yucca Conseil"
    assert dialog.tutor.currentText() == "BLANC Marc (Comptable)"
    dialog.branch_minimum.setText("dix-huit cents")
    save(dialog)
    assert messages.last_messages[-1].text.startswith(
        "Champ « Minimum conventionnel de branche » : « dix-huit cents »"
    )
    dialog.branch_minimum.clear()
    save(dialog)
    assert not dialog.isVisible()
    with database.read() as session:
        contract = session.get(Contract, contract_id)
        assert contract is not None
        tutor = session.get(EmployerContact, contract.tutor_id)
        assert tutor is not None and tutor.last_name == "Blanc"
        assert contract.employer_id == tutor.employer_id
        assert (contract.opco_decision, contract.opco_decision_on) == ("refuse", date(2010, 8, 12))
        assert contract.branch_minimum_cents is None
    line = enrolment_of(database, person, date(2010, 7, 31))
    assert line is not None
    state = line.state
    # Signed now on 16/07, the day after the deadline: the Bilan list says the place lapsed.
    assert (state.status, state.since) == ("caduque", date(2010, 7, 16))
    line = tab.model.row_at(row_of(tab, "ZOLLER Hélène"))
    assert line.employer == "Yucca Conseil"
    assert "L'OPCO a refusé la prise en charge" in _tooltip(tab, "ZOLLER Hélène")


def test_the_dialog_shows_and_reads_back_every_term_of_the_draft(
    tab: ContractsTab, database: Database
) -> None:
    """One object holds a contract's terms: filled from a draft, the dialog reads back an equal
    one, and what it saves is that draft. A field added to the draft without its widget fails
    here (the draft below sets every field away from its default)."""
    cohort_id = _cohort_id(database)
    person = b.person(database, cohort_id, "Zoller", "Hélène", birth_date=date(1980, 5, 1),
                      is_adult=True)
    b.enrol(database, person, date(2010, 5, 26))
    employer = b.employer(database, "Zénith Bureautique", opco="OPCALIA")
    tutor = b.contact(database, employer, "Roussel", "Claire", is_tutor=True,
                      tutor_experience_years=8)
    b.contact(database, employer, "Blanc", "Marc", is_tutor=True)
    offer = b.offer(database, cohort_id, employer, "Assistant·e de gestion", "M1607",
                    date(2010, 5, 3))
    draft = ContractDraft(
        start_date=date(2010, 7, 19), contract_type="cdi", end_date=date(2011, 6, 30),
        signed_on=date(2010, 7, 16), trial_period_end_override=date(2010, 9, 10),
        employer_id=employer, workplace_siret="73282932000074", tutor_id=tutor, offer_id=offer,
        job_title="Assistante de gestion", rome_code="M1607",
        qualification="Certificat professionnel Assistant de gestion de PME",
        weekly_hours=Decimal("30.5"), training_hours=450, gross_monthly_pay_cents=123_456,
        branch_minimum_cents=165_000, opco="Atlas", sent_to_opco_on=date(2010, 7, 22),
        opco_decision="accepte", opco_decision_on=date(2010, 8, 5),
        situation_before="9", minimum_social="1", highest_diploma="42", rqth=False,
        rqth_youth_equivalence=True, rqth_boe_extension=False, france_travail_registered=True,
        france_travail_number="3412345B", france_travail_months=7,
        user_tutor_last_name="Perez", user_tutor_first_name="Luc", user_tutor_job="Gérant",
        user_tutor_birth_date=date(1970, 2, 3), user_company_naf="69.20Z", tutor_attested=True,
        project_number="VAE-2010-12", vae_amendment=True, cerfa_contract_kind="30",
        amendment_effective_on=date(2010, 8, 1), classification="Employée administrative",
        classification_level="II", coefficient="170", trial_days=30,
        training_body_id=create_training_body(database, TrainingBodyDraft("Cnam Picardie")),
        internal_training=False, internal_training_attested=True, training_body_count=2,
        qualification_type="1", target_diploma="39", rncp_code="RNCP34592", nsf_code="314",
        training_organisation="Une semaine sur quatre au Cnam.", teaching_hours=400,
        training_start_on=date(2010, 7, 19), exams_end_on=date(2011, 6, 15),
        signed_at_place="Amiens",
        parties=CerfaParties(
            usage_name="Martin", nir="280058012345636", sex="F", birth_department="80",
            birth_city="Amiens", employer_phone="03 22 00 00 00",
            employer_email="rh@zenith.example", pension_fund="Humanis",
            provident_fund="AG2R", private_employer=False, urssaf_number="ABC",
            headcount=12, idcc="1486", opco_member_number="A123",
            tutor_birth_date=date(1965, 3, 4), declaration_number="22800012380"),
    )
    defaults = ContractDraft(start_date=date(2000, 1, 1))
    assert [name for name in DRAFT_FIELDS if getattr(draft, name) == getattr(defaults, name)] == []
    assert draft.parties is not None
    assert [item.name for item in fields(CerfaParties)
            if getattr(draft.parties, item.name) == getattr(CerfaParties(), item.name)] == []

    dialog = ContractDialog(database, cohort_id, tab.smic, date(2010, 8, 20), tab)
    # Choosing the person shows their record's CERFA facts; the draft then shows its own.
    dialog.participant.setCurrentIndex(dialog.participant.findData(person))
    dialog.fill(draft)
    assert dialog.draft() == draft
    assert dialog.offer.currentText() == "Assistant·e de gestion (03/05/2010, ouverte)"
    contract_id = dialog.save()
    assert contract_on_file(database, contract_id).draft == draft
    # Opened again for editing, it shows the same terms.
    edit = ContractDialog(database, cohort_id, tab.smic, date(2010, 8, 20), tab,
                          contract_id=contract_id)
    assert edit.draft() == draft
    for shown in (dialog, edit):
        shown.close()


def test_edit_needs_a_selected_contract(tab: ContractsTab) -> None:
    tab.set_today(date(2011, 2, 1))
    tab.view.clearSelection()
    tab.edit_button.click()
    assert tab.dialog is None
    assert messages.last_messages[-1].text == "Sélectionnez d'abord un contrat dans la liste."


def test_a_visit_dated_years_after_the_contract_asks_first(
    tab: ContractsTab, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.set_today(date(2011, 2, 1))
    row = row_of(tab, "URBAIN Dylan")
    contract_id = tab.model.row_at(row).id
    with database.read() as session:
        contract = session.get(Contract, contract_id)
        assert contract is not None and contract.end_date is not None
        end = contract.end_date
    tab.view.selectRow(row)
    tab.visit_button.click()
    dialog = tab.dialog
    dialog.done_on.setDate(QDate(end.year + 15, end.month, 1))  # 2025 typed for 2010
    julien = find_coach(database, "Julien Roux").id  # one of the demo's coaches
    dialog.author.set_coach_id(julien)
    monkeypatch.setattr(messages, "answers", [False])
    save(dialog)

    def visits() -> int:
        with database.read() as session:
            return session.scalar(select(func.count()).select_from(FollowUpVisit).where(
                FollowUpVisit.contract_id == contract_id,
                FollowUpVisit.done_on == date(end.year + 15, end.month, 1)))
    question = messages.last_messages[-1]
    assert question.kind == "question"
    assert question.text.startswith(f"Le contrat s'est terminé le {end:%d/%m/%Y}.")
    assert f"le 01/{end.month:02d}/{end.year + 15}" in question.text
    # Answered no: nothing recorded, the form stays open as typed.
    assert visits() == 0 and dialog.isVisible()
    assert dialog.author.coach_id() == julien
    monkeypatch.setattr(messages, "answers", [True])
    save(dialog)
    assert visits() == 1 and not dialog.isVisible()


def test_a_visit_during_the_contract_asks_nothing(
    tab: ContractsTab, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.set_today(date(2011, 2, 1))
    tab.view.selectRow(row_of(tab, "URBAIN Dylan"))
    tab.visit_button.click()
    dialog = tab.dialog
    dialog.done_on.setDate(QDate(2011, 2, 1))
    julien = find_coach(database, "Julien Roux").id  # one of the demo's coaches
    dialog.author.set_coach_id(julien)
    before = len(messages.last_messages)
    save(dialog)
    assert not dialog.isVisible()
    assert [shown.kind for shown in messages.last_messages[before:]] == []


def test_the_wheel_over_training_hours_without_focus_changes_nothing_and_cancel_asks(
    qtbot: QtBot, tab: ContractsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QSpinBox

    tab.create_new()
    dialog = tab.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    hours = dialog.findChild(QSpinBox, "trainingHours")
    assert hours is not None and hours.value() == 400 and not hours.hasFocus()
    for _turn in range(3):  # the coach scrolls down the form, the pointer over the field
        QTest.wheelEvent(dialog.windowHandle(), hours.mapTo(dialog, hours.rect().center()),
                         QPoint(0, -120))
    assert hours.value() == 400 and not hours.hasFocus()
    # A change, then Cancel: the form asks; « Revenir au formulaire » keeps it as typed.
    hours.setValue(376)
    monkeypatch.setattr(messages, "answers", [False])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and hours.value() == 376
    assert messages.last_messages[-1].text == (
        "Fermer sans enregistrer ? Ce que vous avez modifié dans ce formulaire sera perdu.")


def test_employer_estimate_of_the_selected_contract(
    tab: ContractsTab, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.set_today(date(2010, 12, 31))
    assert tab.estimate_button.text() == "Estimation employeur (PDF)…"
    tab.view.clearSelection()
    assert tab.print_employer_estimate() is None
    assert messages.last_messages[-1].text == "Sélectionnez d'abord un contrat dans la liste."
    row = row_of(tab, "URBAIN Dylan")
    tab.view.selectRow(row)
    target = tmp_path / "estimation.pdf"
    asked: list[str] = []
    monkeypatch.setattr(tab, "ask_estimate_path",
                        lambda suggested: asked.append(suggested) or target)
    tab.estimate_button.click()
    # The file name names no one.
    assert asked and asked[0].startswith("estimation-employeur-2010-")
    assert "urbain" not in asked[0].lower() and "dylan" not in asked[0].lower()
    text = PdfReader(target).pages[0].extract_text().replace("\u202f", " ")
    assert "Estimation du coût d'un contrat de professionnalisation" in text
    assert "Aides à l'embauche en vigueur au début du contrat" in text
    assert "URBAIN" not in text and "Dylan" not in text
    shown = messages.last_messages[-1]
    assert shown.title == "Estimation pour l'employeur"
    assert shown.text.startswith(f"Estimation enregistrée : {target}\nCoût estimé sur ")
