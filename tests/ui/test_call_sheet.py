"""Phoning with one key per outcome, and campaigns recorded for the contacts chosen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.models import Coach, Outreach, Participant
from coachdesk.services.coaches import CoachDraft, create_coach
from coachdesk.services.recruitment import record_call
from coachdesk.ui.cohort.call_sheet import CallSheet, CampaignDialog
from coachdesk.ui.cohort.tab import CohortTab
from coachdesk.ui.widgets.coach_picker import set_laptop_coach_id
from tests.ui import cohort_support
from tests.ui.cohort_support import person_id

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows
TODAY = date(2010, 2, 20)


def outreach_of(database, last_name: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    with database.read() as session:
        return [tuple(row) for row in session.execute(
            select(Outreach.done_on, Outreach.channel, Outreach.outcome, Outreach.recall_on,
                   Coach.name, Outreach.campaign)
            .join(Participant, Participant.id == Outreach.participant_id)
            .outerjoin(Coach, Coach.id == Outreach.coach_id)
            .where(Participant.last_name == last_name).order_by(Outreach.created_at))]


def test_one_key_outcomes_then_the_next_contact(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    # Dubois asked to be called back today: first in the list.
    record_call(database, person_id(database, "Dubois"), "a_rappeler", date(2010, 2, 12),
                recall_on=TODAY)
    create_coach(database, CoachDraft("Julien Roux"))
    claire = create_coach(database, CoachDraft("Claire Vidal", phone="04 67 00 10 21"))
    # Claire uses this laptop: « Called by » is hers without her choosing it.
    set_laptop_coach_id(database, claire)
    sheet = CallSheet(database, cohort_id, today=TODAY)
    qtbot.addWidget(sheet)
    assert sheet.author.currentText() == "Claire Vidal"
    assert sheet.author.count() == 3  # nobody, Claire Vidal, Julien Roux
    sheet.show()
    sheet.activateWindow()
    # The keys act in the sheet's window, as when the coach works in it.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    assert sheet.remaining.text() == "4 contacts à appeler"
    assert (sheet.name.text(), sheet.phone.text()) == ("DUBOIS Théo", "06 98 76 54 32")
    assert sheet.detail.text().startswith("À rappeler le 20/02/2010.")
    assert sheet.history.rowCount() == 1
    assert sheet.history.index(0, 1).data() == "Téléphone : À rappeler (à rappeler le 20/02/2010)"
    qtbot.keyClick(sheet, Qt.Key.Key_3)  # intéressé·e
    assert outreach_of(database, "Dubois")[-1][:3] == (TODAY, "telephone", "interesse")
    assert sheet.remaining.text() == "3 contacts à appeler"
    # The others were never called: by name.
    assert sheet.name.text() == "LEFÈVRE Élodie"
    sheet.recall_on.setDate(QDate(2010, 2, 25))
    qtbot.keyClick(sheet, Qt.Key.Key_6)  # à rappeler le…
    assert outreach_of(database, "LEFÈVRE") == [
        (TODAY, "telephone", "a_rappeler", date(2010, 2, 25), "Claire Vidal", "")]
    assert sheet.name.text() == "MARTIN Lucas"
    qtbot.keyClick(sheet, Qt.Key.Key_2)  # message laissé: still to call, after the others
    assert outreach_of(database, "Martin")[-1][2] == "message_laisse"
    assert sheet.name.text() == "N'GUYEN Chloé"
    qtbot.keyClick(sheet, Qt.Key.Key_5)  # faux numéro: never proposed again
    assert sheet.name.text() == "MARTIN Lucas"
    qtbot.keyClick(sheet, Qt.Key.Key_4)
    assert sheet.name.text() == "Plus personne à appeler aujourd'hui."
    assert not sheet.outcome_buttons["interesse"].isEnabled()


def test_campaign_for_the_chosen_contacts_by_channel_and_author(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    adviser = create_coach(database, CoachDraft("Mme Roux", structure="MLJAM"))
    tab = CohortTab(database)
    qtbot.addWidget(tab)
    tab.set_cohort(cohort_id)
    tab.reload()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(2):  # Dubois, LEFÈVRE (sorted by name)
        tab.view.selectionModel().select(tab.model.index(row, 0), flags)
    tab.open_campaign()
    dialog = tab.dialog
    assert isinstance(dialog, CampaignDialog)
    dialog.channel.setCurrentIndex(dialog.channel.findText("Invitation Mission Locale"))
    dialog.sent_on.setDate(QDate(2010, 2, 10))
    dialog.campaign.setText("Invitation MLJAM bac+1")
    assert dialog.author.coach_id() is None  # nobody uses this laptop yet
    dialog.save()
    assert dialog.result() == 0 and dialog.isVisible()  # the author is required
    assert "Mission Locale" in cohort_support.messages.last_messages[-1].text
    dialog.author.setCurrentIndex(dialog.author.findText("Mme Roux — MLJAM"))
    assert dialog.author.coach_id() == adviser
    dialog.save()
    expected = [(date(2010, 2, 10), "mission_locale", "envoye", None, "Mme Roux",
                 "Invitation MLJAM bac+1")]
    assert outreach_of(database, "Dubois") == expected
    assert outreach_of(database, "LEFÈVRE") == expected
    assert outreach_of(database, "Martin") == []


def test_no_answer_moves_on_to_the_next_person(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    # The others were tried twice before; LEFÈVRE never: she comes first, once.
    for name in ("Dubois", "Martin", "N'Guyen"):
        for day in (date(2010, 2, 10), date(2010, 2, 12)):
            record_call(database, person_id(database, name), "pas_de_reponse", day)
    sheet = CallSheet(database, cohort_id, today=TODAY)
    qtbot.addWidget(sheet)
    sheet.show()
    sheet.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    assert sheet.name.text() == "LEFÈVRE Élodie"
    shown = []
    for _call in range(4):
        shown.append(sheet.name.text())
        qtbot.keyClick(sheet, Qt.Key.Key_1)  # pas de réponse
    # Each person once, whoever has the fewest attempts; nobody twice in a row.
    assert shown == ["LEFÈVRE Élodie", "DUBOIS Théo", "MARTIN Lucas", "N'GUYEN Chloé"]
    assert sheet.remaining.text() == "4 contacts à appeler"
    # Everybody tried today: the round starts again, fewest attempts first.
    assert sheet.name.text() == "LEFÈVRE Élodie"
