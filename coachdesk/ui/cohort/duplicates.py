"""Duplicates by hand: the check shown before a new file is saved (people it may duplicate,
an impossible phone or e-mail), and merging two files of one person into one.

Both read and write through ``coachdesk.services.participants`` (``review_participant``,
``merge_sides``, ``merge_participants``): the same rule as the contact import, one transaction
for the merge, logged in the audit log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.services.participant_merge import (
    MergeSide,
    ParticipantReview,
    PossibleDuplicate,
    merge_participants,
    merge_sides,
)
from coachdesk.services.text import person_name
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.participant_merge import MergeResult

DUPLICATE_COLUMNS: list[Column[PossibleDuplicate]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda d: d.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Birth date"), lambda d: d.birth_date),
    Column(QT_TRANSLATE_NOOP("Columns", "Cohort"), lambda d: d.cohort_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Why"), lambda d: d.reason),
]


class DuplicateWarning(QDialog):
    """Said before a file is saved when it may duplicate someone, or when its phone or e-mail
    cannot be right. The coach opens the existing file, saves anyway, or goes back to the
    form (nothing is saved until then)."""

    open_existing = Signal(str)
    save_anyway = Signal()

    def __init__(self, review: ParticipantReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setWindowTitle(self.tr("Check before saving"))
        self.resize(720, 320)
        layout = QVBoxLayout(self)
        self.model: RowTableModel[PossibleDuplicate] = RowTableModel(DUPLICATE_COLUMNS, self)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("Open the existing file"), self)
        self.open_button.setObjectName("openExisting")
        self.open_button.clicked.connect(self._open)
        self.save_button = QPushButton(self.tr("Save anyway"))
        self.save_button.setObjectName("saveAnyway")
        self.save_button.clicked.connect(self._save)
        self.back_button = QPushButton(self.tr("Back to the form"))
        self.back_button.setObjectName("backToForm")
        self.back_button.clicked.connect(self.reject)
        if review.duplicates:
            intro = QLabel(self.tr(
                "This person may already be listed (the contact import would take them for "
                "the same person). Open the existing file rather than making a second one; "
                "if it is someone else, save anyway."))
            intro.setObjectName("duplicateIntro")
            intro.setWordWrap(True)
            layout.addWidget(intro)
            self.model.set_rows(list(review.duplicates))
            self.view = make_table_view(self.model, "duplicateTable", sortable=False)
            fit_columns(self.view)
            self.view.selectRow(0)
            layout.addWidget(self.view, 1)
            buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            self.open_button.hide()  # nobody to open
        self.problems = QLabel("\n".join(review.problems))
        self.problems.setObjectName("contactProblems")
        self.problems.setWordWrap(True)
        if review.problems:
            title = QLabel(self.tr("Contact details to check:"))
            layout.addWidget(title)
            layout.addWidget(self.problems)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        (self.open_button if review.duplicates else self.back_button).setDefault(True)

    def _open(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        chosen = self.model.row_at(rows[0].row() if rows else 0)
        self.accept()
        self.open_existing.emit(chosen.participant_id)

    def _save(self) -> None:
        self.accept()
        self.save_anyway.emit()


class MergeDialog(QDialog):
    """Two files of one person side by side; the coach says which one to keep."""

    changed = Signal()

    def __init__(
        self, database: Database, first_id: str, second_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge two files"))
        self.database = database
        self.sides = merge_sides(database, first_id, second_id)
        self.result_: MergeResult | None = None
        grid = QGridLayout()
        self.keep_buttons = QButtonGroup(self)
        labels = [self.tr("Name"), self.tr("Birth date"), self.tr("Phone"), self.tr("E-mail"),
                  self.tr("Town"), self.tr("Cohort"), self.tr("Recorded")]
        for row, label in enumerate(labels, start=1):
            grid.addWidget(QLabel(label), row, 0)
        for column, side in enumerate(self.sides, start=1):
            keep = QRadioButton(self.tr("Keep this file"))
            keep.setObjectName(f"keep{column}")
            self.keep_buttons.addButton(keep, column - 1)
            grid.addWidget(keep, 0, column)
            for row, text in enumerate(self._describe(side), start=1):
                value = QLabel(text)
                value.setObjectName(f"side{column}Row{row}")
                grid.addWidget(value, row, column)
        # The file with more recorded about the person is kept unless the coach says otherwise.
        first, second = self.sides
        self.keep_buttons.button(1 if second.records > first.records else 0).setChecked(True)
        explain = QLabel(self.tr(
            "Everything recorded about the other file (calls, meetings, interviews, contracts, "
            "notes) moves to the kept file, whose empty fields are completed; the other file "
            "is then deleted. The merge is written in the audit log. It cannot be undone."))
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(explain)
        layout.addWidget(buttons)

    def _describe(self, side: MergeSide) -> list[str]:
        data = side.file.data
        return [
            person_name(data.last_name, data.first_name),
            f"{data.birth_date:%d/%m/%Y}" if data.birth_date else "—",
            data.phone or "—",
            data.email or "—",
            " ".join(part for part in (data.postcode, data.city) if part) or "—",
            side.cohort_name,
            self.tr("%n record(s)", "", side.records),
        ]

    def kept_and_merged(self) -> tuple[str, str]:
        first, second = (side.file.id for side in self.sides)
        return (first, second) if self.keep_buttons.checkedId() == 0 else (second, first)

    def merge(self) -> None:
        kept, merged = self.kept_and_merged()
        try:
            self.result_ = merge_participants(self.database, kept, merged)
        except UserError as error:
            messages.user_error(self, error)
            return
        moved = self.result_.moved + self.result_.twins_dropped
        messages.info(self, self.tr("Merge two files"), self.tr(
            "The two files are now one: %n record(s) of the other file belong to the kept "
            "file.", "", moved))
        self.changed.emit()
        self.accept()
