"""Courriers: letters and e-mails from templates for the people chosen in the Cohorte tab (or a
campaign's recipients), the templates' editor, and the answers a campaign brought.

The letters dialog shows the first letter as it will print, and writes one PDF (letters then
address labels) or one ``.eml`` draft per person into a folder the coach chooses; it can record
the sending as a campaign, whose answers the answers dialog records.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import campaigns, letters
from coachdesk.services.recruitment import list_info_sessions, record_campaign
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.coach_picker import CoachPicker
from coachdesk.ui.widgets.fields import date_edit, from_qdate
from coachdesk.ui.widgets.forms import GuardedDialog, refuse_wrong_dates

if TYPE_CHECKING:
    from coachdesk.db import Database


class LettersDialog(QDialog):
    """Choose a template and the people, see the first letter, write the PDF or the drafts."""

    def __init__(self, database: Database, cohort_id: str, selected: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lettersDialog")
        self.setWindowTitle(self.tr("Letters and e-mails"))
        self.database = database
        self.cohort_id = cohort_id
        self.selected = selected
        self.written: Path | None = None

        self.from_selection = QRadioButton(
            self.tr("The %n person(s) selected in the list", "", len(selected)))
        self.from_selection.setObjectName("fromSelection")
        self.from_campaign = QRadioButton(self.tr("The recipients of the campaign"))
        self.from_campaign.setObjectName("fromCampaign")
        self.campaign = QComboBox()
        self.campaign.setObjectName("recipientsCampaign")
        self.campaign.addItems(campaigns.campaign_names(database, cohort_id))
        self.unanswered = QCheckBox(self.tr("only those who have not answered"))
        self.unanswered.setObjectName("unansweredOnly")
        who = QButtonGroup(self)
        for button in (self.from_selection, self.from_campaign):
            who.addButton(button)
        (self.from_selection if selected or not self.campaign.count()
         else self.from_campaign).setChecked(True)
        self.from_campaign.setEnabled(self.campaign.count() > 0)
        campaign_row = QHBoxLayout()
        campaign_row.addWidget(self.from_campaign)
        campaign_row.addWidget(self.campaign, 1)
        campaign_row.addWidget(self.unanswered)

        self.template = QComboBox()
        self.template.setObjectName("letterTemplate")
        edit_templates = QPushButton(self.tr("Edit the templates…"))
        edit_templates.setObjectName("editTemplates")
        edit_templates.clicked.connect(self.open_templates)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(edit_templates)
        self.session = QComboBox()
        self.session.setObjectName("letterSession")
        self.session.addItem(self.tr("(none)"), None)
        for info in list_info_sessions(database, cohort_id):
            self.session.addItem(f"{info.starts_at:%d/%m/%Y %H:%M} — {info.place}", info.id)
        if self.session.count() > 1:
            self.session.setCurrentIndex(self.session.count() - 1)
        self.signer = CoachPicker(database, name="letterSigner")
        self.signer.setItemText(0, self.tr("(each person's coach)"))
        self.as_pdf = QRadioButton(self.tr("One PDF: a letter per person, then address labels"))
        self.as_pdf.setObjectName("asPdf")
        self.as_eml = QRadioButton(self.tr("One e-mail draft (.eml) per person, in a folder"))
        self.as_eml.setObjectName("asEml")
        self.as_pdf.setChecked(True)
        output = QButtonGroup(self)
        output.addButton(self.as_pdf)
        output.addButton(self.as_eml)
        self.record = QCheckBox(self.tr("Record the sending as the campaign"))
        self.record.setObjectName("recordCampaign")
        self.record.setChecked(True)
        self.campaign_name = QLineEdit()
        self.campaign_name.setObjectName("campaignName")
        record_row = QHBoxLayout()
        record_row.addWidget(self.record)
        record_row.addWidget(self.campaign_name, 1)

        form = QFormLayout()
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("Information session"), self.session)
        form.addRow(self.tr("Signed by"), self.signer)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("letterPreview")
        self.preview.setReadOnly(True)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("previewTitle")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = buttons.addButton(self.tr("Write…"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("writeLetters")
        buttons.accepted.connect(self.ask_target)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Write to")))
        layout.addWidget(self.from_selection)
        layout.addLayout(campaign_row)
        layout.addLayout(form)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.as_pdf)
        layout.addWidget(self.as_eml)
        layout.addLayout(record_row)
        layout.addWidget(buttons)
        self.resize(760, 640)

        self.load_templates()
        for box in (self.template, self.session, self.signer, self.campaign):
            box.currentIndexChanged.connect(self.refresh_preview)
        for toggle in (self.from_selection, self.from_campaign, self.unanswered):
            toggle.toggled.connect(self.refresh_preview)
        self.template.currentIndexChanged.connect(self._suggest_campaign_name)
        self.refresh_preview()

    # --- choices ---------------------------------------------------------------------------
    def load_templates(self, selected: str | None = None) -> None:
        current = selected or self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for row in letters.list_templates(self.database):
            self.template.addItem(row.name, row.id)
        index = self.template.findData(current) if current else -1
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)
        self._suggest_campaign_name()

    def _suggest_campaign_name(self) -> None:
        day = database_day(self.database)
        self.campaign_name.setText(f"{self.template.currentText()} — {day:%d/%m/%Y}")

    def people(self) -> list[str]:
        if self.from_campaign.isChecked():
            return campaigns.campaign_recipients(
                self.database, self.cohort_id, self.campaign.currentText(),
                unanswered_only=self.unanswered.isChecked())
        return list(self.selected)

    def compose(self, people: list[str] | None = None) -> letters.LetterSet:
        template = self.template.currentData()
        if template is None:
            raise UserError("Aucun modèle de courrier n'est choisi.",
                            hint="Créez-en un avec « Modifier les modèles… ».")
        return letters.compose_letters(self.database, template,
                                       self.people() if people is None else people,
                                       session_id=self.session.currentData(),
                                       coach_id=self.signer.coach_id())

    def refresh_preview(self) -> None:
        """The first letter only: a selection of thousands stays quick to preview."""
        people = self.people()
        try:
            result = self.compose(people[:1])
        except UserError as error:
            self.preview_title.setText(self.tr("Nothing to show yet:"))
            self.preview.setPlainText(str(error))
            self.write_button.setEnabled(False)
            return
        first = result.letters[0]
        self.preview_title.setText(
            self.tr("First of %n letter(s): %1", "", len(people)).replace("%1", first.name))
        self.preview.setPlainText("\n".join([*first.address_lines, "", first.dated, "",
                                             f"Objet : {first.subject}", "", first.body]))
        self.write_button.setEnabled(True)

    # --- writing ---------------------------------------------------------------------------
    def ask_target(self) -> None:
        if self.as_pdf.isChecked():
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the letters"), str(Path.home() / "courriers.pdf"),
                self.tr("PDF (*.pdf)"))
        else:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose an empty folder for the e-mail drafts"), str(Path.home()))
        if chosen:
            self.write_to(Path(chosen))

    def write_to(self, target: Path) -> bool:
        """Write the letters (PDF) or the drafts (folder) at ``target``; True when written."""
        from coachdesk.exports.letters_eml import write_eml_drafts
        from coachdesk.exports.letters_pdf import write_letters_pdf

        try:
            result = self.compose()
            if self.as_pdf.isChecked():
                pdf = write_letters_pdf(target, result)
                reached = [letter.participant_id for letter in result.letters]
                channel, missing = "courrier", pdf.without_address
                text = self.tr("%n letter(s) written to %1.", "", pdf.letters).replace(
                    "%1", str(target))
                if missing:
                    text += " " + self.tr(
                        "No address label for %n person(s) without a postal address: %1.", "",
                        len(missing)).replace("%1", ", ".join(missing))
            else:
                drafts = write_eml_drafts(target, result)
                reached = list(drafts.recipients)
                channel, missing = "courriel", drafts.without_email
                text = self.tr("%n e-mail draft(s) written to %1: open them in your mail "
                               "program to send them.", "", len(drafts.files)).replace(
                                   "%1", str(target))
                if missing:
                    text += " " + self.tr("No draft for %n person(s) without an e-mail "
                                          "address: %1.", "", len(missing)).replace(
                                              "%1", ", ".join(missing))
            if self.record.isChecked():
                count = record_campaign(self.database, reached, database_day(self.database),
                                        channel, campaign=self.campaign_name.text(),
                                        coach_id=self.signer.coach_id())
                text += " " + self.tr("Campaign « %1 » recorded for %n person(s).", "",
                                      count).replace("%1", self.campaign_name.text().strip())
        except UserError as error:
            messages.user_error(self, error)
            return False
        self.written = target
        messages.info(self, self.windowTitle(), text)
        return True

    def open_templates(self) -> None:
        dialog = TemplatesDialog(self.database, self)
        dialog.exec()
        self.load_templates()
        self.refresh_preview()


class TemplatesDialog(GuardedDialog):
    """The letter templates: name, subject, text with its fields; create, change, delete."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("Letter templates"))
        self.database = database
        self.template_id: str | None = None
        self.names = QListWidget()
        self.names.setObjectName("templateNames")
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.subject = QLineEdit()
        self.subject.setObjectName("templateSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        fields = QLabel(self.tr("Fields: %1").replace("%1", letters.field_list()))
        fields.setObjectName("templateFields")
        fields.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Text"), self.body)
        new = QPushButton(self.tr("New template"))
        new.setObjectName("newTemplate")
        new.clicked.connect(self.new_template)
        save = QPushButton(self.tr("Save the template"))
        save.setObjectName("saveTemplate")
        save.clicked.connect(self.save)
        delete = QPushButton(self.tr("Delete…"))
        delete.setObjectName("deleteTemplate")
        delete.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (new, save, delete):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(fields)
        columns = QHBoxLayout()
        self.names.setMinimumWidth(300)
        self.names.setWordWrap(True)
        columns.addWidget(self.names, 2)
        columns.addLayout(editor, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(actions)
        self.resize(980, 560)
        self.rows: list[letters.LetterTemplateRow] = []
        self._shown_row = -1
        self.names.currentRowChanged.connect(self._row_chosen)
        self.reload()

    def reload(self, selected: str | None = None) -> None:
        self.rows = letters.list_templates(self.database)
        self.names.blockSignals(True)
        self.names.clear()
        self.names.addItems([row.name for row in self.rows])
        self.names.blockSignals(False)
        ids = [row.id for row in self.rows]
        self.names.setCurrentRow(ids.index(selected) if selected in ids else 0)
        self.show_row(self.names.currentRow())

    def _row_chosen(self, index: int) -> None:
        """Another template chosen: the one being edited is not lost without asking."""
        if self.has_unsaved_changes() and not messages.discard_changes(self,
                                                                       self.windowTitle()):
            self.names.blockSignals(True)
            self.names.setCurrentRow(self._shown_row)
            self.names.blockSignals(False)
            return
        self.show_row(index)

    def show_row(self, index: int) -> None:
        self._shown_row = index
        row = self.rows[index] if 0 <= index < len(self.rows) else None
        self.template_id = row.id if row else None
        self.name.setText(row.name if row else "")
        self.subject.setText(row.subject if row else "")
        self.body.setPlainText(row.body if row else "")
        self.mark_clean()

    def new_template(self) -> None:
        self.names.clearSelection()
        self.template_id = None
        self.name.setText(self.tr("New template"))
        self.subject.clear()
        self.body.setPlainText("Bonjour {prénom},\n\n\n\nBien cordialement,\n\n{chargé}")
        self.name.setFocus()

    def save(self) -> bool:
        try:
            saved = letters.save_template(self.database, self.template_id, letters.TemplateDraft(
                self.name.text(), self.subject.text(), self.body.toPlainText()))
        except UserError as error:
            messages.user_error(self, error)
            return False
        self.reload(saved)
        return True

    def delete(self) -> None:
        if self.template_id is None or not messages.confirm(
                self, self.windowTitle(),
                self.tr("Delete the template « %1 »?").replace("%1", self.name.text())):
            return
        try:
            letters.delete_template(self.database, self.template_id)
        except UserError as error:
            messages.user_error(self, error)
            return
        self.reload()


class AnswersDialog(GuardedDialog):
    """The answer of the chosen people to a campaign they received."""

    def __init__(self, database: Database, cohort_id: str, participant_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answersDialog")
        self.setWindowTitle(self.tr("Answers to a campaign"))
        self.database = database
        self.participant_ids = participant_ids
        self.campaign = QComboBox()
        self.campaign.setObjectName("answerCampaign")
        self.campaign.addItems(campaigns.campaign_names(database, cohort_id))
        self.outcome = QComboBox()
        self.outcome.setObjectName("answerOutcome")
        for code in campaigns.ANSWER_OUTCOMES:
            self.outcome.addItem(codes.OUTREACH_OUTCOMES[code], code)
        self.channel = QComboBox()
        self.channel.setObjectName("answerChannel")
        for code in campaigns.ANSWER_CHANNELS:
            self.channel.addItem(codes.OUTREACH_CHANNELS[code], code)
        self.answered_on = date_edit(database_day(database), name="answerDate")
        form = QFormLayout()
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Answer"), self.outcome)
        form.addRow(self.tr("Came by"), self.channel)
        form.addRow(self.tr("Answered on"), self.answered_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            self.tr("%n person(s) chosen in the list.", "", len(participant_ids))))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if refuse_wrong_dates(self):
            return
        try:
            campaigns.record_campaign_answer(
                self.database, self.participant_ids, self.campaign.currentText(),
                self.outcome.currentData(), from_qdate(self.answered_on.date()),
                channel=self.channel.currentData())
        except UserError as error:
            messages.user_error(self, error)
            return
        self.accept()
