"""The participant file: edit and save in one transaction, timeline across tabs, delete."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.models import Outreach, Participant
from coachdesk.services.coaches import CoachDraft, create_coach
from coachdesk.services.recruitment import (
    record_call,
    record_decision,
    schedule_selection_interview,
)
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.widgets import messages
from tests.ui import cohort_support
from tests.ui.cohort_support import person_id

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows


def test_edit_school_history_and_consent_then_save(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    person = person_id(database, "Martin")
    dialog = ParticipantFileDialog(database, cohort_id, person)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Fiche de MARTIN Lucas"
    assert dialog.phone.text() == "06 22 33 44 55"
    assert dialog.source.text() == "Saisie à la main le 01/02/2010"  # the file, not the person
    dialog.first_name.setText("Lucas-Émile")
    dialog.phone.setText("0699887766")
    dialog.university_track.setText("L1 AES")
    dialog.bac_type.setCurrentIndex(dialog.bac_type.findText("Bac professionnel"))
    dialog.bac_series.setText("Commerce")
    dialog.bac_year.setValue(2008)
    dialog.birth_date.setDate(QDate(1990, 5, 17))
    dialog.consent_date.setDate(QDate(2010, 2, 22))
    dialog.provenance.setCurrentIndex(dialog.provenance.findText("Mission Locale"))
    dialog.notes.setPlainText("Préfère être appelé le matin.")
    dialog.save()
    with database.read() as session:
        saved = session.execute(select(Participant).where(Participant.id == person)).scalar_one()
        assert (saved.first_name, saved.phone, saved.university_track, saved.bac_type,
                saved.bac_series, saved.bac_year, saved.birth_date, saved.consent_date,
                saved.provenance, saved.notes) == (
            "Lucas-Émile", "06 99 88 77 66", "L1 AES", "professionnel", "Commerce", 2008,
            date(1990, 5, 17), date(2010, 2, 22), "mission_locale",
            "Préfère être appelé le matin.")
        assert "lucas-emile" in saved.search_text and "0699887766" in saved.search_text
    # Opened again, the empty-able fields read back what was saved.
    again = ParticipantFileDialog(database, cohort_id, person)
    qtbot.addWidget(again)
    assert again.data().consent_date == date(2010, 2, 22)
    assert again.data().bac_type == "professionnel"


def test_missing_first_name_is_refused_and_nothing_changes(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    person = person_id(database, "Dubois")
    dialog = ParticipantFileDialog(database, cohort_id, person)
    qtbot.addWidget(dialog)
    dialog.first_name.clear()
    dialog.city.setText("Sète")
    dialog.save()
    assert messages.last_messages[-1].text.startswith("Le champ « Prénom » est obligatoire.")
    with database.read() as session:
        assert session.scalar(select(Participant.city).where(Participant.id == person)) == ""


def test_timeline_gathers_what_every_tab_recorded(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    person = person_id(database, "LEFÈVRE")
    claire = create_coach(database, CoachDraft("Claire Vidal"))
    record_call(database, person, "interesse", date(2010, 2, 15), coach_id=claire)
    interview = schedule_selection_interview(database, person, date(2010, 3, 2), "Nadia Benali")
    record_decision(database, interview, "retenu", "Motivée")
    dialog = ParticipantFileDialog(database, cohort_id, person)
    qtbot.addWidget(dialog)
    shown = [
        tuple(dialog.timeline.index(row, column).data() for column in range(3))
        for row in range(dialog.timeline.rowCount())
    ]
    assert shown == [
        ("01/02/2010", "Entrée dans le fichier de contacts", "Fichier de l'université"),
        ("15/02/2010", "Téléphone : Intéressé·e", "Claire Vidal"),
        ("02/03/2010", "Entretien de sélection : Retenu·e", "Nadia Benali — Motivée"),
    ]
    headers = [dialog.timeline.headerData(c, dialog.timeline_view.horizontalHeader()
                                          .orientation()) for c in range(3)]
    assert headers == ["Date", "Événement", "Détails"]


def test_delete_from_the_file_after_confirmation(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    person = person_id(database, "N'Guyen")
    record_call(database, person, "pas_de_reponse", date(2010, 2, 15))
    dialog = ParticipantFileDialog(database, cohort_id, person)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.changed):
        dialog.delete_button.click()
    assert messages.last_messages[-1].kind == "question"
    assert "N'GUYEN Chloé" in messages.last_messages[-1].text
    with database.read() as session:
        assert session.get(Participant, person) is None
        assert session.scalar(select(Outreach.id).where(Outreach.participant_id == person)) is None
