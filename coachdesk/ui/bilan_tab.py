"""The Bilan tab: where each participant of the bilan stands — attendance, skills, project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from coachdesk.ui.list_tab import ListTab, make_table_view
from coachdesk.ui.table_model import Column, RowTableModel, percent

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.lists import BilanRow


def _gain(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}".replace(".", ",")


COLUMNS: list[Column[BilanRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda r: r.group),
    Column(QT_TRANSLATE_NOOP("Columns", "Started on"), lambda r: r.started_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Bilan status"), lambda r: r.status),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Attendance"),
        lambda r: r.attendance_rate,
        display=percent,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Average gain (/20)"),
        lambda r: r.average_gain,
        display=_gain,
        align_right=True,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Professional project"), lambda r: r.project),
    Column(QT_TRANSLATE_NOOP("Columns", "Decision"), lambda r: r.project_decision),
]


class BilanTab(ListTab):
    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.model: RowTableModel[BilanRow] = RowTableModel(COLUMNS, self)
        self.view = make_table_view(self.model, "bilanTable")
        self.views.append(self.view)
        self.layout_.addWidget(self.view)
        self.layout_.addWidget(self.count_label)

    def load(self) -> None:
        from coachdesk.services.lists import bilan_rows

        rows: list[BilanRow] = []
        if self.cohort_id is not None:
            assert self.database is not None
            with self.database.read() as session:
                rows = bilan_rows(session, self.cohort_id)
        self.model.set_rows(rows)
        validated = sum(1 for row in rows if row.project_decision == "Validé")
        self.count_label.setText(
            self.tr("%n participant(s) in the bilan", "", len(rows))
            + " — "
            + self.tr("%n validated project(s)", "", validated)
        )
