"""The Tableau de bord: the week's agenda first, then the cohort's funnel at a chosen date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.dashboard.agenda_panel import AgendaPanel
from coachdesk.ui.widgets.fields import date_edit, from_qdate, set_date
from coachdesk.ui.widgets.list_tab import ListTab, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel, percent

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.funnel import Funnel


@dataclass(frozen=True, slots=True)
class FunnelLine:
    label: str
    count: int
    rate: float | None


COLUMNS: list[Column[FunnelLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Stage"), lambda r: r.label),
    Column(QT_TRANSLATE_NOOP("Columns", "Count"), lambda r: r.count, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Conversion"),
        lambda r: r.rate,
        display=percent,
        align_right=True,
    ),
]


class FunnelChart(QWidget):
    """Horizontal bars, one per stage of the funnel, with the count and the conversion rate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("funnelChart")
        self.lines: list[FunnelLine] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_lines(self, lines: list[FunnelLine]) -> None:
        self.lines = lines
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 40 * max(1, len(self.lines)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self.lines:
            painter.end()
            return
        margin = 10.0
        label_width = min(300.0, self.width() * 0.38)
        value_width = 110.0
        bar_space = max(10.0, self.width() - label_width - value_width - 3 * margin)
        row_height = (self.height() - 2 * margin) / len(self.lines)
        largest = max(line.count for line in self.lines) or 1
        text_color = palette.color(QPalette.ColorRole.Text)
        bar_color = QColor("#2f6f9f")
        for index, line in enumerate(self.lines):
            top = margin + index * row_height
            bar_height = max(4.0, row_height * 0.62)
            bar_top = top + (row_height - bar_height) / 2
            painter.setPen(text_color)
            label = self.fontMetrics().elidedText(
                line.label, Qt.TextElideMode.ElideRight, int(label_width)
            )
            painter.drawText(
                QRectF(margin, top, label_width, row_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                label,
            )
            width = bar_space * line.count / largest
            painter.fillRect(
                QRectF(label_width + 2 * margin, bar_top, max(width, 1.0), bar_height),
                bar_color.lighter(100 + index * 8),
            )
            value = str(line.count)
            if line.rate is not None:
                value += f"  ({percent(line.rate)})"
            painter.drawText(
                QRectF(label_width + 3 * margin + width, top, value_width, row_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                value,
            )
        painter.end()


def _counted(pairs: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{label} {count}" for label, count in pairs)


class DashboardTab(ListTab):
    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.funnel: Funnel | None = None
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("dashboardTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.as_of = date_edit(name="asOfDate")
        header.addWidget(self.title, 1)
        header.addWidget(QLabel(self.tr("Situation on")))
        header.addWidget(self.as_of)
        self.export_note = QPushButton(self.tr("Export the progress note…"))
        self.export_note.setObjectName("exportProgressNote")
        self.export_note.clicked.connect(self.open_progress_note)
        header.addWidget(self.export_note)
        self.sources_button = QPushButton(self.tr("Recruitment by source…"))
        self.sources_button.setObjectName("recruitmentSources")
        self.sources_button.clicked.connect(self.open_recruitment_sources)
        header.addWidget(self.sources_button)
        self.chart = FunnelChart()
        self.model: RowTableModel[FunnelLine] = RowTableModel(COLUMNS, self)
        self.table = make_table_view(self.model, "funnelTable", sortable=False)
        # Beside the chart, under the agenda: the stage names take what the figures leave.
        funnel_header = self.table.horizontalHeader()
        funnel_header.setStretchLastSection(False)
        funnel_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            funnel_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.views.append(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([640, 560])
        # The tab opens on the week's agenda (« Cette semaine »), the funnel below it.
        self.agenda = AgendaPanel(database)
        # Listed with the tab's views: locking the window empties it like the other lists.
        self.views.append(self.agenda.view)
        funnel = QWidget()
        funnel_layout = QVBoxLayout(funnel)
        funnel_layout.setContentsMargins(0, 6, 0, 0)
        funnel_layout.addLayout(header)
        funnel_layout.addWidget(splitter, 1)
        # The ruptures analysed: in or after the trial period, by reason, by employer.
        self.ruptures = QLabel()
        self.ruptures.setObjectName("ruptureSummary")
        self.ruptures.setWordWrap(True)
        self.ruptures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        funnel_layout.addWidget(self.ruptures)
        funnel_layout.addWidget(self.count_label)
        sections = QSplitter(Qt.Orientation.Vertical)
        sections.setObjectName("dashboardSections")
        sections.addWidget(self.agenda)
        sections.addWidget(funnel)
        sections.setSizes([380, 340])
        self.layout_.addWidget(sections, 1)
        self._chosen_date: date | None = None
        self.as_of.dateChanged.connect(self._date_chosen)

    def set_database(self, database: Database | None) -> None:
        self.agenda.set_database(database)
        super().set_database(database)

    def open_progress_note(self) -> None:
        from coachdesk.ui.exports.dialogs import open_progress_note

        open_progress_note(self, self.database, self.cohort_id, self.funnel)

    def open_recruitment_sources(self) -> None:
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.dashboard.recruitment_sources import RecruitmentSourcesDialog

        self.sources_dialog = RecruitmentSourcesDialog(
            self.database, self.cohort_id, self.funnel.as_of if self.funnel else None, self)
        self.sources_dialog.open()

    def set_cohort(self, cohort_id: str | None) -> None:
        self._chosen_date = None
        self.agenda.set_cohort(cohort_id)
        super().set_cohort(cohort_id)

    def _date_chosen(self, qdate: QDate) -> None:
        chosen = from_qdate(qdate)
        if self.funnel is not None and chosen != self.funnel.as_of:
            self._chosen_date = chosen
            self.reload()

    def load(self) -> None:
        from coachdesk.services.funnel import FUNNEL_LABELS, FUNNEL_STAGES, cohort_funnel

        self.agenda.reload()
        if self.cohort_id is None:
            self.funnel = None
            self.title.setText(self.tr("No cohort yet: import a contact file to start."))
            self.chart.set_lines([])
            self.model.set_rows([])
            self.ruptures.setText("")
            return
        assert self.database is not None
        self.funnel = cohort_funnel(self.database, self.cohort_id, self._chosen_date)
        as_of = self.funnel.as_of
        figures = self.funnel.figures()
        self.title.setText(self.funnel.cohort_name)
        self.as_of.blockSignals(True)
        set_date(self.as_of, as_of)
        self.as_of.blockSignals(False)
        self.chart.set_lines(
            [
                FunnelLine(FUNNEL_LABELS[key], figures[key], self.funnel.conversion(key))
                for key, _ in FUNNEL_STAGES
            ]
        )
        self.model.set_rows(
            [
                FunnelLine(label, figures[key], self.funnel.conversion(key))
                for key, label in FUNNEL_LABELS.items()
            ]
        )
        self.show_ruptures(as_of)
        self.count_label.setText(
            self.tr("Counted from the recorded events dated on or before %1.").replace(
                "%1", as_of.strftime("%d/%m/%Y")
            )
        )

    def show_ruptures(self, as_of: date) -> None:
        from coachdesk.services.ruptures import rupture_summary

        assert self.database is not None and self.cohort_id is not None
        summary = rupture_summary(self.database, self.cohort_id, as_of)
        if not summary.total:
            self.ruptures.setText(self.tr("Ruptures: none so far."))
            return
        lines = [
            self.tr("Ruptures: %1 — %2 during the trial period, %3 after it.")
            .replace("%1", str(summary.total)).replace("%2", str(summary.in_trial))
            .replace("%3", str(summary.after_trial)),
            self.tr("By reason: %1.").replace("%1", _counted(summary.by_reason)),
            self.tr("Ended by: %1.").replace("%1", _counted(summary.by_whom)),
            self.tr("By employer: %1.").replace("%1", _counted(summary.by_employer)),
        ]
        self.ruptures.setText("\n".join(lines))
