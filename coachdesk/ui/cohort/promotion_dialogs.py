"""A promotion's set-up (« Nouvelle promotion… », « Modifier la promotion… »), the coaches
and the training bodies it points at, and which coach uses this laptop.

Each form saves through one service call (``cohorts``, ``coaches``, ``training_bodies``);
a rule broken keeps the form open with what was typed and the French sentence saying why.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.coaches import CoachDraft, create_coach, list_coaches, update_coach
from coachdesk.services.cohorts import (
    VISIT_INTERVAL_RANGE,
    CohortDraft,
    create_cohort,
    get_cohort,
    update_cohort,
)
from coachdesk.services.training_bodies import (
    TrainingBodyDraft,
    create_training_body,
    list_training_bodies,
)
from coachdesk.ui.widgets.coach_picker import CoachPicker, laptop_coach_id, set_laptop_coach_id
from coachdesk.ui.widgets.fields import date_edit, date_of, from_qdate, set_date
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from datetime import date

    from coachdesk.db import Database


def _line(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    return edit


class CohortDialog(FormDialog):
    """A promotion's set-up: new (``cohort_id`` None) or saved again."""

    def __init__(self, database: Database, cohort_id: str | None = None, *,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("cohortDialog")
        self.setWindowTitle(self.tr("New promotion") if cohort_id is None
                            else self.tr("Promotion's set-up"))
        self.setMinimumWidth(760)
        self.database = database
        self.cohort_id = cohort_id
        self.name = _line("cohortName")
        self.name.setPlaceholderText(self.tr("e.g. Promotion 2011 — Assistant de gestion"))
        self.training_title = _line("trainingTitle")
        self.training_title.setPlaceholderText(self.tr("Certificate or training prepared"))
        self.training_body = QComboBox()
        self.training_body.setObjectName("trainingBody")
        new_body = QPushButton(self.tr("New training body…"))
        new_body.setObjectName("newTrainingBody")
        new_body.setAutoDefault(False)
        new_body.clicked.connect(self.add_training_body)
        body_row = QHBoxLayout()
        self.training_body.setMinimumContentsLength(28)
        body_row.addWidget(self.training_body, 1)
        body_row.addWidget(new_body)
        self.bilan_start = date_edit(optional=True, name="bilanStart")
        self.bilan_end = date_edit(optional=True, name="bilanEnd")
        self.start = date_edit(today, name="trainingStart")
        self.end = date_edit(optional=True, name="trainingEnd")
        self.deadline = date_edit(optional=True, name="enrolmentDeadline")
        self.visit_interval = QSpinBox()
        self.visit_interval.setObjectName("visitInterval")
        self.visit_interval.setRange(*VISIT_INTERVAL_RANGE)
        self.visit_interval.setValue(6)
        self.visit_interval.setSuffix(self.tr(" weeks"))
        self.target_size = QSpinBox()
        self.target_size.setObjectName("targetSize")
        self.target_size.setRange(0, 10_000)
        self.target_size.setSpecialValueText("—")
        self.coaches = QListWidget()
        self.coaches.setObjectName("cohortCoaches")
        self.coaches.setMaximumHeight(110)
        new_coach = QPushButton(self.tr("New coach…"))
        new_coach.setObjectName("newCoach")
        new_coach.setAutoDefault(False)
        new_coach.clicked.connect(self.add_coach)
        coach_column = QVBoxLayout()
        coach_column.addWidget(self.coaches)
        coach_column.addWidget(new_coach, 0, Qt.AlignmentFlag.AlignLeft)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("cohortNotes")
        self.notes.setFixedHeight(56)

        def dates(first: QWidget, then: QWidget) -> QHBoxLayout:
            row = QHBoxLayout()
            row.addWidget(first)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(then)
            row.addStretch(1)
            return row

        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Training"), self.training_title)
        self.form.addRow(self.tr("Training body"), body_row)
        self.form.addRow(self.tr("Bilan from"), dates(self.bilan_start, self.bilan_end))
        self.form.addRow(self.tr("Training from"), dates(self.start, self.end))
        self.form.addRow(self.tr("Provisional enrolments until"), self.deadline)
        self.form.addRow(self.tr("A visit every"), self.visit_interval)
        self.form.addRow(self.tr("Target size"), self.target_size)
        self.form.addRow(self.tr("Coaches in charge"), coach_column)
        self.form.addRow(self.tr("Notes"), self.notes)
        draft = get_cohort(database, cohort_id).draft if cohort_id else None
        self._fill_bodies(draft.training_body_id if draft else None)
        laptop = laptop_coach_id(database)
        self._fill_coaches(set(draft.coach_ids) if draft else ({laptop} if laptop else set()))
        if draft is not None:
            self.fill(draft)

    def _fill_bodies(self, selected: str | None) -> None:
        self.training_body.clear()
        self.training_body.addItem("—", None)
        for body in list_training_bodies(self.database):
            self.training_body.addItem(body.name, body.id)
        self.training_body.setCurrentIndex(max(self.training_body.findData(selected), 0))

    def _fill_coaches(self, checked: set[str]) -> None:
        self.coaches.clear()
        # A coach who left stays listed where they are still ticked (saving keeps them).
        for coach in list_coaches(self.database, include_archived=True):
            if coach.archived and coach.id not in checked:
                continue
            item = QListWidgetItem(coach.name)
            item.setData(Qt.ItemDataRole.UserRole, coach.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if coach.id in checked
                               else Qt.CheckState.Unchecked)
            self.coaches.addItem(item)

    def checked_coaches(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.coaches.item(row) for row in range(self.coaches.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def fill(self, draft: CohortDraft) -> None:
        self.name.setText(draft.name)
        self.training_title.setText(draft.training_title)
        for edit in (self.name, self.training_title):
            edit.setCursorPosition(0)  # a long name shows its beginning
        set_date(self.bilan_start, draft.bilan_start_date)
        set_date(self.bilan_end, draft.bilan_end_date)
        set_date(self.start, draft.start_date)
        set_date(self.end, draft.end_date)
        set_date(self.deadline, draft.enrolment_deadline)
        self.visit_interval.setValue(draft.visit_interval_weeks)
        self.target_size.setValue(draft.target_size or 0)
        self.notes.setPlainText(draft.notes)

    def draft(self) -> CohortDraft:
        """What the form holds."""
        body = self.training_body.currentData()
        return CohortDraft(
            name=self.name.text(), start_date=from_qdate(self.start.date()),
            training_title=self.training_title.text(),
            training_body_id=str(body) if body else None,
            bilan_start_date=date_of(self.bilan_start), bilan_end_date=date_of(self.bilan_end),
            end_date=date_of(self.end), enrolment_deadline=date_of(self.deadline),
            visit_interval_weeks=self.visit_interval.value(),
            target_size=self.target_size.value() or None,
            coach_ids=self.checked_coaches(), notes=self.notes.toPlainText(),
        )

    def save(self) -> str:
        if self.cohort_id is None:
            return create_cohort(self.database, self.draft())
        update_cohort(self.database, self.cohort_id, self.draft())
        return self.cohort_id

    def add_training_body(self) -> None:
        dialog = TrainingBodyDialog(self.database, self)
        dialog.saved.connect(self._fill_bodies)
        dialog.open()

    def add_coach(self) -> None:
        dialog = CoachDialog(self.database, parent=self)

        def added(coach_id: str) -> None:
            self._fill_coaches({*self.checked_coaches(), coach_id})

        dialog.saved.connect(added)
        dialog.open()


class CoachDialog(FormDialog):
    """A coach's record: name, phone, e-mail, structure."""

    def __init__(self, database: Database, coach_id: str | None = None, *,
                 draft: CoachDraft | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("coachDialog")
        self.setWindowTitle(self.tr("New coach") if coach_id is None else self.tr("Coach"))
        self.database = database
        self.coach_id = coach_id
        draft = draft or CoachDraft("")
        self.name = _line("coachName", draft.name)
        self.phone = _line("coachPhone", draft.phone)
        self.email = _line("coachEmail", draft.email)
        self.structure = _line("coachStructure", draft.structure)
        self.structure.setPlaceholderText(self.tr("e.g. the training centre, the Mission Locale"))
        self.form.addRow(self.tr("First and last name"), self.name)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("E-mail"), self.email)
        self.form.addRow(self.tr("Structure"), self.structure)

    def save(self) -> str:
        draft = CoachDraft(self.name.text(), self.phone.text(), self.email.text(),
                           self.structure.text())
        if self.coach_id is None:
            return create_coach(self.database, draft)
        update_coach(self.database, self.coach_id, draft)
        return self.coach_id


class TrainingBodyDialog(FormDialog):
    """A training body: name, SIRET, UAI, address."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("trainingBodyDialog")
        self.setWindowTitle(self.tr("New training body"))
        self.database = database
        self.name = _line("bodyName")
        self.siret = _line("bodySiret")
        self.uai = _line("bodyUai")
        self.uai.setPlaceholderText(self.tr("7 digits and a letter, e.g. 0341234G"))
        self.address = _line("bodyAddress")
        self.postcode = _line("bodyPostcode")
        self.city = _line("bodyCity")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("SIRET"), self.siret)
        self.form.addRow(self.tr("UAI"), self.uai)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Postcode"), self.postcode)
        self.form.addRow(self.tr("City"), self.city)

    def save(self) -> str:
        return create_training_body(self.database, TrainingBodyDraft(
            self.name.text(), siret=self.siret.text(), uai=self.uai.text(),
            address=self.address.text(), postcode=self.postcode.text(), city=self.city.text()))


class CoachesDialog(QDialog):
    """The coaches of this database, and which of them uses this laptop (pre-filled in
    « Chargé·e », « Appel passé par » and « Chargé·e de suivi »)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachesDialog")
        self.setWindowTitle(self.tr("Coaches"))
        self.setMinimumWidth(640)
        self.database = database
        self.list = QListWidget()
        self.list.setObjectName("coachList")
        self.list.itemDoubleClicked.connect(self.edit)
        self.laptop = CoachPicker(database, name="laptopCoach")
        self.laptop.currentIndexChanged.connect(
            lambda _index: set_laptop_coach_id(self.database, self.laptop.coach_id()))
        add = QPushButton(self.tr("New coach…"))
        add.setObjectName("addCoach")
        add.setAutoDefault(False)
        add.clicked.connect(self.add)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Who uses this laptop:")))
        layout.addWidget(self.laptop)
        layout.addWidget(close)
        self.dialog: QDialog | None = None
        self.reload()

    def reload(self, _saved: str = "") -> None:
        self.list.clear()
        for coach in list_coaches(self.database):
            text = " — ".join(part for part in (coach.name, coach.structure, coach.phone,
                                                coach.email) if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, coach)
            self.list.addItem(item)
        self.laptop.reload(self.laptop.coach_id() or laptop_coach_id(self.database))

    def add(self) -> None:
        self._open(CoachDialog(self.database, parent=self))

    def edit(self, item: QListWidgetItem) -> None:
        coach = item.data(Qt.ItemDataRole.UserRole)
        self._open(CoachDialog(self.database, coach.id, draft=replace(coach.draft),
                               parent=self))

    def _open(self, dialog: CoachDialog) -> None:
        dialog.saved.connect(self.reload)
        self.dialog = dialog
        dialog.open()


class FollowOnDialog(FormDialog):
    """A person into another promotion: a new file linked to this one (their history stays
    whole, each promotion counts what happened in it), or this file moved (a person entered
    in the wrong promotion)."""

    def __init__(self, database: Database, participant_id: str, cohort_id: str, *,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        from datetime import date as date_type

        from PySide6.QtWidgets import QRadioButton

        from coachdesk.services.cohorts import cohort_choices

        super().__init__("", parent)
        self.setObjectName("followOnDialog")
        self.setWindowTitle(self.tr("Enrol in another promotion"))
        self.setMinimumWidth(560)
        self.database = database
        self.participant_id = participant_id
        self.today = today or date_type.today()
        self.target = QComboBox()
        self.target.setObjectName("followOnCohort")
        for cohort in cohort_choices(database):
            if cohort.id != cohort_id:
                self.target.addItem(cohort.name, cohort.id)
        self.copy_file = QRadioButton(self.tr("New file there, linked to this one"))
        self.copy_file.setObjectName("followOnCopy")
        self.copy_file.setChecked(True)
        self.move_file = QRadioButton(self.tr("Move this file there with all its history"))
        self.move_file.setObjectName("followOnMove")
        explained = QLabel(self.tr(
            "A new file is the usual choice (a bac+2 next year): this promotion's history and "
            "figures stay as they are, and each file's timeline shows the other's. Move only "
            "a person entered in the wrong promotion."))
        explained.setWordWrap(True)
        self.form.addRow(self.tr("Promotion"), self.target)
        self.add_to_body(self.copy_file)
        self.add_to_body(self.move_file)
        self.add_to_body(explained)
        self.ok_button.setEnabled(self.target.count() > 0)
        if self.target.count() == 0:
            self.show_error(self.tr("There is no other promotion: create it first with "
                                    "Promotion ▸ New promotion…"))

    def save(self) -> str:
        from coachdesk.services.follow_on import copy_to_cohort, move_to_cohort

        cohort_id = str(self.target.currentData())
        if self.move_file.isChecked():
            move_to_cohort(self.database, self.participant_id, cohort_id)
            return self.participant_id
        return copy_to_cohort(self.database, self.participant_id, cohort_id, on=self.today)
