"""The participant file: identity, contact details, school history, provenance and consent,
notes, and one timeline of everything that happened to the person across all tabs."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.documents import DocumentOwner
from coachdesk.services.participant_merge import review_participant
from coachdesk.services.participants import (
    ParticipantData,
    TimelineEvent,
    create_participant,
    delete_participant,
    get_participant,
    participant_timeline,
    update_participant,
)
from coachdesk.services.text import person_name
from coachdesk.ui.cohort.journal_panel import JournalPanel
from coachdesk.ui.widgets import enrolment, messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.coach_picker import CoachPicker
from coachdesk.ui.widgets.documents import DocumentsPanel
from coachdesk.ui.widgets.fields import date_edit, date_of, set_date
from coachdesk.ui.widgets.forms import FormDialog, GuardedDialog, refuse_wrong_dates
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.enrolment import EnrolmentLine

TIMELINE_COLUMNS: list[Column[TimelineEvent]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda e: e.on),
    Column(QT_TRANSLATE_NOOP("Columns", "Event"), lambda e: e.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Details"), lambda e: e.detail),
]


class ParticipantFileDialog(GuardedDialog):
    """Create (``participant_id`` None) or view and edit one person's file.

    Each save and the deletion are one transaction; ``changed`` tells the list to reload.
    Before saving, the file is checked as the contact import checks a row: a new file that may
    duplicate someone, or a phone or e-mail that cannot be right, is said first
    (``warning``); ``open_existing`` asks for the existing file the coach chose to open.
    """

    changed = Signal()
    open_existing = Signal(str)

    def __init__(
        self,
        database: Database,
        cohort_id: str,
        participant_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participantFile")
        self.database = database
        self.cohort_id = cohort_id
        self.participant_id = participant_id
        self.warning: QDialog | None = None  # what the check before saving said, if anything
        self.resize(1040, 640)

        self.last_name = QLineEdit()
        self.last_name.setObjectName("lastName")
        self.first_name = QLineEdit()
        self.first_name.setObjectName("firstName")
        self.birth_date = date_edit(optional=True, name="birthDate")
        self.is_adult = QCheckBox(self.tr("Adult joining the training"))
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.postcode = QLineEdit()
        self.postcode.setObjectName("postcode")
        self.postcode.setMaximumWidth(90)
        self.city = QLineEdit()
        self.city.setObjectName("city")
        self.ine = QLineEdit()
        self.ine.setObjectName("ine")
        self.university_track = QLineEdit()
        self.university_track.setObjectName("universityTrack")
        self.bac_type = QComboBox()
        self.bac_type.setObjectName("bacType")
        self.bac_type.addItem("—", None)
        for code, label in codes.BAC_TYPES.items():
            self.bac_type.addItem(label, code)
        self.bac_series = QLineEdit()
        self.bac_series.setObjectName("bacSeries")
        self.bac_series.setMinimumWidth(90)
        self.bac_year = QSpinBox()
        self.bac_year.setObjectName("bacYear")
        self.bac_year.setRange(1949, 2100)
        self.bac_year.setSpecialValueText("—")
        self.bac_year.setValue(1949)
        self.provenance = QComboBox()
        self.provenance.setObjectName("provenance")
        for code, label in codes.PROVENANCES.items():
            self.provenance.addItem(label, code)
        # « Chargé·e »: this laptop's coach for a new person, the file's own for a known one.
        self.coach = CoachPicker(database, name="coach")
        self.consent_date = date_edit(optional=True, name="consentDate")
        self.source = QLabel()
        self.source.setObjectName("source")
        self.source.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMinimumHeight(70)

        identity = QGroupBox(self.tr("Identity and contact details"))
        form = QFormLayout(identity)
        form.addRow(self.tr("Last name"), self.last_name)
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow("", self.is_adult)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Address"), self.address)
        town = QHBoxLayout()
        town.addWidget(self.postcode)
        town.addWidget(self.city, 1)
        form.addRow(self.tr("Postcode, town"), town)
        school = QGroupBox(self.tr("School history"))
        form = QFormLayout(school)
        form.addRow(self.tr("University track"), self.university_track)
        form.addRow(self.tr("Student number (INE)"), self.ine)
        bac = QHBoxLayout()
        bac.addWidget(self.bac_type, 2)
        bac.addWidget(QLabel(self.tr("Series")))
        bac.addWidget(self.bac_series, 2)
        bac.addWidget(QLabel(self.tr("Year")))
        bac.addWidget(self.bac_year)
        form.addRow(self.tr("Baccalauréat"), bac)
        origin = QGroupBox(self.tr("Provenance and consent"))
        form = QFormLayout(origin)
        form.addRow(self.tr("Provenance"), self.provenance)
        form.addRow(self.tr("Coach"), self.coach)
        form.addRow(self.tr("Informed / consent on"), self.consent_date)
        form.addRow(self.tr("Source"), self.source)
        left = QVBoxLayout()
        left.addWidget(identity)
        left.addWidget(school)
        left.addWidget(origin)
        left.addWidget(QLabel(self.tr("Notes")))
        left.addWidget(self.notes, 1)

        self.timeline: RowTableModel[TimelineEvent] = RowTableModel(TIMELINE_COLUMNS, self)
        self.timeline_view = make_table_view(self.timeline, "timeline", sortable=False)
        self.timeline_view.setWordWrap(True)
        # The place in the training: provisional with its deadline and days left, final, or
        # lapsed; and what the coach does about it from here.
        self.today = database_day(database)
        self.place: EnrolmentLine | None = None
        self.enrolment_box = QGroupBox(self.tr("Training enrolment"))
        self.enrolment_box.setObjectName("enrolmentBox")
        self.enrolment_label = QLabel()
        self.enrolment_label.setObjectName("enrolmentState")
        self.enrolment_label.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("Enrol provisionally…"))
        self.enrol_button.setObjectName("enrolButton")
        self.deadline_button = QPushButton(self.tr("Deadline…"))
        self.deadline_button.setObjectName("deadlineButton")
        self.solution_button = QPushButton(self.tr("Solution…"))
        self.solution_button.setObjectName("solutionButton")
        place_layout = QVBoxLayout(self.enrolment_box)
        place_layout.addWidget(self.enrolment_label)
        place_buttons = QHBoxLayout()
        for button in (self.enrol_button, self.deadline_button, self.solution_button):
            place_buttons.addWidget(button)
        place_buttons.addStretch(1)
        place_layout.addLayout(place_buttons)
        self.enrol_button.clicked.connect(self.enrol)
        self.deadline_button.clicked.connect(self.change_deadline)
        self.solution_button.clicked.connect(self.record_solution)
        self.enrolment_dialog: FormDialog | None = None
        right = QVBoxLayout()
        right.addWidget(self.enrolment_box)
        # The timeline, and a known person's journal and reminders (journal_panel).
        self.pages = QTabWidget()
        self.pages.setObjectName("filePages")
        self.pages.addTab(self.timeline_view, self.tr("Timeline"))
        self.journal: JournalPanel | None = None
        right.addWidget(self.pages, 1)
        # The person's documents (and those of their contracts and visits), in their own tab:
        # the column is too short for the journal and the documents one above the other.
        self.documents = DocumentsPanel(
            database, DocumentOwner("participant", participant_id) if participant_id else None)
        self.documents.view.setMaximumHeight(16777215)  # a tab of its own: the list may grow
        self.pages.addTab(self.documents, self.tr("Documents"))

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(self.tr("Delete this person…"))
        self.delete_button.setObjectName("deleteParticipant")
        self.delete_button.clicked.connect(self.delete)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # Follow-on promotions: the same person next year (a bac+2), or a file misplaced.
        self.follow_on_button = QPushButton(self.tr("Other promotion…"))
        self.follow_on_button.setObjectName("followOnButton")
        self.follow_on_button.setEnabled(participant_id is not None)
        self.follow_on_button.clicked.connect(self.open_follow_on)
        buttons.addButton(self.follow_on_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self._load()

    # Reading ----------------------------------------------------------------------------------
    def _load(self) -> None:
        if self.participant_id is None:
            self.setWindowTitle(self.tr("New participant"))
            self.delete_button.setVisible(False)
            self.enrolment_box.setVisible(False)
            self.source.setText(self.tr("Entered by hand"))
            self.timeline_view.setEnabled(False)
            self.last_name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        file = get_participant(self.database, self.participant_id)
        events = participant_timeline(self.database, self.participant_id, self.today)
        data = file.data
        self.setWindowTitle(self.tr("File of %1").replace(
            "%1", person_name(data.last_name, data.first_name)))
        self.last_name.setText(data.last_name)
        self.first_name.setText(data.first_name)
        set_date(self.birth_date, data.birth_date)
        self.is_adult.setChecked(data.is_adult)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.address.setText(data.address)
        self.postcode.setText(data.postcode)
        self.city.setText(data.city)
        self.ine.setText(data.ine)
        self.university_track.setText(data.university_track)
        self.bac_type.setCurrentIndex(max(self.bac_type.findData(data.bac_type), 0))
        self.bac_series.setText(data.bac_series)
        self.bac_year.setValue(data.bac_year or self.bac_year.minimum())
        self.provenance.setCurrentIndex(max(self.provenance.findData(data.provenance), 0))
        self.coach.reload(data.coach_id)
        set_date(self.consent_date, data.consent_date)
        self.notes.setPlainText(data.notes)
        if file.source_file:
            source = self.tr("%1, imported on %2").replace(
                "%1", file.source_file + (f" ({file.source_sheet})" if file.source_sheet else "")
            ).replace("%2", f"{file.imported_at:%d/%m/%Y}" if file.imported_at else "—")
        else:
            source = self.tr("Entered by hand on %1").replace("%1", f"{file.listed_on:%d/%m/%Y}")
        self.source.setText(source)
        self._show_place()
        self.timeline.set_rows(events)
        if self.journal is None:
            self.journal = JournalPanel(self.database, self.participant_id, self.today,
                                        person_name(data.last_name, data.first_name), self)
            self.journal.changed.connect(lambda: self.set_today(self.today))
            self.pages.insertTab(1, self.journal, self.tr("Journal and reminders"))
        self.timeline_view.resizeColumnsToContents()
        self.timeline_view.horizontalHeader().resizeSection(
            1, min(self.timeline_view.horizontalHeader().sectionSize(1), 300))

    def _show_place(self) -> None:
        from coachdesk.services.enrolment import enrolment_of

        assert self.participant_id is not None
        self.place = enrolment_of(self.database, self.participant_id, self.today)
        self.enrolment_label.setText(enrolment.describe(self.place))
        status = self.place.state.status if self.place is not None else None
        self.enrol_button.setVisible(self.place is None)
        self.deadline_button.setVisible(status is not None)
        self.solution_button.setVisible(status in ("provisoire", "caduque"))

    def set_today(self, day: date) -> None:
        """Show the enrolment as it stands on ``day``."""
        self.today = day
        if self.participant_id is not None:
            self._show_place()
            self.timeline.set_rows(participant_timeline(self.database, self.participant_id, day))
            if self.journal is not None:
                self.journal.today = day
                self.journal.reload()

    def _open_enrolment(self, dialog: FormDialog) -> None:
        """A dialog over the file; once it saves, the file and the lists show the change."""
        self.enrolment_dialog = dialog

        def saved() -> None:
            # Only the enrolment and the timeline: what the coach typed in the form stays.
            assert self.participant_id is not None
            self._show_place()
            self.timeline.set_rows(participant_timeline(self.database, self.participant_id,
                                                        self.today))
            self.changed.emit()

        dialog.accepted.connect(saved)
        dialog.open()

    def enrol(self) -> None:
        if self.participant_id is not None:
            self._open_enrolment(enrolment.EnrolDialog(self.database, [self.participant_id],
                                                       self.today, self))

    def change_deadline(self) -> None:
        from coachdesk.services.cohorts import cohort_choices

        if self.place is None:
            return
        promotion = next((c.enrolment_deadline for c in cohort_choices(self.database)
                          if c.id == self.cohort_id), None)
        self._open_enrolment(enrolment.DeadlineDialog(self.database, [self.place], promotion,
                                                      self))

    def record_solution(self) -> None:
        if self.place is not None:
            self._open_enrolment(enrolment.SolutionDialog(self.database, self.place, self.today,
                                                          self))

    def data(self) -> ParticipantData:
        """What the form holds."""
        year = self.bac_year.value()
        return ParticipantData(
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            birth_date=date_of(self.birth_date),
            is_adult=self.is_adult.isChecked(),
            phone=self.phone.text(),
            email=self.email.text().strip(),
            address=self.address.text(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            ine=self.ine.text(),
            university_track=self.university_track.text(),
            bac_type=self.bac_type.currentData(),
            bac_series=self.bac_series.text(),
            bac_year=None if year == self.bac_year.minimum() else year,
            provenance=self.provenance.currentData(),
            coach_id=self.coach.coach_id(),
            consent_date=date_of(self.consent_date),
            notes=self.notes.toPlainText(),
        )

    # Writing ----------------------------------------------------------------------------------
    def save(self) -> None:
        """Check the file, then save it (or say first what looks wrong)."""
        if refuse_wrong_dates(self):
            return
        from coachdesk.ui.cohort.duplicates import DuplicateWarning

        review = review_participant(self.database, self.data(),
                                    participant_id=self.participant_id)
        if review.clean:
            self.save_checked()
            return
        self.warning = DuplicateWarning(review, self)
        self.warning.save_anyway.connect(self.save_checked)
        self.warning.open_existing.connect(self._open_existing)
        self.warning.open()

    def _open_existing(self, participant_id: str) -> None:
        self.reject()  # nothing of this form is saved
        self.open_existing.emit(participant_id)

    def save_checked(self) -> None:
        try:
            if self.participant_id is None:
                self.participant_id = create_participant(self.database, self.cohort_id,
                                                         self.data())
            else:
                update_participant(self.database, self.participant_id, self.data())
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.accept()

    def delete(self) -> None:
        if self.participant_id is None:
            return
        name = person_name(self.last_name.text(), self.first_name.text())
        question = self.tr(
            "Delete %1 and everything recorded about them (calls, meetings, bilan, contract)? "
            "This cannot be undone."
        ).replace("%1", name)
        if not messages.confirm(self, self.tr("Delete a participant"), question):
            return
        try:
            delete_participant(self.database, self.participant_id)
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.accept()

    def open_follow_on(self) -> None:
        from coachdesk.ui.cohort.promotion_dialogs import FollowOnDialog

        if self.participant_id is None:
            return
        dialog = FollowOnDialog(self.database, self.participant_id, self.cohort_id, parent=self)
        # Either way the person's list changes: the file goes, or its timeline grows.
        dialog.saved.connect(self._followed_on)
        self.follow_on = dialog
        dialog.open()

    def _followed_on(self, _saved: str) -> None:
        self.changed.emit()
        self.accept()
