"""Fichier ▸ Nouvelle promotion…: a cohort's name, training and dates, through
``services.cohorts.create_cohort``.

The first-run welcome's first step opens it too (it triggers the same action). The action is
the hook for the full promotion form (training body, coaches in charge, target size): that
form replaces this dialog behind the same action; everything else keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.fields import date_edit, date_of

if TYPE_CHECKING:
    from coachdesk.db import Database


class CohortWindow(Protocol):
    """What the action needs of the main window (which is one)."""

    database: Database | None

    def refresh_cohorts(self, select: str | None = None) -> None: ...


class NewCohortDialog(QDialog):
    """Name, training or certificate, start and end, the provisional-enrolment deadline and
    the interval between two follow-up visits. One transaction on Save."""

    created = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCohortDialog")
        self.setWindowTitle(self.tr("New cohort"))
        self.setMinimumWidth(480)
        self.database = database
        self.name = QLineEdit()
        self.name.setObjectName("cohortName")
        self.name.setPlaceholderText(self.tr("e.g. BTS MCO 2026-2028"))
        self.training = QLineEdit()
        self.training.setObjectName("trainingTitle")
        self.start = date_edit(name="startDate")
        self.end = date_edit(optional=True, name="endDate")
        self.deadline = date_edit(optional=True, name="enrolmentDeadline")
        self.interval = QSpinBox()
        self.interval.setObjectName("visitInterval")
        self.interval.setRange(1, 52)
        self.interval.setValue(6)
        self.interval.setSuffix(self.tr(" weeks"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Training or certificate"), self.training)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        form.addRow(self.tr("Provisional enrolment until"), self.deadline)
        form.addRow(self.tr("Follow-up visit every"), self.interval)
        hint = QLabel(self.tr(
            "Empty dates (« — ») can be filled in later. Contacts are imported into the cohort "
            "shown in the toolbar."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def save(self) -> None:
        from coachdesk.services.cohorts import CohortDraft, create_cohort

        start = date_of(self.start)
        assert start is not None  # (a required field always holds a date)
        draft = CohortDraft(
            name=self.name.text(),
            start_date=start,
            training_title=self.training.text(),
            end_date=date_of(self.end),
            enrolment_deadline=date_of(self.deadline),
            visit_interval_weeks=self.interval.value(),
        )
        try:
            cohort_id = create_cohort(self.database, draft)
        except UserError as error:
            messages.user_error(self, error)
            return
        self.accept()
        self.created.emit(cohort_id)


def new_cohort_action(main_window: QMainWindow, window: CohortWindow, menu: QMenu) -> QAction:
    """Add « Nouvelle promotion… » to ``menu``; the new cohort is then the one shown."""
    action = QAction(QCoreApplication.translate("NewCohortDialog", "&New cohort…"), main_window)
    action.setObjectName("newCohortAction")

    def open_dialog() -> None:
        if window.database is None:
            return
        dialog = NewCohortDialog(window.database, main_window)
        dialog.created.connect(lambda cohort_id: window.refresh_cohorts(select=cohort_id))
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
    return action
