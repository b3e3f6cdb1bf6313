"""Information sessions (create, invite, presence, attendance sheet) and selection interviews
(schedule, decide, offer a place in the bilan), driven as a coach would."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDateTime, QItemSelectionModel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.models import Attendance, BilanMember, InfoSession, Participant, SelectionInterview
from coachdesk.services.bilan import create_group
from coachdesk.services.recruitment import record_call
from coachdesk.ui.cohort.info_sessions import InfoSessionsDialog
from coachdesk.ui.cohort.selection_dialogs import SelectionDialog
from coachdesk.ui.widgets import messages
from tests.ui import cohort_support
from tests.ui.cohort_support import person_id

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows


def interested(database, *names: str) -> None:  # type: ignore[no-untyped-def]
    for name in names:
        record_call(database, person_id(database, name), "interesse", date(2010, 2, 15))


def statuses(database) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with database.read() as session:
        return dict(session.execute(
            select(Participant.last_name, Attendance.status)
            .join(Attendance, Attendance.participant_id == Participant.id)).all())


def test_create_invite_mark_presence_and_print(qtbot: QtBot, cohort, tmp_path: Path) -> None:
    database, cohort_id = cohort
    interested(database, "Martin", "LEFÈVRE", "Dubois")
    dialog = InfoSessionsDialog(database, cohort_id)
    qtbot.addWidget(dialog)
    assert dialog.attendance_title.text() == "Créez une première réunion à gauche."
    dialog.starts_at.setDateTime(QDateTime(datetime(2010, 2, 22, 14, 0)))
    dialog.place.setText("Cnam, salle 2, Montpellier")
    dialog.capacity.setValue(2)
    dialog.create_session()
    with database.read() as session:
        info = session.execute(select(InfoSession)).scalar_one()
        assert (info.starts_at, info.place, info.capacity) == (
            datetime(2010, 2, 22, 14, 0), "Cnam, salle 2, Montpellier", 2)
    # Three interested people, two places: the coach is told, nobody is invited.
    dialog.open_invitations()
    assert dialog.invite_dialog is not None
    assert dialog.invite_dialog.model.rowCount() == 3
    dialog.invite_dialog.accept()
    assert "2 places" in messages.last_messages[-1].text
    assert statuses(database) == {}
    dialog.open_invitations()
    dialog.invite_dialog.view.selectRow(2)  # LEFÈVRE only (sorted: Dubois, LEFÈVRE, Martin)
    dialog.invite_dialog.view.selectionModel().select(
        dialog.invite_dialog.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    dialog.invite_dialog.accept()
    assert statuses(database) == {"Dubois": "invite", "Martin": "invite"}
    assert "2 invité·e·s, 0 présent·e·s (2 places)" in dialog.attendance_title.text()
    dialog.attendance_view.selectRow(1)  # Martin
    dialog.mark_buttons["present"].click()
    dialog.attendance_view.selectRow(0)
    dialog.mark_buttons["excuse"].click()
    assert statuses(database) == {"Dubois": "excuse", "Martin": "present"}
    assert dialog.attendance.index(1, 2).data() == "Présent·e"
    assert dialog.sessions.index(0, 4).data() == "1"

    target = tmp_path / "émargement.pdf"
    assert dialog.print_sheet(target)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Feuille d'émargement" in text
    assert "Lundi 22 février 2010 à 14 h 00" in text
    assert "Lieu : Cnam, salle 2, Montpellier" in text
    assert "DUBOIS Théo" in text and "MARTIN Lucas" in text
    assert "LEFÈVRE" not in text


def test_selection_interview_decision_and_place_in_the_bilan(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    group_id = create_group(database, cohort_id=cohort_id, name="Groupe printemps",
                            start_date=date(2010, 3, 22), end_date=date(2010, 6, 18))
    dialog = InfoSessionsDialog(database, cohort_id)
    qtbot.addWidget(dialog)
    dialog.place.setText("Mission Locale")
    dialog.create_session()
    interested(database, "Martin")
    dialog.open_invitations()
    dialog.invite_dialog.accept()
    dialog.attendance_view.selectRow(0)
    dialog.mark_buttons["present"].click()

    selection = SelectionDialog(database, cohort_id, today=date(2010, 3, 1))
    qtbot.addWidget(selection)
    assert selection.candidate.currentText() == "MARTIN Lucas"
    selection.interviewer.setText("Nadia Benali")
    selection.schedule()
    assert selection.candidate.count() == 0
    assert selection.offer_hint.text() == "Seule une personne retenue se voit proposer une place."
    selection.decision.setCurrentIndex(selection.decision.findText("Retenu·e"))
    selection.notes.setPlainText("Très motivé par la gestion.")
    selection.decide()
    with database.read() as session:
        interview = session.execute(select(SelectionInterview)).scalar_one()
        assert (interview.held_on, interview.interviewer, interview.decision,
                interview.motivation_notes) == (date(2010, 3, 1), "Nadia Benali", "retenu",
                                                "Très motivé par la gestion.")
    assert selection.offer_hint.text() == "MARTIN Lucas est retenu·e : proposez-lui une place."
    assert selection.offer_button.isEnabled()
    selection.offer_button.click()
    with database.read() as session:
        member = session.execute(select(BilanMember)).scalar_one()
        assert (member.group_id, member.participant_id, member.started_on) == (
            group_id, person_id(database, "Martin"), date(2010, 3, 1))
    assert selection.model.index(0, 4).data() == "Oui"
    assert not selection.offer_button.isEnabled()
