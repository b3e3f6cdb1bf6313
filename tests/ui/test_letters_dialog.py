"""Courriers from the Cohorte tab: the letters dialog (template, preview of the first letter,
PDF or .eml drafts, the sending recorded as a campaign), the templates' editor, the answers."""

from __future__ import annotations

import email
import stat
from datetime import date, datetime
from email.policy import default as default_policy
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coachdesk.services import campaigns, recruitment
from coachdesk.services.clock import set_clock
from coachdesk.services.coaches import CoachDraft, create_coach
from coachdesk.services.funnel_sources import cohort_reach
from coachdesk.ui.cohort.letters_dialog import AnswersDialog, LettersDialog, TemplatesDialog
from coachdesk.ui.cohort.letters_menu import open_answers, open_letters, open_templates
from coachdesk.ui.cohort.tab import CohortTab
from tests.ui import cohort_support

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows


def _tab(qtbot: QtBot, database, cohort_id: str, rows: int) -> CohortTab:  # type: ignore[no-untyped-def]
    tab = CohortTab(database)
    qtbot.addWidget(tab)
    tab.set_cohort(cohort_id)
    tab.reload()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(rows):  # Dubois, LEFÈVRE (sorted by name)
        tab.view.selectionModel().select(tab.model.index(row, 0), flags)
    return tab


def test_letters_for_the_selection_previewed_then_written_and_recorded(
    qtbot: QtBot, cohort, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    database, cohort_id = cohort
    set_clock(database, date(2010, 2, 15))
    create_coach(database, CoachDraft("Claire Martin", phone="04 67 00 00 01",
                                      email="claire@cnam.example"))
    recruitment.create_info_session(database, cohort_id, datetime(2010, 3, 2, 14), "Cnam")
    tab = _tab(qtbot, database, cohort_id, 2)
    assert tab.buttons["letters"].text() == "Courriers"
    assert [action.text() for action in tab.buttons["letters"].menu().actions()] == [
        "Écrire des lettres ou des courriels…", "Noter les réponses à une campagne…",
        "Modifier les modèles de courrier…"]
    open_letters(tab)
    dialog = tab.dialog
    assert isinstance(dialog, LettersDialog)
    assert dialog.from_selection.text() == "2 personnes sélectionnées dans la liste"
    assert not dialog.from_campaign.isEnabled()  # no campaign yet
    dialog.template.setCurrentIndex(dialog.template.findText(
        "Invitation à une réunion d'information"))
    dialog.signer.setCurrentIndex(dialog.signer.findText("Claire Martin"))
    preview = dialog.preview.toPlainText()
    assert dialog.preview_title.text() == "Première de 2 lettres : DUBOIS Théo"
    assert "Objet : Invitation à une réunion d'information le mardi 2 mars 2010" in preview
    assert "Bonjour Théo Dubois," in preview and "04 67 00 00 01" in preview
    # Without the session, the preview says why nothing can be written.
    dialog.session.setCurrentIndex(0)
    assert "parle d'une réunion d'information" in dialog.preview.toPlainText()
    assert not dialog.write_button.isEnabled()
    dialog.session.setCurrentIndex(1)
    assert dialog.write_button.isEnabled()

    pdf = tmp_path / "invitations.pdf"
    assert dialog.write_to(pdf)
    shown = cohort_support.messages.last_messages[-1].text
    assert shown.startswith(f"2 lettres écrites dans {pdf}.")
    assert "Campagne « Invitation à une réunion d'information — 15/02/2010 » enregistrée " \
        "pour 2 personnes." in shown
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(pages) == 2  # nobody has a postal address: no labels
    assert "Bonjour Théo Dubois," in pages[0] and "Bonjour Élodie LEFÈVRE," in pages[1]
    reach = cohort_reach(database, cohort_id, date(2010, 2, 15))
    assert [(row.label, row.contacted) for row in reach.by_campaign] == [
        ("Invitation à une réunion d'information — 15/02/2010", 2)]

    # The relance by e-mail, to the campaign's recipients who have not answered.
    campaigns.record_campaign_answer(
        database, [cohort_support.person_id(database, "Dubois")],
        "Invitation à une réunion d'information — 15/02/2010", "interesse", date(2010, 2, 15))
    open_letters(tab)
    again = tab.dialog
    assert isinstance(again, LettersDialog)
    again.from_campaign.setChecked(True)
    again.unanswered.setChecked(True)
    again.template.setCurrentIndex(again.template.findText("Relance"))
    again.as_eml.setChecked(True)
    again.record.setChecked(False)
    assert again.preview_title.text() == "Première de 1 lettre : LEFÈVRE Élodie"
    folder = tmp_path / "relance"
    assert again.write_to(folder)
    drafts = sorted(folder.iterdir())
    assert [path.name for path in drafts] == ["courriel-001.eml"]
    assert stat.S_IMODE(drafts[0].stat().st_mode) == 0o600
    # An SMTPUTF8 message (the address has an accent): read as UTF-8, as mail programs do.
    message = email.message_from_string(drafts[0].read_bytes().decode("utf-8"),
                                        policy=default_policy)
    assert message["To"].addresses[0].addr_spec == "élodie@exemple.fr"
    assert message["Subject"] == "Votre place à la réunion d'information du mardi 2 mars 2010"
    # Written again into the same folder: refused in French, nothing overwritten.
    assert not again.write_to(folder)
    assert "n'est pas vide" in cohort_support.messages.last_messages[-1].text


def test_templates_edited_and_an_unknown_field_refused(
    qtbot: QtBot, cohort  # type: ignore[no-untyped-def]
) -> None:
    database, cohort_id = cohort
    tab = _tab(qtbot, database, cohort_id, 1)
    open_templates(tab)
    dialog = tab.dialog
    assert isinstance(dialog, TemplatesDialog)
    assert dialog.names.count() == 3
    fields = dialog.findChild(QLabel, "templateFields")
    assert fields is not None and "{téléphone_chargé}" in fields.text()
    assert fields.text().startswith("Champs : {prénom}, {nom},")
    dialog.new_template()
    dialog.name.setText("Rappel du dossier")
    dialog.subject.setText("Votre dossier")
    dialog.body.setPlainText("Bonjour {prénom}, merci d'envoyer {pièce}.")
    assert not dialog.save()
    text = cohort_support.messages.last_messages[-1].text
    assert text.startswith("Le texte du modèle « Rappel du dossier » contient le champ "
                           "inconnu « {pièce} ».")
    assert "les champs disponibles sont : {prénom}, {nom}," in text
    assert dialog.names.count() == 3
    dialog.body.setPlainText("Bonjour {prénom}, merci d'envoyer votre CV.")
    assert dialog.save()
    assert [dialog.names.item(i).text() for i in range(dialog.names.count())][1] == (
        "Invitation à une réunion d'information")
    assert dialog.name.text() == "Rappel du dossier"
    # Choosing another template with changes typed asks first; « no » keeps the edit.
    dialog.body.setPlainText("Bonjour {prénom}, merci d'envoyer votre CV et vos relevés.")
    cohort_support.messages.answers[:] = [False]
    dialog.names.setCurrentRow(0)
    assert cohort_support.messages.last_messages[-1].kind == "question"
    assert dialog.name.text() == "Rappel du dossier"
    assert dialog.body.toPlainText().endswith("vos relevés.")
    dialog.body.setPlainText("Bonjour {prénom}, merci d'envoyer votre CV.")
    # The letters dialog offers it, and fills it.
    open_letters(tab)
    letters_dialog = tab.dialog
    assert isinstance(letters_dialog, LettersDialog)
    letters_dialog.template.setCurrentIndex(letters_dialog.template.findText(
        "Rappel du dossier"))
    assert letters_dialog.preview.toPlainText().endswith(
        "Bonjour Théo, merci d'envoyer votre CV.")


def test_answers_recorded_for_the_selection(
    qtbot: QtBot, cohort  # type: ignore[no-untyped-def]
) -> None:
    database, cohort_id = cohort
    tab = _tab(qtbot, database, cohort_id, 2)
    open_answers(tab)
    assert cohort_support.messages.last_messages[-1].text.startswith(
        "Aucune campagne n'a encore été enregistrée dans cette promotion")
    recruitment.record_campaign(database, tab.selected_ids(), date(2010, 2, 10), "courrier",
                                campaign="Mailing de février")
    open_answers(tab)
    dialog = tab.dialog
    assert isinstance(dialog, AnswersDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("pas_interesse"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("courriel"))
    dialog.answered_on.setDate(QDate(2010, 2, 12))
    dialog.save()
    assert dialog.result() == 1
    reach = cohort_reach(database, cohort_id, date(2010, 2, 28))
    assert [(row.label, row.contacted, row.answered) for row in reach.by_campaign] == [
        ("Mailing de février", 2, 2)]


def test_the_dashboard_shows_the_recruitment_per_source_and_per_campaign(
    qtbot: QtBot, cohort  # type: ignore[no-untyped-def]
) -> None:
    from coachdesk.ui.dashboard.recruitment_sources import RecruitmentSourcesDialog
    from coachdesk.ui.dashboard.tab import DashboardTab

    database, cohort_id = cohort
    people = [cohort_support.person_id(database, name) for name in ("Dubois", "Martin")]
    recruitment.record_campaign(database, people, date(2010, 2, 10), "courrier",
                                campaign="Mailing de février")
    campaigns.record_campaign_answer(database, people[:1], "Mailing de février", "interesse",
                                     date(2010, 2, 12))
    tab = DashboardTab(database)
    qtbot.addWidget(tab)
    tab.set_cohort(cohort_id)
    tab.reload()
    tab.as_of.setDate(QDate(2010, 2, 28))
    assert tab.sources_button.text() == "Recrutement par provenance…"
    tab.sources_button.click()
    dialog = tab.sources_dialog
    assert isinstance(dialog, RecruitmentSourcesDialog)

    def table(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
        return [[model.index(row, column).data() for column in range(model.columnCount())]
                for row in range(model.rowCount())]

    assert [dialog.sources.headerData(c, Qt.Orientation.Horizontal)
            for c in range(6)] == ["Provenance", "Personnes", "Contactées", "Ont répondu",
                                   "Venues à une réunion", "Inscrites en formation"]
    assert table(dialog.sources) == [
        ["Fichier de l'université", "4", "2", "1", "0", "0"],
        ["Mission Locale", "0", "0", "0", "0", "0"],
        ["Autre", "0", "0", "0", "0", "0"]]
    assert table(dialog.campaigns) == [["Mailing de février", "2", "2", "1", "0", "0"]]
    assert dialog.situation.text() == (
        "Compté à partir des événements enregistrés jusqu'au 28/02/2010 inclus.")
