"""Tableau de bord ▸ Recrutement par source…: which recruitment works — for each source of
contacts (the university's file, the Mission Locale, other) and each campaign, how many people
were contacted, answered, came to an information session and enrolled."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.funnel_sources import ReachRow, cohort_reach
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database


def _columns(first: object) -> list[Column[ReachRow]]:
    return [
        Column(first, lambda r: r.label),
        Column(QT_TRANSLATE_NOOP("Columns", "People"), lambda r: r.people, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Contacted"), lambda r: r.contacted,
               align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Answered"), lambda r: r.answered,
               align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Came to a session"), lambda r: r.came,
               align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Enrolled"), lambda r: r.enrolled,
               align_right=True),
    ]


SOURCE_COLUMNS = _columns(QT_TRANSLATE_NOOP("Columns", "Source"))
CAMPAIGN_COLUMNS = _columns(QT_TRANSLATE_NOOP("Columns", "Campaign"))


class RecruitmentSourcesDialog(QDialog):
    """The promotion's recruitment per source and per campaign, as of the dashboard's date."""

    def __init__(self, database: Database, cohort_id: str, as_of: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recruitmentSourcesDialog")
        self.setWindowTitle(self.tr("Recruitment by source"))
        reach = cohort_reach(database, cohort_id, as_of)
        self.sources: RowTableModel[ReachRow] = RowTableModel(SOURCE_COLUMNS, self)
        self.sources.set_rows(list(reach.by_source))
        self.campaigns: RowTableModel[ReachRow] = RowTableModel(CAMPAIGN_COLUMNS, self)
        self.campaigns.set_rows(list(reach.by_campaign))
        self.situation = QLabel(self.tr("Counted from the events recorded up to %1 included.")
                                .replace("%1", f"{reach.as_of:%d/%m/%Y}"))
        self.situation.setObjectName("reachSituation")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("By source of contacts")))
        for model, name, title in (
            (self.sources, "reachBySource", None),
            (self.campaigns, "reachByCampaign",
             self.tr("By campaign (letters, e-mails, invitations)")),
        ):
            if title:
                layout.addWidget(QLabel(title))
            view = make_table_view(model, name, sortable=False)
            # The names take what the figures leave.
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in range(1, model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            layout.addWidget(view)
        layout.addWidget(self.situation)
        layout.addWidget(buttons)
        self.resize(900, 420)
